import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  language: string | undefined;
}

/** A real SMTP server on a free port (no auth, no TLS) that keeps what it receives. */
export async function startSmtp(
  received: ReceivedMail[],
  port = 0,
): Promise<{ server: SMTPServer; port: number; url: string }> {
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: mail.to ? (Array.isArray(mail.to) ? mail.to : [mail.to]).map((a) => a.text).join(', ') : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            language: mail.headers.get('content-language') as string | undefined,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.server.address() as AddressInfo).port;
  return { server, port: actual, url: `smtp://127.0.0.1:${actual}?ignoreTLS=true` };
}

export const stopSmtp = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

/** The token of the staff invitation link in a mail (`http://klik.test/accept-invitation#<token>`). */
export const staffInvitationToken = (text: string): string | undefined =>
  /http:\/\/klik\.test\/accept-invitation#([A-Za-z0-9_-]{43})/.exec(text)?.[1];
