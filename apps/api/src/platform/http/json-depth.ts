/**
 * How deep arrays and objects may nest in a request body. The deepest body the
 * API takes (a schedule: its hooks, a hook's command or env) nests 4 levels.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether UTF-8 encoded JSON nests arrays and objects more than `limit` levels
 * deep. One pass without recursion over the raw bytes, counting `[` and `{`
 * outside strings, so that a hostile body is refused before any structure is
 * built. (In UTF-8 these ASCII bytes never occur inside a multi-byte character.)
 * Malformed JSON is left for JSON.parse to refuse.
 */
export function nestsDeeperThan(utf8: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < utf8.length; index++) {
    const char = utf8[index];
    if (inString) {
      if (char === BACKSLASH) index++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_ARRAY || char === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (char === CLOSE_ARRAY || char === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}
