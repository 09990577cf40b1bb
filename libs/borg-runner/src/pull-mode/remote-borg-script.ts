import { isAbsolute, normalize } from 'node:path';
import { shellQuote } from '@borgitory/remote-host';
import { shlexQuote } from '../borg-rsh';

export interface RemoteBorgScriptInput {
  /** The host's end of the reverse-forwarded socket. */
  socketPath: string;
  /** The repository on the Borgitory side, as BorgServeBridge serves it. */
  repositoryPath: string;
  /** borg's arguments after `borg`; `::NAME` names an archive of the repository (it is in BORG_REPO). */
  borgArgs: string[];
  /** Where borg runs on the host (extract writes there); the login directory when left out. */
  workingDirectory?: string;
  /** Variables borg's output depends on, of OUTPUT_VARIABLES only (PYTHONIOENCODING). */
  outputEnv?: Record<string, string>;
}

/** The only variables a caller may set for the host's borg: they change how it writes, never what it does. */
const OUTPUT_VARIABLES = new Set(['PYTHONIOENCODING']);

/** Exit codes of the script itself; borg's own are 0, 1, 2 and 128+signal. */
export const REMOTE_SCRIPT_EXIT = {
  borgMissing: 80,
  socatMissing: 81,
  noPassphraseLine: 82,
  noWorkingDirectory: 83,
} as const;

/** The script's first stderr line: `borgitory-pid 1234`. */
export const REMOTE_PID_MARKER = 'borgitory-pid';

/**
 * The repository as the host's borg names it. The host name is never resolved (BORG_RSH ignores it); borg reads
 * `{…}` as placeholders, so braces are doubled.
 */
export function pullRepositoryLocation(repositoryPath: string): string {
  if (!isAbsolute(repositoryPath) || normalize(repositoryPath) !== repositoryPath || repositoryPath.length < 2) {
    throw new TypeError('repositoryPath must be an absolute, normalised path');
  }
  if (/[\0\r\n]/.test(repositoryPath) || repositoryPath.includes('::')) {
    throw new TypeError('repositoryPath cannot hold line breaks, NUL or "::"');
  }
  // borg serve reads /~… and /./… as relative to a home or the working directory.
  if (repositoryPath.startsWith('/~') || repositoryPath.startsWith('/./')) {
    throw new TypeError('repositoryPath cannot start with "/~"');
  }
  return `ssh://borgitory${repositoryPath.replace(/[{}]/g, '$&$&')}`;
}

/**
 * The POSIX sh script the host runs (ssh's remote command): it reads the passphrase from the first line of its
 * stdin into BORG_PASSPHRASE (an empty line: none), prints its pid (the session leader of the remote command, so
 * that remoteCancelScript ends borg and socat together), checks for borg and socat, and execs borg with BORG_RSH
 * reaching borg serve through socat and the forwarded socket. The passphrase is on no argv and in no file.
 */
export function remoteBorgScript(input: RemoteBorgScriptInput): string {
  if (!/^\/[A-Za-z0-9_./-]+$/.test(input.socketPath)) {
    throw new TypeError('socketPath must be an absolute path of letters, digits and _ . / -');
  }
  // shlex.split gives borg these three words; socat's address is safe by the check above.
  const rsh = ['sh', '-c', `unset BORG_PASSPHRASE; exec socat STDIO UNIX-CONNECT:${input.socketPath}`].map(shlexQuote).join(' ');
  return [
    `echo "${REMOTE_PID_MARKER} $$" >&2`,
    'if ! IFS= read -r BORG_PASSPHRASE && [ -z "$BORG_PASSPHRASE" ]; then',
    `  echo 'borgitory: no passphrase line on stdin' >&2; exit ${REMOTE_SCRIPT_EXIT.noPassphraseLine}`,
    'fi',
    'if [ -n "$BORG_PASSPHRASE" ]; then export BORG_PASSPHRASE; else unset BORG_PASSPHRASE; fi',
    'if ! command -v borg >/dev/null 2>&1; then',
    `  echo 'borgitory: borg is not installed on this host (or not in the PATH of a non-interactive ssh session)' >&2`,
    `  exit ${REMOTE_SCRIPT_EXIT.borgMissing}`,
    'fi',
    'if ! command -v socat >/dev/null 2>&1; then',
    `  echo 'borgitory: socat is not installed on this host (pull mode needs it)' >&2`,
    `  exit ${REMOTE_SCRIPT_EXIT.socatMissing}`,
    'fi',
    `BORG_RSH=${shellQuote(rsh)}`,
    `BORG_REPO=${shellQuote(pullRepositoryLocation(input.repositoryPath))}`,
    'BORG_RELOCATED_REPO_ACCESS_IS_OK=yes',
    'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes',
    'BORG_DISPLAY_PASSPHRASE=no',
    'BORG_CHECK_I_KNOW_WHAT_I_AM_DOING=NO',
    'BORG_DELETE_I_KNOW_WHAT_I_AM_DOING=NO',
    'export BORG_RSH BORG_REPO BORG_RELOCATED_REPO_ACCESS_IS_OK BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK',
    'export BORG_DISPLAY_PASSPHRASE BORG_CHECK_I_KNOW_WHAT_I_AM_DOING BORG_DELETE_I_KNOW_WHAT_I_AM_DOING',
    ...outputEnvLines(input.outputEnv ?? {}),
    ...(input.workingDirectory === undefined
      ? []
      : [
          `cd -- ${shellQuote(input.workingDirectory)} || { echo 'borgitory: the folder to run borg in is not there on this host' >&2; exit ${REMOTE_SCRIPT_EXIT.noWorkingDirectory}; }`,
        ]),
    ['exec borg', ...input.borgArgs.map(shellQuote)].join(' '),
    '',
  ].join('\n');
}

function outputEnvLines(env: Record<string, string>): string[] {
  return Object.entries(env).map(([name, value]) => {
    if (!OUTPUT_VARIABLES.has(name)) throw new TypeError(`${name} cannot be set for the host's borg`);
    return `${name}=${shellQuote(value)}; export ${name}`;
  });
}

/** The first line of the script's stdin: the passphrase, or an empty line for none. */
export function passphraseLine(passphrase: string | null | undefined): string {
  if (passphrase && /[\n\r\0]/.test(passphrase)) throw new TypeError('a passphrase cannot hold line breaks or NUL');
  return `${passphrase ?? ''}\n`;
}

/** The pid in the script's marker line, or null for any other line. */
export function parseRemotePid(line: string): number | null {
  const match = new RegExp(`^${REMOTE_PID_MARKER} ([1-9][0-9]*)$`).exec(line.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Ends the remote borg and its socat: SIGTERM to the script's process group (its pid, the session leader), then
 * SIGKILL to whatever is left after three seconds. Exits 0 when nothing was left to end.
 */
export function remoteCancelScript(pid: number): string {
  if (!Number.isInteger(pid) || pid <= 1) throw new TypeError('pid must be an integer above 1');
  return [
    `kill -s TERM -- -${pid} 2>/dev/null || exit 0`,
    'i=0',
    `while kill -s 0 -- -${pid} 2>/dev/null; do`,
    `  if [ "$i" -ge 30 ]; then kill -s KILL -- -${pid} 2>/dev/null; exit 0; fi`,
    '  i=$((i + 1))',
    '  sleep 0.1',
    'done',
    '',
  ].join('\n');
}
