export * from './borg-version';
export * from './types';
export { BorgError, type BorgErrorInit, type BorgErrorKind } from './borg-error';
export { BorgRunner } from './borg-runner';
export { borgKeysDir, isRemoteLocation, locationProblem, parseBorgLocation, type BorgLocation } from './location';
export { buildBorgRsh, shlexQuote } from './borg-rsh';
export { ENV_ALLOWLIST } from './borg-env';
export { probeSsh, sshDestination } from './ssh-probe';
