import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { isAbsolute, join, normalize } from 'node:path';
import { PassThrough } from 'node:stream';
import { LineSplitter, spawnGroup, type GroupExit, type GroupProcess } from '@borgitory/process-group';
import { buildBorgEnv } from '../borg-env';
import { RpcGuard, type RpcRefusal } from './rpc-guard';

export interface BorgServeBridgeOptions {
  /** The repository the host writes into: absolute, as borg serve is restricted to exactly it. */
  repositoryPath: string;
  borgBinary?: string;
  /** Where PATH, HOME, … come from (default process.env); nothing else of it reaches borg serve. */
  baseEnv?: NodeJS.ProcessEnv;
  /** BORG_BASE_DIR of borg serve; by default the bridge's own temporary directory. */
  baseDir?: string;
  /** SIGKILL follows SIGTERM after this long when the bridge closes. Default 2000. */
  killGraceMs?: number;
}

export interface PullConnectionEnd {
  exit: GroupExit;
  /** borg serve's stderr (JSON log lines once the client negotiated), the last MAX_STDERR_LINES of it. */
  stderrLines: string[];
  refusal: RpcRefusal | null;
}

export interface PullConnection {
  readonly id: number;
  /** borg serve's stderr lines as they come. */
  onStderrLine(listener: (line: string) => void): void;
  /** Settles when borg serve has exited and the host's side is closed. */
  readonly ended: Promise<PullConnectionEnd>;
}

const MAX_STDERR_LINES = 200;
/** After a refusal the host's borg exits on its own; this is how long it may take. */
const REFUSAL_LINGER_MS = 10_000;
/** How long borg serve may take to close the repository by itself once its input ended, before SIGTERM. */
const CLOSE_WAIT_MS = 1000;

/**
 * A UNIX socket that the host's borg reaches through ssh's reverse forward: each connection gets its own
 * `borg serve --append-only --restrict-to-repository REPO`, fed through an RpcGuard.
 */
