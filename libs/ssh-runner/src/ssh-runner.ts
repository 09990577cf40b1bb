import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { killGroup, PROCESS_MARK_VARIABLE, processMarkInEffect, spawnGroup, type GroupExit } from '@borgitory/process-group';
import { assertAuthorizedKeyLine, installKeyScript, PASSWORD_VARIABLE, writeAskpass } from './install-key';
import { parseProbe, PROBE_SCRIPT } from './probe';
import { SftpClient, SftpStatusError } from './sftp-client';
import { lastLine, classifySshFailure, SshError, sshFailure } from './ssh-error';
import { assertTarget, connectionArgs, describeTarget, sshArgs, sshEnv } from './ssh-args';
import { remoteCommand } from './shell-quote';
import { assertSocketPath } from './tunnel';
import type {
  HostProbe,
  RemoteResult,
  RunOptions,
  SftpEntry,
  SftpSession,
  SshAccess,
  SshConnection,
  SshTarget,
  TunnelledCommand,
} from './types';

export interface SshRunnerOptions {
  /** Default 'ssh' (found on PATH). */
  sshBinary?: string;
  /** ConnectTimeout; default 15. */
  connectTimeoutSeconds?: number;
  /** The environment ssh's is taken from (PATH, HOME, LANG and a few more only); default process.env. */
  baseEnv?: NodeJS.ProcessEnv;
}

const DEFAULT_CONNECT_TIMEOUT_SECONDS = 15;
/** For the short calls of the library itself (probe, installKey, starting SFTP). */
const DEFAULT_CALL_TIMEOUT_MS = 60_000;
/** A remote command's output is kept in memory: more than this ends the call. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const MAX_STDERR_BYTES = 64 * 1024;
const KILL_GRACE_MS = 2000;

interface CallResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the OpenSSH client with argv arrays (never a local shell), each call in its own process group. */
export class SshRunner {
  private readonly sshBinary: string;
  private readonly connectTimeoutSeconds: number;
  private readonly baseEnv: NodeJS.ProcessEnv;

  constructor(options: SshRunnerOptions = {}) {
    this.sshBinary = options.sshBinary ?? 'ssh';
    this.connectTimeoutSeconds = options.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS;
    this.baseEnv = options.baseEnv ?? process.env;
  }

  /**
   * Runs argv on the host (each word quoted for the remote shell). A non-zero exit of the command is its result;
   * ssh's own failures (exit 255 with ssh's message) throw SshError.
   */
  async run(connection: SshConnection, argv: string[], options: RunOptions = {}): Promise<RemoteResult> {
    return this.runCommand(connection, remoteCommand(argv), options);
  }

  /** Runs a whole sh script on the host (through `sh -c`, whatever the user's login shell is). */
  async runScript(connection: SshConnection, script: string, options: RunOptions = {}): Promise<RemoteResult> {
    return this.runCommand(connection, remoteCommand(['sh', '-c', script]), options);
  }

  /** Who we are on the host, its borg and socat, and the free space of the home directory's file system. */
  async probe(connection: SshConnection): Promise<HostProbe> {
    const result = await this.call(
      connectionArgs(connection, this.connectTimeoutSeconds, remoteCommand(['sh', '-c', PROBE_SCRIPT])),
      this.env(),
      { timeoutMs: DEFAULT_CALL_TIMEOUT_MS },
    );
    const where = describeTarget(connection);
    const failure = sshFailure(result.code, result.stderr, where);
    if (failure) throw failure;
    if (result.code !== 0) {
      throw new SshError('REMOTE_FAILED', `The test script failed on ${where}: ${lastLine(result.stderr)}`, result.stderr);
    }
    return parseProbe(result.stdout);
  }

