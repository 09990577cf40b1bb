import type { Readable, Writable } from 'node:stream';
import {
  decodeReply,
  encodePacket,
  entryType,
  FX,
  FXP,
  PacketSplitter,
  SFTP_VERSION,
  SftpProtocolError,
  type Field,
  type SftpReply,
} from './sftp-packets';
import type { SftpEntry } from './types';

/** A STATUS reply other than OK (and other than EOF where EOF ends a listing). */
export class SftpStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SftpStatusError';
  }
}

type Waiter = { resolve: (reply: SftpReply) => void; reject: (error: Error) => void };

/**
 * The client side of SFTP 3 over a pair of streams (the ssh child's stdin and stdout). Requests are numbered and may
 * overlap; each reply settles the request with its id. When the stream ends or breaks, every open request fails.
 */
export class SftpClient {
  private readonly splitter = new PacketSplitter();
  private readonly waiting = new Map<number, Waiter>();
  private versionWaiter: Waiter | null = null;
  private nextId = 1;
  private failure: Error | null = null;

  constructor(
    private readonly input: Writable,
    output: Readable,
    private readonly onEnd: () => Error = () => new SftpProtocolError('the SFTP connection closed'),
  ) {
    output.on('data', (chunk: Buffer) => this.receive(chunk));
    output.once('end', () => this.fail(this.onEnd()));
    output.once('close', () => this.fail(this.onEnd()));
    output.once('error', (error) => this.fail(error));
    input.on('error', () => undefined); // EPIPE once ssh is gone; the reader side reports it
  }

  /** INIT / VERSION. */
  async init(): Promise<number> {
    const reply = await new Promise<SftpReply>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.versionWaiter = { resolve, reject };
      this.input.write(encodePacket(FXP.INIT, [SFTP_VERSION]));
    });
    if (reply.type !== FXP.VERSION) throw new SftpProtocolError('the server did not answer INIT with VERSION');
    if (reply.version < SFTP_VERSION) throw new SftpProtocolError(`the server speaks SFTP ${reply.version} only`);
    return reply.version;
  }

  async realpath(path: string): Promise<string> {
    const reply = await this.request(FXP.REALPATH, [path]);
    if (reply.type !== FXP.NAME || reply.names.length !== 1) throw unexpected(reply, path);
    return reply.names[0].name;
  }

  /**
   * Whether something is at `path` (a dangling link counts). LSTAT, not REALPATH: OpenSSH's sftp-server answers
   * REALPATH for a path whose last component is missing.
   */
  async exists(path: string): Promise<boolean> {
    return this.request(FXP.LSTAT, [path]).then(
      () => true,
      (error: unknown) => {
        if (error instanceof SftpStatusError && error.status === FX.NO_SUCH_FILE) return false;
        throw error;
      },
    );
  }

  async readdir(path: string): Promise<SftpEntry[]> {
    const opened = await this.request(FXP.OPENDIR, [path]);
    if (opened.type !== FXP.HANDLE) throw unexpected(opened, path);
    const entries: SftpEntry[] = [];
    try {
      for (;;) {
        const reply = await this.request(FXP.READDIR, [opened.handle], true);
        if (reply.type === FXP.STATUS) break; // EOF
        if (reply.type !== FXP.NAME) throw unexpected(reply, path);
        for (const found of reply.names) {
          if (found.name === '.' || found.name === '..') continue;
          let attrs = found.attrs;
          if (attrs.permissions === null || attrs.size === null || attrs.mtime === null) {
            attrs = await this.lstat(Buffer.concat([Buffer.from(path.replace(/\/*$/, '/'), 'utf8'), found.bytes]));
          }
          entries.push({
            name: found.name,
            type: entryType(attrs.permissions),
            size: attrs.size ?? 0,
            modifiedAt: new Date((attrs.mtime ?? 0) * 1000),
          });
        }
      }
    } finally {
      await this.request(FXP.CLOSE, [opened.handle]).catch(() => undefined);
    }
    return entries;
  }

  private async lstat(path: Buffer) {
    const reply = await this.request(FXP.LSTAT, [path]);
    if (reply.type !== FXP.ATTRS) throw unexpected(reply, path.toString('utf8'));
    return reply.attrs;
  }

  /** Sends a request; a STATUS reply other than OK (or EOF when `eofIsAnswer`) rejects with SftpStatusError. */
  private request(type: number, fields: Field[], eofIsAnswer = false): Promise<SftpReply> {
    return new Promise<SftpReply>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const id = this.nextId;
      this.nextId = (this.nextId + 1) >>> 0 || 1;
      this.waiting.set(id, {
        resolve: (reply) => {
          if (reply.type === FXP.STATUS && reply.code !== FX.OK && !(eofIsAnswer && reply.code === FX.EOF)) {
            reject(new SftpStatusError(reply.code, statusMessage(reply.code, reply.message)));
          } else resolve(reply);
        },
        reject,
      });
      this.input.write(encodePacket(type, [id, ...fields]));
    });
  }

  private receive(chunk: Buffer): void {
    if (this.failure) return;
    try {
      for (const body of this.splitter.push(chunk)) this.dispatch(decodeReply(body));
    } catch (error) {
      this.fail(error instanceof Error ? error : new SftpProtocolError(String(error)));
    }
  }

  private dispatch(reply: SftpReply): void {
    if (reply.type === FXP.VERSION) {
      const waiter = this.versionWaiter;
      this.versionWaiter = null;
      waiter?.resolve(reply);
      return;
    }
    const id = reply.id;
    const waiter = id === null ? undefined : this.waiting.get(id);
    if (!waiter || id === null) throw new SftpProtocolError('an SFTP reply to no request');
    this.waiting.delete(id);
    waiter.resolve(reply);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.versionWaiter?.reject(error);
    this.versionWaiter = null;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

function unexpected(reply: SftpReply, path: string): Error {
  return new SftpProtocolError(`unexpected SFTP reply (${String(reply.type)}) for ${JSON.stringify(path)}`);
}

/** The server's own message (OpenSSH: "No such file", "Permission denied"), or the status's meaning without one. */
function statusMessage(code: number, message: string): string {
  if (message !== '') return message;
  if (code === FX.NO_SUCH_FILE) return 'No such file';
  if (code === FX.PERMISSION_DENIED) return 'Permission denied';
  return `SFTP status ${code}`;
}
