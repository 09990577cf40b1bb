/** What an action was done to, in one line: "id 3, archive laptop-2026-12-01"; null when it names nothing. */
export function describeTarget(target: Record<string, string>): string | null {
  const parts = Object.entries(target).map(([key, value]) => `${key.replaceAll('_', ' ')} ${value}`);
  return parts.length > 0 ? parts.join(', ') : null;
}
