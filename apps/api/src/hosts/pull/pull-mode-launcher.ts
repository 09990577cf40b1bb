import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { GroupExit, GroupProcess, StopReason } from '@borgitory/process-group';
import {
  BorgServeBridge,
  parseRemotePid,
  passphraseLine,
  remoteBorgScript,
  remoteCancelScript,
  type BorgLauncher,
  type BorgLaunchRequest,
} from '@borgitory/borg-runner';
import type { SshConnection, SshRunner } from '@borgitory/ssh-runner';

/** How long ending the host's borg may take before the tunnel is cut anyway. */
const REMOTE_CANCEL_TIMEOUT_MS = 15_000;
/** The script's first stderr line names its pid; a longer first line is not that marker. */
const MAX_MARKER_BYTES = 64;

/**
 * Runs each borg call on a host: ssh forwards a fresh socket on the host (0600, its user's) back to the bridge's
 * `borg serve`, the host runs remoteBorgScript, and the passphrase goes as the first line of its stdin. Stopping ends
 * borg and socat on the host first (remoteCancelScript over a second ssh connection), then the tunnel.
 */
export class PullModeLauncher implements BorgLauncher {
  /** Set when a call's ssh ended with its own failure code or was killed (the connection dropped), not with borg's exit. */
  connectionLost = false;

  constructor(
    private readonly ssh: SshRunner,
    private readonly connection: SshConnection,
    private readonly bridge: BorgServeBridge,
    private readonly repositoryPath: string,
  ) {}

  launch(request: BorgLaunchRequest): GroupProcess {
    const remoteSocket = `/tmp/borgitory-${randomBytes(12).toString('hex')}.sock`;
    const script = remoteBorgScript({
      socketPath: remoteSocket,
      repositoryPath: this.repositoryPath,
      borgArgs: request.args,
      workingDirectory: request.cwd,
      outputEnv: request.outputEnv,
    });
    const tunnel = this.ssh.startTunnelled(this.connection, { remoteSocket, localSocket: this.bridge.socketPath, script });
    tunnel.write(passphraseLine(request.passphrase));
    tunnel.endInput();

    let remotePid: number | null = null;
    let markerRead = false;
    let pending = Buffer.alloc(0);
    tunnel.stderr.on('data', (chunk: Buffer) => {
      if (markerRead) return request.onStderr(chunk);
      pending = Buffer.concat([pending, chunk]);
      const newline = pending.indexOf(0x0a);
      if (newline === -1 && pending.length < MAX_MARKER_BYTES) return;
      markerRead = true;
      const first = newline === -1 ? '' : pending.subarray(0, newline).toString('utf8');
      remotePid = parseRemotePid(first);
      const rest = remotePid === null ? pending : pending.subarray(newline + 1);
      if (rest.length > 0) request.onStderr(rest);
    });
    const stdout = tunnel.stdout as Readable;
    if (request.stdout === 'ignore') stdout.resume();

    let stoppedBy: StopReason | null = null;
    const stop = (reason: StopReason = 'cancelled'): void => {
      if (stoppedBy) return;
      stoppedBy = reason;
      const pid = remotePid;
      if (pid === null) return tunnel.kill();
      void this.ssh
        .runScript(this.connection, remoteCancelScript(pid), { timeoutMs: REMOTE_CANCEL_TIMEOUT_MS })
        .catch(() => undefined)
        .finally(() => tunnel.kill());
    };
    const onAbort = () => stop('cancelled');
    if (request.signal?.aborted) onAbort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = request.timeoutMs ? setTimeout(() => stop('timeout'), request.timeoutMs) : undefined;

    const exited = tunnel.exited.then(({ code, signal }): GroupExit => {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      if (markerRead === false && pending.length > 0) request.onStderr(pending);
      // ssh's own failure code, or ssh ended by something else than a stop: the connection, not borg, ended the call.
      if (stoppedBy === null && (code === 255 || (code === null && signal !== null))) this.connectionLost = true;
      return { code, signal, stoppedBy, spawnError: null };
    });
    return { pid: tunnel.child.pid, stdout: request.stdout === 'pipe' ? stdout : null, exited, stop };
  }
}