export class BorgServeBridge {
  readonly refusals: RpcRefusal[] = [];
  private readonly connections = new Set<BridgeConnection>();
  private readonly connectionListeners: ((connection: PullConnection) => void)[] = [];
  private nextId = 1;
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly options: BorgServeBridgeOptions,
    private readonly dir: string,
    private readonly server: Server,
    readonly socketPath: string,
  ) {}

  static async start(options: BorgServeBridgeOptions): Promise<BorgServeBridge> {
    const path = options.repositoryPath;
    if (!isAbsolute(path) || normalize(path) !== path || path.includes('\0')) {
      throw new TypeError('repositoryPath must be an absolute, normalised path');
    }
    const dir = await mkdtemp(join(tmpdir(), 'borgitory-pull-')); // mode 0700
    const socketPath = join(dir, 'borg.sock');
    const server = createServer();
    const bridge = new BorgServeBridge(options, dir, server, socketPath);
    server.on('connection', (socket) => bridge.accept(socket));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(socketPath, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return bridge;
  }

  /** Called for each connection the host opens (borg opens one per command). */
  onConnection(listener: (connection: PullConnection) => void): void {
    this.connectionListeners.push(listener);
  }

  /**
   * Ends every connection: the host's side closed, borg serve's input ended (it closes the repository and exits);
   * one that has not exited after a second gets SIGTERM, then SIGKILL. Closes the socket, removes the directory.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      await Promise.all([...this.connections].map((connection) => connection.close()));
      await closed;
      await rm(this.dir, { recursive: true, force: true });
    })();
    return this.closing;
  }

  private accept(socket: Socket): void {
    if (this.closing) {
      socket.destroy();
      return;
    }
    const env = buildBorgEnv({ baseDir: this.options.baseDir ?? this.dir, baseEnv: this.options.baseEnv, connection: null });
    const connection = new BridgeConnection(this.nextId++, socket, {
      bin: this.options.borgBinary ?? 'borg',
      args: ['serve', '--append-only', '--restrict-to-repository', this.options.repositoryPath],
      env,
      killGraceMs: this.options.killGraceMs ?? 2000,
      onRefusal: (refusal) => this.refusals.push(refusal),
    });
    this.connections.add(connection);
    void connection.ended.then(() => this.connections.delete(connection));
    for (const listener of this.connectionListeners) listener(connection);
  }
}

interface ServeSpec {
  bin: string;
  args: string[];
  env: Record<string, string>;
  killGraceMs: number;
  onRefusal: (refusal: RpcRefusal) => void;
}

class BridgeConnection implements PullConnection {
  readonly ended: Promise<PullConnectionEnd>;
  private readonly serve: GroupProcess;
  private readonly guard = new RpcGuard();
  private readonly stderrLines: string[] = [];
  private readonly lineListeners: ((line: string) => void)[] = [];
  /** Error replies wait until borg serve has written its last reply, so that no two replies interleave. */
  private pendingReplies: Buffer[] | null = [];
  private closing = false;

  constructor(
    readonly id: number,
    private readonly socket: Socket,
    spec: ServeSpec,
  ) {
    const splitter = new LineSplitter();
    const toServe = new PassThrough();
    const endServeInput = () => {
      if (!toServe.writableEnded) toServe.end();
    };
    this.serve = spawnGroup({
      bin: spec.bin,
      args: spec.args,
      env: spec.env,
      stdin: toServe,
      stdout: 'pipe',
      killGraceMs: spec.killGraceMs,
      onStderr: (chunk) => splitter.push(chunk).forEach((line) => this.stderrLine(line)),
    });
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      const step = this.guard.push(chunk);
      let full = false;
      for (const piece of step.forward) full = !toServe.write(piece) || full;
      if (full) {
        socket.pause();
        toServe.once('drain', () => socket.resume());
      }
      this.reply(step.replies);
      if (step.refusal) {
        spec.onRefusal(step.refusal);
        endServeInput();
        setTimeout(() => socket.destroy(), REFUSAL_LINGER_MS).unref();
      }
    });
    // The host is gone: borg serve reads EOF, closes the repository (nothing uncommitted stays) and exits.
    const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    void socketClosed.then(endServeInput);
    const stdout = this.serve.stdout;
    stdout?.pipe(socket, { end: false });
    stdout?.once('end', () => {
      const replies = this.pendingReplies ?? [];
      this.pendingReplies = null;
      for (const reply of replies) socket.write(reply);
      // After a refusal the host's borg reads the replies and closes its side itself; a client that did not speak
      // borg's protocol gets no reply to wait for.
      if (this.guard.refusal?.reason !== 'delete' && this.guard.refusal?.reason !== 'method') socket.end();
    });
    this.ended = Promise.all([this.serve.exited, socketClosed]).then(([exit]) => {
      splitter.end().forEach((line) => this.stderrLine(line));
      return { exit, stderrLines: this.stderrLines, refusal: this.guard.refusal };
    });
  }

  onStderrLine(listener: (line: string) => void): void {
    this.lineListeners.push(listener);
  }

  /** The host's side closed, so borg serve's input ends; if it has not exited within a second, it is stopped. */
  async close(): Promise<void> {
    if (!this.closing) {
      this.closing = true;
      this.socket.destroy();
      const settled = await Promise.race([this.ended.then(() => true), delay(CLOSE_WAIT_MS).then(() => false)]);
      if (!settled) this.serve.stop('cancelled');
    }
    await this.ended;
  }

  private reply(replies: Buffer[]): void {
    if (replies.length === 0) return;
    if (this.pendingReplies) this.pendingReplies.push(...replies);
    else for (const reply of replies) this.socket.write(reply);
  }

  private stderrLine(line: string): void {
    this.stderrLines.push(line);
    if (this.stderrLines.length > MAX_STDERR_LINES) this.stderrLines.shift();
    for (const listener of this.lineListeners) listener(line);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