  /**
   * Logs in once with a password and adds `authorizedKeyLine` to the user's authorized_keys (once). The password
   * lives only in ssh's environment, which the askpass program (a script that holds no secret) prints from; the
   * script's directory is removed whatever happens.
   */
  async installKey(
    target: SshTarget & Pick<SshAccess, 'knownHostsFile' | 'hostKeyPolicy'>,
    password: string,
    authorizedKeyLine: string,
  ): Promise<void> {
    if (password === '' || /[\r\n\0]/.test(password)) throw new TypeError('the password must be one non-empty line');
    assertAuthorizedKeyLine(authorizedKeyLine);
    const args = sshArgs({
      target,
      hostKeyPolicy: target.hostKeyPolicy,
      knownHostsFile: target.knownHostsFile,
      connectTimeoutSeconds: this.connectTimeoutSeconds,
      options: [
        'BatchMode=no',
        'PreferredAuthentications=password,keyboard-interactive',
        'PubkeyAuthentication=no',
        'NumberOfPasswordPrompts=1',
      ],
      command: remoteCommand(['sh', '-c', installKeyScript(authorizedKeyLine)]),
    });
    const askpass = await writeAskpass();
    try {
      const env = this.env({
        SSH_ASKPASS: askpass.program,
        SSH_ASKPASS_REQUIRE: 'force',
        DISPLAY: ':0',
        [PASSWORD_VARIABLE]: password,
      });
      const result = await this.call(args, env, { timeoutMs: DEFAULT_CALL_TIMEOUT_MS });
      const where = describeTarget(target);
      const failure = sshFailure(result.code, result.stderr, where);
      if (failure) throw failure;
      if (result.code !== 0) {
        throw new SshError(
          'REMOTE_FAILED',
          `The key could not be added to ~/.ssh/authorized_keys on ${where}: ${lastLine(result.stderr)}`,
          result.stderr,
        );
      }
    } finally {
      await askpass.remove();
    }
  }

