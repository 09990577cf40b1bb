/** borg's --compression spec: none, lz4, zstd[,1-22], zlib[,0-9], lzma[,0-9], optionally behind auto,. */
export const COMPRESSION_SPEC = /^(auto,)?(none|lz4|zstd(,([1-9]|1\d|2[0-2]))?|zlib(,\d)?|lzma(,\d)?)$/;

const PATTERN_STYLES = ['fm:', 'sh:', 're:', 'pp:', 'pf:'];

/**
 * Why an --exclude pattern would be refused, or null when it is fine. borg
 * reads it itself (it is passed as one argument, never through a shell);
 * this catches what would make borg fail or match nothing on purpose.
 */
export function excludePatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'An exclude pattern cannot be empty';
  if (/[\0\n\r]/.test(pattern)) return 'An exclude pattern cannot contain line breaks';
  const style = PATTERN_STYLES.find((prefix) => pattern.startsWith(prefix));
  const body = style ? pattern.slice(style.length) : pattern;
  if (body === '') return `"${pattern}" has a style prefix but no pattern`;
  if (/^[a-z]{2}:/.test(pattern) && !style) {
    return `"${pattern.slice(0, 3)}" is not a pattern style borg knows (fm:, sh:, re:, pp:, pf:)`;
  }
  if (style === 're:') {
    try {
      new RegExp(body);
    } catch {
      return `"${body}" is not a valid regular expression`;
    }
  }
  return null;
}
