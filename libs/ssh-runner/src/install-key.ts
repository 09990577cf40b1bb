import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shellQuote } from './shell-quote';

/** The variable of the ssh child's environment that holds the one-time password; the askpass program prints it. */
export const PASSWORD_VARIABLE = 'BORGITORY_SSH_PASSWORD';

/** A key type and its base64 blob, after any options. */
const KEY = /(?:^|\s)(?:ssh-[a-z0-9-]+|ecdsa-sha2-[a-z0-9-]+|sk-[a-z0-9@.-]+) [A-Za-z0-9+/]+={0,3}(?:\s|$)/;

/** Throws unless `line` is one authorized_keys line (options allowed, no line break). */
export function assertAuthorizedKeyLine(line: string): void {
  if (/[\r\n\0]/.test(line)) throw new TypeError('an authorized_keys line cannot contain line breaks or NUL');
  if (line.trimStart().startsWith('#') || !KEY.test(line)) throw new TypeError('not an authorized_keys line ("ssh-ed25519 AAAA… comment")');
}

/**
 * The remote sh script that adds `line` to ~/.ssh/authorized_keys unless that exact line is there already, with the
 * modes sshd's StrictModes wants (directory 0700, file 0600). A last line without its newline gets one first.
 */
export function installKeyScript(line: string): string {
  assertAuthorizedKeyLine(line);
  return [
    'set -e',
    'umask 077',
    `line=${shellQuote(line)}`,
    'dir="$HOME/.ssh"',
    'file="$dir/authorized_keys"',
    'mkdir -p "$dir"',
    'chmod 700 "$dir"',
    'touch "$file"',
    'chmod 600 "$file"',
    'if grep -qxF -e "$line" "$file"; then exit 0; fi',
    `if [ -s "$file" ] && [ -n "$(tail -c 1 "$file")" ]; then printf '\\n' >> "$file"; fi`,
    `printf '%s\\n' "$line" >> "$file"`,
  ].join('\n');
}

export interface Askpass {
  /** The program for SSH_ASKPASS. */
  program: string;
  /** Removes the directory; safe to call twice. */
  remove(): Promise<void>;
}

/**
 * An askpass program in a fresh 0700 directory. It holds no secret: it prints PASSWORD_VARIABLE from its own
 * environment, which it inherits from ssh, whose environment is the only place the password is.
 */
export async function writeAskpass(): Promise<Askpass> {
  const dir = await mkdtemp(join(tmpdir(), 'borgitory-askpass-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await chmod(dir, 0o700);
    const program = join(dir, 'askpass');
    await writeFile(program, `#!/bin/sh\nprintf '%s\\n' "$${PASSWORD_VARIABLE}"\n`, { mode: 0o700 });
    return { program, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
