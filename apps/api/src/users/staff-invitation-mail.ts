import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailerService } from '../mail/mailer.service';
import type { Role } from '../common/current-auth';

export interface StaffInvitationMail {
  to: string;
  institutionName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}

const ROLE_NAMES: Record<Role, { nl: string; en: string }> = {
  institution_admin: { nl: 'beheerder', en: 'institution admin' },
  researcher: { nl: 'onderzoeker', en: 'researcher' },
  practitioner: { nl: 'behandelaar', en: 'practitioner' },
};

/** The invitation e-mail, Dutch then English: the inviter does not know the person's language. */
export function staffInvitationText(mail: StaffInvitationMail): { subject: string; text: string } {
  const role = ROLE_NAMES[mail.role];
  const day = (language: string) =>
    mail.expiresAt.toLocaleDateString(language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return {
    subject: `Uitnodiging voor Klik: ${mail.institutionName} / Invitation to Klik`,
    text: [
      `U bent uitgenodigd om als ${role.nl} mee te werken bij ${mail.institutionName} in Klik.`,
      `Open deze link om de uitnodiging aan te nemen (geldig tot ${day('nl-NL')}):`,
      '',
      mail.link,
      '',
      'Heeft u al een Klik-account met dit e-mailadres, dan bevestigt u met uw eigen wachtwoord; anders kiest u er een.',
      'Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren: er gebeurt niets zonder uw aanvaarding.',
      '',
      '---',
      '',
      `You have been invited to work in Klik as ${role.en} at ${mail.institutionName}.`,
      `Open this link to accept the invitation (valid until ${day('en-GB')}):`,
      '',
      mail.link,
      '',
      'If you already have a Klik account with this address, confirm with its password; otherwise choose one.',
      'Did you not expect this invitation? Then ignore this message: nothing happens unless you accept it.',
      '',
    ].join('\n'),
  };
}

/**
 * Delivers staff invitations to the invited address, and only there: by SMTP when KLIK_SMTP_URL is set. Without
 * it, outside production, the e-mail is written to the server's log for whoever runs the server to pass on (the
 * embedded default has no mail server); in production an invitation without SMTP is refused before anything is
 * stored, because nobody but the addressee may receive the link.
 */
@Injectable()
export class StaffInvitationMailer {
  private readonly logger = new Logger('StaffInvitations');

  constructor(
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws 503 `mail_not_configured` when the invitation could not be delivered at all. */
  assertCanDeliver(): void {
    if (!this.mailer.configured && this.config.environment === 'production') {
      throw new AppError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'mail_not_configured',
        'Staff invitations are sent by e-mail: set KLIK_SMTP_URL on the server first',
      );
    }
  }

  /** Sends (or, without SMTP outside production, logs) the mail; resolves to how it went out. */
  async deliver(mail: StaffInvitationMail): Promise<'sent' | 'logged'> {
    const { subject, text } = staffInvitationText(mail);
    if (this.mailer.configured) {
      await this.mailer.send({ to: mail.to, subject, text, language: 'nl, en' });
      return 'sent';
    }
    this.assertCanDeliver();
    this.logger.warn(
      `No SMTP server is configured (KLIK_SMTP_URL), so this staff invitation e-mail is printed here. ` +
        `Pass it on to ${mail.to} only:\n  To: ${mail.to}\n  Subject: ${subject}\n\n${text}`,
    );
    return 'logged';
  }
}
