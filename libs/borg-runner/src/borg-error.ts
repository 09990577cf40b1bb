import type { RemoteProblem } from '@borgitory/remote-host';

/** 'refused': nothing was started, because the location's user, host or port could reach ssh as something else. */
export type BorgErrorKind = 'exit' | 'spawn' | 'cancelled' | 'timeout' | 'refused';

export interface BorgErrorInit {
  message: string;
  kind: BorgErrorKind;
  exitCode: number | null;
  msgid?: string | null;
  stderrTail?: string[];
  command: string[];
  /** The signal that ended borg, when one did. */
  signal?: string | null;
}

/** How a borg call failed. Never carries the passphrase: argv holds none and stderr is scrubbed before it gets here. */
export class BorgError extends Error {
  /** null when killed by a signal or failed to spawn. */
  readonly exitCode: number | null;
  /** e.g. 'PassphraseWrong', 'Repository.DoesNotExist'; null if unknown. */
  readonly msgid: string | null;
  /** Last ~20 error/warning lines (log messages' text and plain stderr lines). */
  readonly stderrTail: string[];
  /** argv without the binary. */
  readonly command: string[];
  readonly kind: BorgErrorKind;
  readonly signal: string | null;

  constructor(init: BorgErrorInit) {
    super(init.message);
    this.name = 'BorgError';
    this.kind = init.kind;
    this.exitCode = init.exitCode;
    this.msgid = init.msgid ?? null;
    this.stderrTail = init.stderrTail ?? [];
    this.command = [...init.command];
    this.signal = init.signal ?? null;
  }
}

/** A readable duration for messages: 30000 → "30 s", 300 → "0.3 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1)) || ms / 1000} s`;
}

/** The BorgError for output borg printed that we could not read (e.g. stdout of a --json call that is no JSON). */
export function invalidOutputError(command: string[], subcommand: string, what: string, exitCode: number | null = 0): BorgError {
  return new BorgError({ kind: 'exit', exitCode, message: `borg ${subcommand} ${what}`, command });
}

/** The BorgError for a call that was not started because of its location (see locationProblem). */
export function refusedLocationError(program: 'borg' | 'ssh', problem: RemoteProblem, command: string[]): BorgError {
  return new BorgError({
    kind: 'refused',
    exitCode: null,
    message: `${program} was not started: the ${problem.part} of the repository location cannot be used: ${problem.message}`,
    command,
  });
}