  /** An SFTP session (the host's sftp subsystem) for browsing directories. */
  async openSftp(connection: SshConnection): Promise<SftpSession> {
    const where = describeTarget(connection);
    const { child, stdin, stdout } = this.spawnLongLived(
      connectionArgs(connection, this.connectTimeoutSeconds, 'sftp', { flags: ['-s'] }),
      this.env(),
    );
    const stderrText = collectStderr(child);
    const exited = exitOf(child);
    const connectionLost = () => new SshError('UNREACHABLE', `The SFTP connection to ${where} closed.`, stderrText.text());
    const client = new SftpClient(stdin, stdout, connectionLost);
    const startTimer = setTimeout(() => endGroup(child), DEFAULT_CALL_TIMEOUT_MS);
    try {
      await client.init();
    } catch (error) {
      endGroup(child);
      const exit = await exited;
      const text = stderrText.text();
      throw (
        sshFailure(exit.code ?? 255, text, where) ??
        new SshError('REMOTE_FAILED', `SFTP did not start on ${where}: ${errorText(error, text)}`, text)
      );
    } finally {
      clearTimeout(startTimer);
    }
    const wrap = async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (error) {
        if (error instanceof SftpStatusError || error instanceof SshError) throw error;
        throw new SshError('REMOTE_FAILED', `SFTP on ${where} failed: ${errorText(error, stderrText.text())}`, stderrText.text());
      }
    };
    return {
      realpath: (path: string) => wrap(() => client.realpath(path)),
      exists: (path: string) => wrap(() => client.exists(path)),
      readdir: (path: string): Promise<SftpEntry[]> => wrap(() => client.readdir(path)),
      close: async () => {
        stdin.end();
        const timer = setTimeout(() => endGroup(child), KILL_GRACE_MS);
        await exited;
        clearTimeout(timer);
      },
    };
  }

  /**
   * Runs `script` (through `sh -c`) on the host with the local UNIX socket `localSocket` reverse-forwarded to
   * `remoteSocket` there. sshd creates the forwarded socket with its StreamLocalBindMask (0177 by default: mode 0600)
   * and as the remote user, so only that user (and root) can connect to it. sshd does not replace a socket file left
   * at that path unless its StreamLocalBindUnlink is on: give a fresh path each time. ExitOnForwardFailure ends ssh
   * when the forward cannot be set up, instead of running the script without it.
   */
  startTunnelled(connection: SshConnection, options: { remoteSocket: string; localSocket: string; script: string }): TunnelledCommand {
    assertTarget(connection);
    assertSocketPath(options.remoteSocket, 'remoteSocket');
    assertSocketPath(options.localSocket, 'localSocket');
    const { child, stdin, stdout, stderr } = this.spawnLongLived(
      connectionArgs(connection, this.connectTimeoutSeconds, remoteCommand(['sh', '-c', options.script]), {
        options: ['ExitOnForwardFailure=yes'],
        flags: ['-R', `${options.remoteSocket}:${options.localSocket}`],
      }),
      this.env(),
    );
    const exited = exitOf(child);
    return {
      child,
      stdout,
      stderr,
      write: (text: string) => {
        stdin.write(text);
      },
      endInput: () => {
        stdin.end();
      },
      exited,
      kill: () => endGroup(child),
    };
  }

  private async runCommand(connection: SshConnection, command: string, options: RunOptions): Promise<RemoteResult> {
    const result = await this.call(connectionArgs(connection, this.connectTimeoutSeconds, command), this.env(), options);
    const failure = classifySshFailure(result.code, result.stderr, describeTarget(connection));
    if (failure) throw failure;
    return { exitCode: result.code ?? 255, stdout: result.stdout, stderr: result.stderr };
  }

  private env(extra: Record<string, string> = {}): Record<string, string> {
    return sshEnv(this.baseEnv, extra);
  }

  /** One ssh process to its end; timeouts and abort end its group and throw. */
  private async call(args: string[], env: Record<string, string>, options: RunOptions): Promise<CallResult> {
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    const stderr = new StderrTail();
    let overflow = false;
    const child = spawnGroup({
      bin: this.sshBinary,
      args,
      env,
      stdin: options.stdin,
      stdout: 'pipe',
      onStderr: (chunk) => stderr.add(chunk),
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      killGraceMs: KILL_GRACE_MS,
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > MAX_OUTPUT_BYTES) {
        overflow = true;
        child.stop('cancelled');
      } else stdout.push(chunk);
    });
    const exit = await child.exited;
    if (exit.spawnError) throw exit.spawnError;
    return this.settle(exit, overflow, stderr.text(), options, stdout);
  }

  private settle(exit: GroupExit, overflow: boolean, stderr: string, options: RunOptions, stdout: Buffer[]): CallResult {
    if (overflow) {
      throw new SshError('REMOTE_FAILED', `The remote command wrote more than ${MAX_OUTPUT_BYTES} bytes.`, stderr);
    }
    if (exit.stoppedBy === 'timeout') {
      throw new SshError('TIMEOUT', `The remote command did not finish within ${options.timeoutMs} ms.`, stderr);
    }
    if (exit.stoppedBy === 'cancelled') throw new SshError('CANCELLED', 'The remote command was cancelled.', stderr);
    if (exit.code === null) {
      throw new SshError('REMOTE_FAILED', `ssh ended by signal ${exit.signal ?? 'unknown'}.`, stderr);
    }
    return { code: exit.code, stdout: Buffer.concat(stdout).toString('utf8'), stderr };
  }

  /** ssh with piped stdio as the leader of its own process group (for sessions that outlive one call). */
  private spawnLongLived(args: string[], env: Record<string, string>): PipedChild {
    const mark = processMarkInEffect();
    const child = spawn(this.sshBinary, args, {
      env: mark === undefined ? env : { ...env, [PROCESS_MARK_VARIABLE]: mark },
      detached: true,
      shell: false,
      windowsHide: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.on('error', () => undefined); // reported through exitOf
    const { stdin, stdout, stderr } = child;
    if (!stdin || !stdout || !stderr) throw new Error('ssh was started without pipes');
    stdin.on('error', () => undefined); // EPIPE once ssh is gone; its exit says why
    return { child, stdin, stdout, stderr };
  }
}

interface PipedChild {
  child: ChildProcess;
  stdin: Writable;
  stdout: Readable;
  stderr: Readable;
}

/** Settles once the child has exited and its stdio is closed (or it could not be started). */
function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.pid === undefined) {
      child.once('error', () => resolve({ code: null, signal: null }));
      return;
    }
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal }));
  });
}

/** SIGTERM to the group, SIGKILL after a grace period unless it is gone. */
function endGroup(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined || !killGroup(pid, 'SIGTERM')) return;
  const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_GRACE_MS);
  timer.unref();
  child.once('exit', () => {
    clearTimeout(timer);
    killGroup(pid, 'SIGKILL');
  });
}

/** The first MAX_STDERR_BYTES of ssh's stderr, decoded as UTF-8 only when read (a chunk may end inside a character). */
class StderrTail {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;

  add(chunk: Buffer): void {
    if (this.bytes >= MAX_STDERR_BYTES) return;
    this.chunks.push(chunk);
    this.bytes += chunk.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function collectStderr(child: ChildProcess): StderrTail {
  const tail = new StderrTail();
  child.stderr?.on('data', (chunk: Buffer) => tail.add(chunk));
  return tail;
}

function errorText(error: unknown, stderr: string): string {
  return lastLine(stderr) || (error instanceof Error ? error.message : String(error));
}
