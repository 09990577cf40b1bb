import { DomainError } from '../platform/errors/domain-error';
import { ArchivePath, rawQueryParameter } from './archive-path';

describe('archive paths', () => {
  it('reads the raw bytes of a query parameter', () => {
    expect(rawQueryParameter('/x?path=%2Fa%20b%FF&limit=5', 'path')).toEqual(Buffer.concat([Buffer.from('/a b'), Buffer.from([0xff])]));
    expect(rawQueryParameter('/x?a=1&path=a+b%2Bc', 'path')?.toString()).toBe('a b+c');
    expect(rawQueryParameter('/x?path=', 'path')?.length).toBe(0);
    expect(rawQueryParameter('/x?other=1', 'path')).toBeNull();
    expect(rawQueryParameter('/x', 'path')).toBeNull();
  });

  it('normalises slashes and refuses . and ..', () => {
    expect(ArchivePath.fromBytes(Buffer.from('/home//user/')).toEscaped()).toBe('home/user');
    expect(ArchivePath.fromBytes(Buffer.from('home/user')).toDisplay()).toBe('/home/user');
    expect(ArchivePath.fromBytes(Buffer.from('/')).isRoot).toBe(true);
    expect(ArchivePath.fromBytes(Buffer.from('a..b/.c')).components.map(String)).toEqual(['a..b', '.c']);
    for (const bad of ['..', '/a/../b', './a', 'a/.', 'a\0b']) {
      expect(() => ArchivePath.fromBytes(Buffer.from(bad))).toThrow(DomainError);
    }
  });

  it('converts between bytes and the surrogate-escaped form', () => {
    const path = ArchivePath.fromEscaped('/dir/bad\udcffname');
    expect(path.name).toEqual(Buffer.concat([Buffer.from('bad'), Buffer.from([0xff]), Buffer.from('name')]));
    expect(path.toEscaped()).toBe('dir/bad\udcffname');
    expect(() => ArchivePath.fromEscaped('\ud800')).toThrow(DomainError);
  });
});
