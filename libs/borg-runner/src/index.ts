export * from './borg-version';
export * from './types';
export { BorgError, type BorgErrorInit, type BorgErrorKind } from './borg-error';
export { BorgRunner } from './borg-runner';
export { borgKeysDir, isRemoteLocation, locationProblem, parseBorgLocation, type BorgLocation } from './location';
export { buildBorgRsh, shlexQuote } from './borg-rsh';
export { ENV_ALLOWLIST } from './borg-env';
export { probeSsh, sshDestination } from './ssh-probe';
export { parseBorgTime } from './borg-time';
export { describeBorgCommand } from './borg-command';
export { BorgServeBridge, type BorgServeBridgeOptions, type PullConnection, type PullConnectionEnd } from './pull-mode/borg-serve-bridge';
export { PULL_MODE_METHODS, RpcGuard, type GuardStep, type RefusalReason, type RpcRefusal } from './pull-mode/rpc-guard';
export { REFUSAL_EXCEPTION_CLASS } from './pull-mode/rpc-error-reply';
export {
  parseRemotePid,
  passphraseLine,
  pullRepositoryLocation,
  remoteBorgScript,
  remoteCancelScript,
  REMOTE_PID_MARKER,
  REMOTE_SCRIPT_EXIT,
  type RemoteBorgScriptInput,
} from './pull-mode/remote-borg-script';
