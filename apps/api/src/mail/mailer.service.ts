import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Content-Language of the body: `nl`, `en`, or `nl, en` for a message in both. */
  language: string;
}

type Transport = ReturnType<typeof createTransport>;

/**
 * Hands messages to the SMTP server of KLIK_SMTP_URL; without it, `configured` is false and nothing is sent. Shared
 * by the participant outbox and the staff invitations.
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly transport: Transport | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const url = config.messaging.smtpUrl;
    // Short timeouts: a pass must not hang on an unreachable server; the message is retried later instead.
    this.transport = url
      ? createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('SMTP is not configured');
    await this.transport.sendMail({
      from: this.config.messaging.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: { 'Content-Language': mail.language },
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
