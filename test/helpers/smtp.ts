import { simpleParser, type ParsedMail } from 'mailparser';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: ParsedMail;
}

/**
 * A real SMTP listener on 127.0.0.1 that keeps every mail the app sends over the wire. It can be
 * stopped and started again on the same port (an outage of the mail server), hang instead of
 * answering, and refuse recipients.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /** When set, every recipient is refused with this reply (e.g. "550 5.1.1 <x@y>: no such user"). */
  rejectRecipients: string | null = null;
  private waiters: Array<() => void> = [];
  private server: SMTPServer | null = null;
  private hanging: { server: Server; sockets: Set<Socket> } | null = null;
  port = 0;

  /** Listens (again) on the same port as before, or on a free one the first time. */
  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (!this.rejectRecipients) return callback();
        const error = new Error(this.rejectRecipients) as Error & { responseCode: number };
        error.responseCode = Number(this.rejectRecipients.slice(0, 3)) || 550;
        callback(error);
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) =>
              a.value.map((v) => v.address?.toLowerCase() ?? ''),
            );
            this.mails.push({
              to,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              raw: parsed,
            });
            this.waiters.splice(0).forEach((w) => w());
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  /** Takes the port with a listener that accepts connections and never says a word, like a mail server that hangs. */
  async hang(): Promise<void> {
    await this.stop();
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.hanging = { server, sockets };
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits for a mail to this address matching the predicate (default: any), newest first. */
  async waitFor(to: string, predicate: (m: ReceivedMail) => boolean = () => true, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.mails].reverse().find((m) => m.to.includes(to.toLowerCase()) && predicate(m));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `No mail to ${to} within ${timeoutMs} ms; got: ${this.mails.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ') || 'none'}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  countTo(to: string): number {
    return this.mails.filter((m) => m.to.includes(to.toLowerCase())).length;
  }

  /** Closes whatever listens on the port (the mail server or the hanging listener); the port stays this sink's. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    const hanging = this.hanging;
    this.hanging = null;
    if (hanging) {
      hanging.sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => hanging.server.close(() => resolve()));
    }
  }
}

/** The first link in a mail's text that points at the given path, e.g. /verify-email. */
export function linkFrom(mail: ReceivedMail, path: string): URL {
  // The token, then any further parameters (returnTo) the link carries.
  const match = mail.text.match(new RegExp(`https?://\\S+${path.replace(/[/]/g, '\\/')}\\?token=[A-Za-z0-9_%-]+(?:&\\w+=[^\\s&]+)*`));
  if (!match) throw new Error(`No ${path} link in mail "${mail.subject}":\n${mail.text}`);
  return new URL(match[0]);
}
