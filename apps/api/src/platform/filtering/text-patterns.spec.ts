import { containsPattern, sqliteGlob } from './text-patterns';

describe('text patterns', () => {
  it('takes LIKE wildcards in ?q= literally', () => {
    expect(containsPattern('docs')).toBe('%docs%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('writes a borg glob for SQLite GLOB', () => {
    expect(sqliteGlob('docs-*')).toBe('docs-*');
    expect(sqliteGlob('host-??-[!ab]*')).toBe('host-??-[^ab]*');
  });
});
