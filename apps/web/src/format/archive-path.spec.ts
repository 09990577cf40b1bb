import { displayPath, joinPath, normaliseArchivePath, parentPath, pathComponents } from './archive-path';

describe('displayPath', () => {
  it('leaves valid text alone, surrogate pairs included', () => {
    expect(displayPath('/home/ann/notes.txt')).toBe('/home/ann/notes.txt');
    expect(displayPath('/photos/😀 beach.jpg')).toBe('/photos/😀 beach.jpg');
    expect(displayPath('')).toBe('');
  });

  it('shows each undecodable byte (a lone low surrogate) as U+FFFD', () => {
    // "café" written in Latin-1: the byte 0xE9 is not UTF-8, so the API sends U+DCE9.
    expect(displayPath('/docs/caf\udce9.txt')).toBe('/docs/caf\ufffd.txt');
    expect(displayPath('/\udcff\udcfe')).toBe('/\ufffd\ufffd');
  });

  it('also replaces a lone high surrogate, at the end or before another character', () => {
    expect(displayPath('/a\ud83d')).toBe('/a\ufffd');
    expect(displayPath('/a\ud83db')).toBe('/a\ufffdb');
  });

  it('keeps a valid pair next to a lone surrogate', () => {
    expect(displayPath('\udc80😀\ud800')).toBe('\ufffd😀\ufffd');
  });
});

describe('pathComponents', () => {
  it('splits a path into its names, ignoring empty ones', () => {
    expect(pathComponents('/a/b/')).toEqual(['a', 'b']);
    expect(pathComponents('a//b')).toEqual(['a', 'b']);
    expect(pathComponents('/home/ann/my file.txt')).toEqual(['home', 'ann', 'my file.txt']);
  });

  it('gives the root no components', () => {
    expect(pathComponents('/')).toEqual([]);
    expect(pathComponents('')).toEqual([]);
    expect(pathComponents('///')).toEqual([]);
  });
});

describe('joinPath', () => {
  it('writes components as an absolute path', () => {
    expect(joinPath(['a', 'b'])).toBe('/a/b');
    expect(joinPath(['etc'])).toBe('/etc');
  });

  it('writes no components as the root', () => {
    expect(joinPath([])).toBe('/');
  });
});

describe('normaliseArchivePath', () => {
  it('reads a path as the server does: one leading slash, no empty or trailing parts', () => {
    expect(normaliseArchivePath('a//b/')).toBe('/a/b');
    expect(normaliseArchivePath('/a/b')).toBe('/a/b');
    expect(normaliseArchivePath('')).toBe('/');
    expect(normaliseArchivePath('//')).toBe('/');
  });
});

describe('parentPath', () => {
  it('is the directory that holds the entry', () => {
    expect(parentPath('/home/ann/notes.txt')).toBe('/home/ann');
    expect(parentPath('/home/ann/')).toBe('/home');
  });

  it('is the root for a top-level entry and for the root itself', () => {
    expect(parentPath('/etc')).toBe('/');
    expect(parentPath('/')).toBe('/');
  });
});
