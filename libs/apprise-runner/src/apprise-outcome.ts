import { appriseUrlSecrets, MASK, maskAppriseUrl } from './apprise-url';
import type { AppriseOutcome } from './types';

export interface AppriseRun {
  /** null when apprise was ended by a signal. */
  exitCode: number | null;
  signal?: string | null;
  /** What apprise printed with -vv: its log (stdout) and click's usage errors or a traceback (stderr). */
  output: string;
  /** The URL it was given: its secret parts are scrubbed from the reason. */
  url: string;
}

export const MAX_REASON_LENGTH = 500;

/** `2026-12-05 12:03:15,448 - WARNING - Failed to send JSON POST notification: Internal server error., error=500.` */
const LOG_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ - (DEBUG|INFO|WARNING|ERROR|CRITICAL) - (.*)$/;
/** Lines that follow the real reason and only say that the configuration, hence the call, came to nothing. */
const CONSEQUENCES = [
  /^Failed to load Apprise configuration from /,
  /^You must specify at least one server URL/,
  /^You defined both URLs and a --config/,
  / on line \d+\.$/,
];
const NO_USABLE_URL = /^You must specify at least one server URL/;
const URL_LIKE = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>`]*/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/**
 * The outcome of one apprise run from its exit code and -vv output: ok on exit 0, else a short reason in Apprise's
 * own words (the service's HTTP status, a connection error, a URL it could not use). URLs in the reason are masked
 * and the given URL's secret parts scrubbed wherever they appear.
 */
export function parseAppriseOutcome(run: AppriseRun): AppriseOutcome {
  if (run.exitCode === 0) return { ok: true };
  return { ok: false, reason: scrubAppriseText(reasonOf(run), run.url) };
}

function reasonOf(run: AppriseRun): string {
  const lines = run.output.split(/\r?\n/);
  const logged = lines.flatMap((line) => {
    const match = LOG_LINE.exec(line);
    return match && match[1] !== 'DEBUG' && match[1] !== 'INFO' ? [match[2].trim()] : [];
  });
  const reasons = [...new Set(logged.filter((line) => line !== '' && !CONSEQUENCES.some((pattern) => pattern.test(line))))];
  if (reasons.length > 0) return reasons.join('; ');

  const usage = lines.find((line) => line.startsWith('Error: '));
  if (usage) return `apprise refused its arguments: ${usage.slice('Error: '.length).trim()}`;
  const tracebackAt = lines.findIndex((line) => line.startsWith('Traceback (most recent call last)'));
  if (tracebackAt !== -1) {
    const last = lines
      .slice(tracebackAt)
      .filter((line) => line.trim() !== '' && !line.startsWith(' '))
      .at(-1);
    if (last) return `apprise failed: ${last.trim()}`;
  }
  if (logged.some((line) => NO_USABLE_URL.test(line))) return 'Apprise found no URL it could use';
  if (run.exitCode === 3) return 'Apprise notified no service';
  if (run.exitCode === null) return `apprise was ended by ${run.signal ?? 'a signal'}`;
  return `apprise exited with code ${run.exitCode}`;
}

/** Text from apprise made safe to show and store: every URL in it masked, the URL's secret parts replaced, bounded. */
export function scrubAppriseText(text: string, url: string): string {
  let out = text.replace(URL_LIKE, (found) => {
    const trailing = TRAILING_PUNCTUATION.exec(found)?.[0] ?? '';
    return maskAppriseUrl(found.slice(0, found.length - trailing.length)) + trailing;
  });
  const secrets = appriseUrlSecrets(url)
    .filter((secret) => secret.length >= 3)
    .sort((a, b) => b.length - a.length);
  for (const secret of secrets) out = out.split(secret).join(MASK);
  return out.length > MAX_REASON_LENGTH ? `${out.slice(0, MAX_REASON_LENGTH - 1)}…` : out;
}
