/**
 * borg patterns that select archive paths exactly. Positional PATH arguments cannot carry a name that is not valid
 * UTF-8 (a child's argv is built from UTF-8 strings), so paths are matched by regular expressions that spell every
 * character as an escape: `\udcff` in a Python regex matches the byte 0xFF of a surrogate-escaped name. A final
 * exclude-everything pattern makes the selection exact (include patterns alone do not exclude the rest).
 *
 * `paths` are archive paths as borg stores them (no leading slash), surrogate-escaped like borg's own JSON.
 */
export function exactPathPatterns(paths: string[], options: { recursive: boolean }): string[] {
  if (paths.length === 0) throw new TypeError('At least one path is needed');
  const trimmed = paths.map((path) => path.replace(/^\/+/, '').replace(/\/+$/, ''));
  if (trimmed.includes('')) throw new TypeError('The archive root is not a path; select the whole archive with no patterns');
  const alternatives = trimmed.map(regexLiteral);
  const tail = options.recursive ? '(?:/|$)' : '$';
  return [`--pattern=+re:^(?:${alternatives.join('|')})${tail}`, '--pattern=-re:'];
}

function regexLiteral(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isWordOrSlash(unit)) {
      out += text[i];
      continue;
    }
    const codePoint = text.codePointAt(i) as number;
    if (codePoint > 0xffff) {
      out += `\\U${codePoint.toString(16).padStart(8, '0')}`;
      i++;
    } else {
      out += `\\u${codePoint.toString(16).padStart(4, '0')}`;
    }
  }
  return out;
}

function isWordOrSlash(unit: number): boolean {
  return (
    (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a) || unit === 0x2f || unit === 0x5f
  );
}
