import {
  BorgOutputError,
  parseArchiveList,
  parseCreateStats,
  parseJsonDocument,
  parsePruneListLine,
  parseRepositoryInfo,
  parseSingleArchiveInfo,
} from './parsers';

// Shapes as borg 1.2.4 prints them (trimmed).
const repository = { id: 'ab12', last_modified: '2026-11-26T19:16:47.000000', location: '/tmp/bx/repo' };
const cache = {
  path: '/b/.cache/borg/ab12',
  stats: { total_chunks: 4, total_csize: 94, total_size: 8, total_unique_chunks: 3, unique_csize: 907, unique_size: 1010 },
};
const archive = {
  chunker_params: ['buzhash', 19, 23, 21, 4095],
  command_line: ['/usr/bin/borg', 'create', 'repo::a1', 'src'],
  comment: 'nightly',
  duration: 0.005236,
  end: '2026-11-26T19:16:47.000000',
  hostname: 'vm',
  id: 'aa97',
  limits: { max_archive_size: 2.56e-5 },
  name: 'a1',
  start: '2026-11-26T19:16:46.000000',
  stats: { compressed_size: 94, deduplicated_size: 907, nfiles: 2, original_size: 8 },
  username: 'root',
};

describe('parseJsonDocument', () => {
  it('parses an object', () => {
    expect(parseJsonDocument('{"a": 1}\n')).toEqual({ a: 1 });
  });

  it('explains output that is not JSON', () => {
    expect(() => parseJsonDocument('hello')).toThrow(new BorgOutputError('printed output that is not JSON: hello'));
    expect(() => parseJsonDocument('')).toThrow('printed no JSON output');
    expect(() => parseJsonDocument('[1]')).toThrow(BorgOutputError);
  });
});

describe('parseRepositoryInfo', () => {
  it('maps repository, encryption and cache stats', () => {
    expect(parseRepositoryInfo({ cache, encryption: { mode: 'keyfile', keyfile: '/b/keys/r' }, repository, security_dir: '/s' })).toEqual({
      id: 'ab12',
      location: '/tmp/bx/repo',
      lastModified: '2026-11-26T19:16:47.000000',
      encryption: { mode: 'keyfile', keyfile: '/b/keys/r' },
      stats: { totalSize: 8, totalCompressedSize: 94, uniqueSize: 1010, uniqueCompressedSize: 907, totalChunks: 4, totalUniqueChunks: 3 },
    });
  });

  it('gives null stats without a cache and refuses a document without repository', () => {
    expect(parseRepositoryInfo({ encryption: { mode: 'none' }, repository }).stats).toBeNull();
    expect(parseRepositoryInfo({ encryption: { mode: 'none' }, repository }).encryption).toEqual({ mode: 'none' });
    expect(() => parseRepositoryInfo({ encryption: { mode: 'none' } })).toThrow(BorgOutputError);
  });
});

describe('parseArchiveList', () => {
  it('maps archives[]', () => {
    const doc = {
      archives: [{ archive: 'a1', barchive: 'a1', id: 'aa97', name: 'a1', start: 's', time: 't' }],
      encryption: { mode: 'repokey' },
      repository,
    };
    expect(parseArchiveList(doc)).toEqual([{ name: 'a1', id: 'aa97', start: 's', time: 't' }]);
    expect(parseArchiveList({ archives: [] })).toEqual([]);
    expect(() => parseArchiveList({})).toThrow(BorgOutputError);
  });
});

describe('archive info', () => {
  it('maps borg info --json REPO::ARCHIVE', () => {
    expect(parseSingleArchiveInfo({ archives: [archive], cache, encryption: { mode: 'repokey' }, repository })).toEqual({
      name: 'a1',
      id: 'aa97',
      start: '2026-11-26T19:16:46.000000',
      end: '2026-11-26T19:16:47.000000',
      duration: 0.005236,
      comment: 'nightly',
      hostname: 'vm',
      username: 'root',
      commandLine: ['/usr/bin/borg', 'create', 'repo::a1', 'src'],
      stats: { originalSize: 8, compressedSize: 94, deduplicatedSize: 907, nfiles: 2 },
      limits: { maxArchiveSize: 2.56e-5 },
    });
    expect(() => parseSingleArchiveInfo({ archives: [] })).toThrow(BorgOutputError);
  });

  it('maps borg create --json, whose archive lacks hostname, username and comment', () => {
    const created: Record<string, unknown> = { ...archive };
    for (const key of ['hostname', 'username', 'comment', 'chunker_params']) delete created[key];
    const stats = parseCreateStats({ archive: created, cache, encryption: { mode: 'repokey' }, repository });
    expect(stats.archive).toMatchObject({ name: 'a1', hostname: '', username: '', comment: '', stats: { nfiles: 2 } });
    expect(stats.repository).toEqual(parseRepositoryInfo({ cache, encryption: { mode: 'repokey' }, repository }));
    expect(stats.repository.stats).toMatchObject({ totalSize: 8, uniqueCompressedSize: 907 });
  });
});

describe('parsePruneListLine', () => {
  const ts = 'Thu, 2026-11-26 19:16:54 [ed37ef24f18cf3479a744f7ef2a6ede45039343a02cf87d3d62d8a7ea193e35e]';
  const line = (action: string, name: string) => `${action.padEnd(40)} ${name.padEnd(36)} ${ts}`;

  it('reads kept and pruned archives', () => {
    expect(parsePruneListLine(line('Keeping archive (rule: secondly #1):', 'a3'))).toEqual({
      action: 'keep',
      archive: 'a3',
      rule: 'secondly #1',
    });
    expect(parsePruneListLine(line('Keeping checkpoint archive:', 'a3.checkpoint'))).toEqual({
      action: 'keep',
      archive: 'a3.checkpoint',
      rule: 'checkpoint',
    });
    expect(parsePruneListLine(line('Would prune:', 'a2'))).toEqual({ action: 'prune', archive: 'a2' });
    expect(parsePruneListLine(line('Pruning archive (1/2):', 'a1'))).toEqual({ action: 'prune', archive: 'a1' });
  });

  it('keeps blanks inside names and copes with long names and long prefixes', () => {
    expect(parsePruneListLine(line('Would prune:', ' host  2026-01-01 '))).toEqual({ action: 'prune', archive: ' host  2026-01-01' });
    const long = 'x'.repeat(50);
    expect(parsePruneListLine(line('Would prune:', long))).toEqual({ action: 'prune', archive: long });
    const prefix = 'Keeping archive (rule: monthly[oldest] #12345):';
    expect(parsePruneListLine(`${prefix} a9 ${ts}`)).toEqual({ action: 'keep', archive: 'a9', rule: 'monthly[oldest] #12345' });
  });

  it('ignores other lines', () => {
    expect(parsePruneListLine('Something else')).toBeNull();
    expect(parsePruneListLine('Would prune: but no timestamp')).toBeNull();
  });
});
