import { bytesToEscapedString, encodeEscapedPathForUrl, escapedStringToBytes, hasUndecodableBytes, queryParameterBytes } from './byte-path';

describe('byte paths', () => {
  const cases: Array<[string, number[], string]> = [
    ['ASCII', [...Buffer.from('docs/a b.txt')], 'docs/a b.txt'],
    ['UTF-8, 2 to 4 bytes', [...Buffer.from('é€😀')], 'é€😀'],
    ['a stray byte', [0x61, 0xff, 0x62], 'a\udcffb'],
    ['a truncated sequence', [0xe2, 0x82], '\udce2\udc82'],
    ['an overlong encoding', [0xc0, 0xaf], '\udcc0\udcaf'],
    ['an encoded UTF-16 surrogate', [0xed, 0xa0, 0x80], '\udced\udca0\udc80'],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '\udcf4\udc90\udc80\udc80'],
  ];

  it.each(cases)('%s: decodes as Python surrogateescape does and round-trips', (_label, bytes, text) => {
    expect(bytesToEscapedString(Uint8Array.from(bytes))).toBe(text);
    expect([...escapedStringToBytes(text)]).toEqual(bytes);
  });

  it('round-trips every single byte and every pair of bytes', () => {
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b += 7) {
        const bytes = Uint8Array.from([a, b, 0x80 | (a & 0x3f)]);
        expect(Buffer.from(escapedStringToBytes(bytesToEscapedString(bytes))).equals(Buffer.from(bytes))).toBe(true);
      }
    }
  });

  it('refuses lone surrogates that stand for no byte', () => {
    expect(() => escapedStringToBytes('\ud800')).toThrow(RangeError);
    expect(() => escapedStringToBytes('\udc10')).toThrow(RangeError);
  });

  it('percent-encodes the bytes for a URL and tells which names hold undecodable bytes', () => {
    expect(encodeEscapedPathForUrl('/a b/%?&#+\n\udcffé')).toBe('/a%20b/%25%3F%26%23%2B%0A%FF%C3%A9');
    expect(hasUndecodableBytes('a\udcffb')).toBe(true);
    expect(hasUndecodableBytes('😀 é')).toBe(false);
  });
});

describe('queryParameterBytes', () => {
  it('reads the raw bytes of a query parameter', () => {
    expect(Buffer.from(queryParameterBytes('?path=%2Fa%20b%FF&limit=5', 'path') ?? [])).toEqual(
      Buffer.from([0x2f, 0x61, 0x20, 0x62, 0xff]),
    );
    expect(Buffer.from(queryParameterBytes('a=1&path=a+b%2Bc%C3', 'path') ?? []).toString('latin1')).toBe('a b+c\xc3');
    expect(Buffer.from(queryParameterBytes('path=é😀', 'path') ?? []).toString()).toBe('é😀');
    expect(queryParameterBytes('path=', 'path')?.length).toBe(0);
    expect(queryParameterBytes('other=1', 'path')).toBeNull();
    expect(queryParameterBytes('', 'path')).toBeNull();
  });
});
