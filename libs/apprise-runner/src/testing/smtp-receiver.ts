import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message: headers, a blank line, the MIME body. */
  raw: string;
}

export interface TestSmtpReceiver {
  port: number;
  user: string;
  password: string;
  received: ReceivedMail[];
  /** `mailto://USER:PASSWORD@127.0.0.1:PORT?from=…&to=…`: plain SMTP with a login, as Apprise sends to it. */
  appriseUrl(to: string, options?: { password?: string }): string;
  /** The n-th mail (0-based), once it has arrived. */
  mail(index: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

const USER = 'borgitory';
const FROM = 'borgitory@example.org';

/** A real SMTP server (smtp-server) on 127.0.0.1 without TLS that accepts one login and records every mail. */
export async function startSmtpReceiver(password = 'smtp test password 5'): Promise<TestSmtpReceiver> {
  const received: ReceivedMail[] = [];
  const waiting = new Map<number, Array<(mail: ReceivedMail) => void>>();
  const server = new SMTPServer({
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === password) callback(null, { user: USER });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        const mail = {
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        const index = received.push(mail) - 1;
        waiting.get(index)?.forEach((resolve) => resolve(mail));
        waiting.delete(index);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    user: USER,
    password,
    received,
    appriseUrl: (to, options = {}) =>
      `mailto://${USER}:${encodeURIComponent(options.password ?? password)}@127.0.0.1:${port}?from=${FROM}&to=${encodeURIComponent(to)}`,
    mail: (index) =>
      index < received.length
        ? Promise.resolve(received[index])
        : new Promise((resolve) => waiting.set(index, [...(waiting.get(index) ?? []), resolve])),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
