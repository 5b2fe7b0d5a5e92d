import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface MailCatcher {
  port: number;
  mails: ReceivedMail[];
  /** Resolves with the first mail (already received or arriving later) to `to` that matches. */
  waitForMail(to: string, predicate?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function recipients(parsed: ParsedMail): string[] {
  const fields = [parsed.to].flat().filter((field) => field !== undefined);
  return fields.flatMap((field) => field.value.map((address) => (address.address ?? '').toLowerCase()));
}

/** A real SMTP listener on a free local port, the API's only mail target during tests. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            to: recipients(parsed),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          waiters.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  async function waitForMail(to: string, predicate: (mail: ReceivedMail) => boolean = () => true, timeoutMs = 15_000) {
    const address = to.toLowerCase();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = mails.find((mail) => mail.to.includes(address) && predicate(mail));
      if (found) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        const seen = mails.map((mail) => `${mail.to.join(',')}: ${mail.subject}`).join('\n  ') || '(none)';
        throw new Error(`No mail to ${to} within ${timeoutMs} ms. Mails received:\n  ${seen}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  return {
    port,
    mails,
    waitForMail,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail that points to `path` (e.g. "/verify-email"). */
export function linkFromMail(mail: ReceivedMail, path: string): string {
  const pattern = new RegExp(`https?://[^\\s"'<>]+${path.replace(/[/?]/g, '\\$&')}\\?token=[^\\s"'<>]+`);
  const match = pattern.exec(mail.text) ?? pattern.exec(mail.html);
  if (!match) throw new Error(`No ${path} link in mail "${mail.subject}":\n${mail.text}`);
  return match[0].replace(/&amp;/g, '&');
}
