import { bytesToEscapedString } from '@borgitory/api-client/byte-path';

/**
 * `attachment` with the name twice (RFC 6266): an ASCII stand-in for old clients and the exact name as UTF-8 in
 * filename*. Bytes that are not UTF-8 become U+FFFD there, as no charset can carry them.
 */
export function contentDisposition(name: Buffer): string {
  const text = bytesToEscapedString(name).replace(/[\udc80-\udcff]/g, '\ufffd');
  const fallback = text.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'download';
  const encoded = Array.from(Buffer.from(text, 'utf8'))
    .map((byte) => (isAttrChar(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** RFC 8187 attr-char. */
function isAttrChar(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    '!#$&+-.^_`|~'.includes(String.fromCharCode(byte))
  );
}
