import type { FormErrors } from '../../forms/form-errors';
import type { SourceRow } from './source-paths-fieldset';

/** The request fields whose messages are about the source paths: one of them (`source_path`), or the list. */
export const SOURCE_FIELDS = ['source_path', 'source_paths'];

/** A message about one source path is about the list that was sent: it goes once the list changes. */
export const SOURCE_DEPENDS_ON: Record<string, readonly string[]> = { source_path: ['source_paths'] };

/** A form's errors with the messages about source paths placed at the row they name, or under the whole list. */
export interface SourcedFormErrors extends FormErrors {
  /** Messages about one source path, by row index. */
  sourceRows: string[][];
  /** Messages about the source paths as a whole. */
  sources: string[];
}

/** Takes the messages of SOURCE_FIELDS out of a form's fields and places them (placeSourceMessages). */
export function placeSourceErrors({ fields, alert }: FormErrors, sources: SourceRow[]): SourcedFormErrors {
  const rest = Object.fromEntries(Object.entries(fields).filter(([field]) => !SOURCE_FIELDS.includes(field)));
  const placed = placeSourceMessages(
    SOURCE_FIELDS.flatMap((field) => fields[field] ?? []),
    sources,
  );
  return { fields: rest, alert, sourceRows: placed.rows, sources: placed.group };
}

/**
 * The server's messages about source paths, placed: "/srv/x does not exist"
 * goes under the row holding /srv/x, the rest under the whole group.
 */
function placeSourceMessages(messages: string[], sources: SourceRow[]): { rows: string[][]; group: string[] } {
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
