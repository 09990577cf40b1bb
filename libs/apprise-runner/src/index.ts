export * from './types';
export { AppriseRunner, type AppriseRunnerOptions } from './apprise-runner';
export { appriseUrlProblem, maskAppriseUrl, MAX_APPRISE_URL_LENGTH } from './apprise-url';
export { parseAppriseOutcome, type AppriseRun } from './apprise-outcome';
export { APPRISE_SCHEMES } from './apprise-schemes';
