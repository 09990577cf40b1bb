export { SshRunner, type SshRunnerOptions } from './ssh-runner';
export { SshError, type SshErrorCode } from './ssh-error';
export { remoteCommand, shellQuote } from './shell-quote';
export { SftpStatusError } from './sftp-client';
export { INSTALL_COMMANDS } from './probe';
export type {
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
