// A real SMTP server on a free local port that keeps every message it receives, for journeys that follow a link
// Klik sends by e-mail (start Klik with KLIK_SMTP_URL = catcher.url). No TLS, no authentication: loopback only.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** @typedef {{ to: string, subject: string, text: string }} CaughtMail */

export async function startMailCatcher() {
  /** @type {CaughtMail[]} */
  const received = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = mail.to
            ? (Array.isArray(mail.to) ? mail.to : [mail.to]).map((a) => a.text).join(', ')
            : '';
          received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        })
        .catch((/** @type {Error} */ error) => callback(error));
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    received,
    /** For KLIK_SMTP_URL. */
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    /**
     * The first message that satisfies `match`, waiting for it to arrive.
     * @param {(mail: CaughtMail) => boolean} match
     * @param {number} [timeoutMs]
     * @returns {Promise<CaughtMail>}
     */
    async waitFor(match, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = received.map((mail) => `${mail.to}: ${mail.subject}`).join('; ') || 'nothing';
          throw new Error(`no matching e-mail within ${timeoutMs / 1000} s (received: ${seen})`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
