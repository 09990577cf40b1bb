const SCP_STYLE = /^[^@/:\s]+@[^@/:\s]+:.+$/;

/** Whether a repository location is reached over ssh: `ssh://…` or `user@host:path`. */
export function isSshLocation(path: string): boolean {
  const value = path.trim();
  return value.startsWith('ssh://') || SCP_STYLE.test(value);
}
