import type { SourceRow } from './source-paths-fieldset';

/**
 * The server's messages about source paths, placed: "/srv/x does not exist"
 * goes under the row holding /srv/x, the rest under the whole group.
 */
export function placeSourceMessages(messages: string[], sources: SourceRow[]): { rows: string[][]; group: string[] } {
  const rows: string[][] = sources.map(() => []);
  const group: string[] = [];
  for (const message of messages) {
    const index = sources.findIndex((row) => {
      const path = comparable(row.path);
      return path !== '' && message.startsWith(`${path} `);
    });
    if (index === -1) group.push(message);
    else rows[index]?.push(message);
  }
  return { rows, group };
}

/** A path as the server names it: trimmed, without a trailing slash. */
function comparable(path: string): string {
  const trimmed = path.trim().replace(/\/+/g, '/');
  return trimmed.length > 1 ? trimmed.replace(/\/$/, '') : trimmed;
}
