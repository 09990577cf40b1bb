/**
 * Archive paths are bytes. In JSON the API writes them as strings in which every byte that is not part of valid
 * UTF-8 is the lone surrogate U+DC80+byte (Python's "surrogateescape", as borg itself does). In a URL they travel
 * as their percent-encoded bytes. These functions convert between the three forms.
 */

/** Decodes UTF-8, turning each byte that is not part of a valid sequence into U+DC80+byte. */
export function bytesToEscapedString(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) {
      out += String.fromCharCode(0xdc00 + bytes[i]);
      i += 1;
    } else {
      out += String.fromCodePoint(codePointAt(bytes, i, length));
      i += length;
    }
  }
  return out;
}

/** The inverse of bytesToEscapedString. Any other lone surrogate (which no byte string produces) is refused. */
export function escapedStringToBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        pushUtf8(out, 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
        i++;
        continue;
      }
    }
    if (unit >= 0xdc80 && unit <= 0xdcff) out.push(unit - 0xdc00);
    else if (unit >= 0xd800 && unit <= 0xdfff) throw new RangeError(`A lone surrogate U+${unit.toString(16)} is not a byte`);
    else pushUtf8(out, unit);
  }
  return Uint8Array.from(out);
}

/** A path for a query string: every byte outside the unreserved set percent-encoded. */
export function encodeEscapedPathForUrl(path: string): string {
  let out = '';
  for (const byte of escapedStringToBytes(path)) {
    const unreserved =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x2d ||
      byte === 0x2e ||
      byte === 0x5f ||
      byte === 0x7e ||
      byte === 0x2f;
    out += unreserved ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The percent-decoded bytes of a query parameter ('+' is a space) in a query string ("?a=1&path=%FF"); null when absent. */
export function queryParameterBytes(query: string, name: string): Uint8Array | null {
  const text = query.startsWith('?') ? query.slice(1) : query;
  for (const pair of text.split('&')) {
    const equals = pair.indexOf('=');
    const key = bytesToEscapedString(percentDecode(equals === -1 ? pair : pair.slice(0, equals)));
    if (key === name) return percentDecode(equals === -1 ? '' : pair.slice(equals + 1));
  }
  return null;
}

function percentDecode(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (char === '+') {
      bytes.push(0x20);
    } else {
      const codePoint = text.codePointAt(i) ?? 0;
      pushUtf8(bytes, codePoint);
      if (codePoint > 0xffff) i++;
    }
  }
  return Uint8Array.from(bytes);
}

/** True when a string holds a byte that is not UTF-8 (shown as U+FFFD by browsers). */
export function hasUndecodableBytes(text: string): boolean {
  return /(?:^|[^\ud800-\udbff])[\udc80-\udcff]/.test(text);
}

function validSequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf) => i + k < bytes.length && bytes[i + k] >= low && bytes[i + k] <= high;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0; // no UTF-16 surrogates
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

function codePointAt(bytes: Uint8Array, i: number, length: number): number {
  if (length === 1) return bytes[i];
  const lead = bytes[i] & (0xff >> (length + 1));
  let codePoint = lead;
  for (let k = 1; k < length; k++) codePoint = (codePoint << 6) | (bytes[i + k] & 0x3f);
  return codePoint;
}

function pushUtf8(out: number[], codePoint: number): void {
  if (codePoint < 0x80) out.push(codePoint);
  else if (codePoint < 0x800) out.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
  else if (codePoint < 0x10000) out.push(0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f));
  else out.push(0xf0 | (codePoint >> 18), 0x80 | ((codePoint >> 12) & 0x3f), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f));
}
