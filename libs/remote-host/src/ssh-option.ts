/**
 * Quotes a path for an ssh option value (`-o UserKnownHostsFile=…`): ssh splits values on blanks (honouring
 * double quotes and backslash escapes) and percent-expands file names, so `%` is doubled.
 */
export function sshConfigQuote(path: string): string {
  if (/[\r\n\0]/.test(path)) throw new TypeError('ssh file paths cannot contain line breaks or NUL');
  if (path.includes('${')) throw new TypeError('ssh file paths cannot contain "${" (ssh would expand it)');
  return `"${path.replace(/[\\"]/g, '\\$&').replace(/%/g, '%%')}"`;
}
