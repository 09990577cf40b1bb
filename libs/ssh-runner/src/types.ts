import type { ChildProcess } from 'node:child_process';

/** Where to connect. host: a name, an IPv4 address or a bare IPv6 address (checked with @borgitory/remote-host). */
export interface SshTarget {
  user: string;
  host: string;
  port: number;
}

/** How to trust the host and prove who we are. */
export interface SshAccess {
  /** The known_hosts file Borgitory keeps (UserKnownHostsFile). */
  knownHostsFile: string;
  /** 'accept-new' records an unknown host's key the first time; 'strict' refuses a host whose key is not known. */
  hostKeyPolicy: 'accept-new' | 'strict';
  /** The private key file (IdentityFile, IdentitiesOnly). */
  identityFile: string;
}

export type SshConnection = SshTarget & SshAccess;

export interface RemoteResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the remote command's stdin, which is then closed. Without it stdin is empty. */
  stdin?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HostProbe {
  user: string;
  home: string;
  borgVersion: string | null;
  socatVersion: string | null;
  /** Free bytes (for an unprivileged user) of the file system holding the home directory. */
  freeBytes: number | null;
  missing: Array<{ tool: 'borg' | 'socat'; install: string }>;
}

export interface SftpEntry {
  name: string;
  type: 'directory' | 'file' | 'symlink' | 'other';
  size: number;
  modifiedAt: Date;
}

export interface SftpSession {
  realpath(path: string): Promise<string>;
  /** Whether something is at the path; any answer but "no such file" rejects. */
  exists(path: string): Promise<boolean>;
  readdir(path: string): Promise<SftpEntry[]>;
  close(): Promise<void>;
}

/** A remote command with a reverse-forwarded UNIX socket. */
export interface TunnelledCommand {
  /** The local ssh process, leader of its own process group. */
  readonly child: ChildProcess;
  readonly stdout: NodeJS.ReadableStream;
  readonly stderr: NodeJS.ReadableStream;
  /** Writes to the remote command's stdin. */
  write(text: string): void;
  /** Closes the remote command's stdin. */
  endInput(): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ends the local ssh process group (SIGTERM, then SIGKILL after a grace period). */
  kill(): void;
}
