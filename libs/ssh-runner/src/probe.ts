import type { HostProbe } from './types';

export const INSTALL_COMMANDS = {
  borg: 'sudo apt install borgbackup',
  socat: 'sudo apt install socat',
} as const;

/**
 * One remote sh script for a host's test: each fact on its own `key=value` line (values on one line each), so the
 * parser does not depend on any tool's layout beyond the one line it reads.
 */
export const PROBE_SCRIPT = [
  'LC_ALL=C; export LC_ALL',
  `printf 'user=%s\\n' "$(id -un 2>/dev/null)"`,
  `printf 'home=%s\\n' "$HOME"`,
  `if command -v borg >/dev/null 2>&1; then printf 'borg=%s\\n' "$(borg --version 2>/dev/null | head -n 1)"; fi`,
  `if command -v socat >/dev/null 2>&1; then printf 'socat=%s\\n' "$(socat -V 2>/dev/null | grep -m 1 'socat version')"; fi`,
  `printf 'df=%s\\n' "$(df -Pk "$HOME" 2>/dev/null | tail -n 1)"`,
].join('\n');

/** Reads PROBE_SCRIPT's output. Anything unexpected becomes null rather than a wrong value. */
export function parseProbe(output: string): HostProbe {
  const facts = new Map<string, string>();
  for (const line of output.split('\n')) {
    const equals = line.indexOf('=');
    if (equals > 0 && !facts.has(line.slice(0, equals))) facts.set(line.slice(0, equals), line.slice(equals + 1).trim());
  }
  const borgVersion = facts.has('borg') ? versionIn(/^borg(?:-\S+)?\s+(\S+)/, facts.get('borg') ?? '') : null;
  const socatVersion = facts.has('socat') ? versionIn(/socat version\s+(\S+)/, facts.get('socat') ?? '') : null;
  const missing: HostProbe['missing'] = [];
  if (borgVersion === null) missing.push({ tool: 'borg', install: INSTALL_COMMANDS.borg });
  if (socatVersion === null) missing.push({ tool: 'socat', install: INSTALL_COMMANDS.socat });
  return {
    user: facts.get('user') ?? '',
    home: facts.get('home') ?? '',
    borgVersion,
    socatVersion,
    freeBytes: freeBytesOf(facts.get('df') ?? ''),
    missing,
  };
}

function versionIn(pattern: RegExp, text: string): string | null {
  const version = pattern.exec(text)?.[1];
  return version !== undefined && /^\d/.test(version) ? version : null;
}

/**
 * The "Available" column of `df -Pk`'s data line, in bytes. The file system name and the mount point may hold blanks,
 * so the columns are found around the capacity ("42%"): total, used and available are the three numbers before it.
 */
export function freeBytesOf(dfLine: string): number | null {
  const match = /(?:^|\s)(\d+)\s+(\d+)\s+(\d+)\s+(?:\d+%|-)(?:\s|$)/.exec(dfLine);
  if (!match) return null;
  const kibibytes = Number(match[3]);
  return Number.isSafeInteger(kibibytes * 1024) ? kibibytes * 1024 : null;
}
