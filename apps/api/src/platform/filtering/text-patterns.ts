/** `?q=` as a LIKE pattern that matches the text anywhere, its own `%`, `_` and `\` taken literally (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * A borg-style shell glob (`*`, `?`, `[...]`, `[!...]`) as an SQLite GLOB pattern: the same wildcards, case-sensitive
 * like borg's, except that a negated class is written `[^...]`.
 */
export function sqliteGlob(pattern: string): string {
  return pattern.replace(/\[!/g, '[^');
}
