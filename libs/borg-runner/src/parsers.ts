import type {
  BorgArchiveDetails,
  BorgArchiveInfo,
  BorgArchiveSummary,
  BorgCreateStats,
  BorgDiffChange,
  BorgDiffEntry,
  BorgRepositoryInfo,
} from './types';

/** Thrown by the parsers when borg's output does not have the expected shape. */
export class BorgOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BorgOutputError';
  }
}

type Json = Record<string, unknown>;

/** Parses a whole --json document; it must be an object. */
export function parseJsonDocument(text: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const shown = text.trim().slice(0, 200);
    throw new BorgOutputError(shown ? `printed output that is not JSON: ${shown}` : 'printed no JSON output');
  }
  return obj(value, 'output');
}

/** `borg info --json REPO` → BorgRepositoryInfo. `stats` is null when borg gives no cache stats. */
export function parseRepositoryInfo(doc: Json): BorgRepositoryInfo {
  const repo = obj(doc['repository'], 'repository');
  const enc = obj(doc['encryption'], 'encryption');
  const cache = isObj(doc['cache']) ? doc['cache'] : null;
  const stats = cache && isObj(cache['stats']) ? cache['stats'] : null;
  return {
    id: str(repo['id']),
    location: str(repo['location']),
    lastModified: str(repo['last_modified']),
    encryption: { mode: str(enc['mode']), ...(typeof enc['keyfile'] === 'string' ? { keyfile: enc['keyfile'] } : {}) },
    stats: stats && {
      totalSize: num(stats['total_size']),
      totalCompressedSize: num(stats['total_csize']),
      uniqueSize: num(stats['unique_size']),
      uniqueCompressedSize: num(stats['unique_csize']),
      totalChunks: num(stats['total_chunks']),
      totalUniqueChunks: num(stats['total_unique_chunks']),
    },
  };
}

/** `borg list --json REPO` → archives[]. */
export function parseArchiveList(doc: Json): BorgArchiveSummary[] {
  const archives = doc['archives'];
  if (!Array.isArray(archives)) throw new BorgOutputError('printed JSON without an "archives" list');
  return archives.map((entry) => {
    const a = obj(entry, 'archive');
    return { name: str(a['name'] ?? a['archive']), id: str(a['id']), start: str(a['start']), time: str(a['time']) };
  });
}

/** `borg list --json --format '{end}{hostname}…' REPO` → archives[] with each archive's metadata. */
export function parseArchiveDetailsList(doc: Json): BorgArchiveDetails[] {
  const summaries = parseArchiveList(doc);
  return (doc['archives'] as unknown[]).map((entry, index) => {
    const a = obj(entry, 'archive');
    return {
      ...summaries[index],
      end: str(a['end']),
      hostname: str(a['hostname']),
      username: str(a['username']),
      comment: str(a['comment']),
      commandLine: Array.isArray(a['command_line']) ? a['command_line'].map(String) : [],
    };
  });
}

/** One line of `borg diff --json-lines`. */
export function parseDiffLine(line: string): BorgDiffEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BorgOutputError(`printed a diff line that is not JSON: ${line.slice(0, 200)}`);
  }
  const entry = obj(value, 'diff entry');
  const changes = Array.isArray(entry['changes']) ? entry['changes'] : [];
  return { path: str(entry['path']), changes: changes.map((change) => parseDiffChange(obj(change, 'change'))) };
}

function parseDiffChange(c: Json): BorgDiffChange {
  const change: BorgDiffChange = { type: str(c['type']) };
  const numbers = { size: 'size', added: 'added', removed: 'removed' } as const;
  for (const [key, field] of Object.entries(numbers)) if (typeof c[key] === 'number') change[field] = c[key] as number;
  const strings = {
    old_mode: 'oldMode',
    new_mode: 'newMode',
    old_user: 'oldUser',
    new_user: 'newUser',
    old_group: 'oldGroup',
    new_group: 'newGroup',
    old_ctime: 'oldTime',
    new_ctime: 'newTime',
    old_mtime: 'oldTime',
    new_mtime: 'newTime',
  } as const;
  for (const [key, field] of Object.entries(strings)) if (c[key] !== undefined) change[field] = String(c[key]);
  return change;
}

/** One entry of `borg info --json REPO::ARCHIVE` archives[] (or the archive of `borg create --json`). */
export function parseArchiveInfo(value: unknown): BorgArchiveInfo {
  const a = obj(value, 'archive');
  const stats = isObj(a['stats']) ? a['stats'] : {};
  const limits = isObj(a['limits']) ? a['limits'] : {};
  return {
    name: str(a['name']),
    id: str(a['id']),
    start: str(a['start']),
    end: str(a['end']),
    duration: num(a['duration']),
    comment: str(a['comment']),
    hostname: str(a['hostname']),
    username: str(a['username']),
    commandLine: Array.isArray(a['command_line']) ? a['command_line'].map(String) : [],
    stats: {
      originalSize: num(stats['original_size']),
      compressedSize: num(stats['compressed_size']),
      deduplicatedSize: num(stats['deduplicated_size']),
      nfiles: num(stats['nfiles']),
    },
    limits: { maxArchiveSize: num(limits['max_archive_size']) },
  };
}

/** `borg info --json REPO::ARCHIVE` → the one archive. */
export function parseSingleArchiveInfo(doc: Json): BorgArchiveInfo {
  const archives = doc['archives'];
  if (!Array.isArray(archives) || archives.length !== 1) {
    throw new BorgOutputError('printed JSON without exactly one archive');
  }
  return parseArchiveInfo(archives[0]);
}

/** `borg create --json` → BorgCreateStats. */
export function parseCreateStats(doc: Json): BorgCreateStats {
  return { archive: parseArchiveInfo(doc['archive']), repository: parseRepositoryInfo(doc) };
}

const PRUNE_PREFIX = /^(Would prune|Pruning archive \(\d+\/\d+\)|Keeping archive \(rule: [^)]*\)|Keeping checkpoint archive):/;
const ARCHIVE_TAIL = / \S+, \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \[[0-9a-f]+\]$/;

/**
 * One `borg prune --list` line (logger borg.output.list): "{action:<40} {name:<36} {time} [{id}]".
 * Returns null for lines that are not about an archive.
 */
export function parsePruneListLine(message: string): { action: 'prune' | 'keep'; archive: string; rule?: string } | null {
  const prefix = PRUNE_PREFIX.exec(message);
  if (!prefix) return null;
  const tail = ARCHIVE_TAIL.exec(message);
  if (!tail) return null;
  // borg pads the action to 40 characters and adds one blank, then pads the name to 36.
  const start = Math.max(prefix[0].length, 40) + 1;
  const archive = message.slice(start, tail.index).replace(/ +$/, '');
  if (!archive) return null;
  if (!prefix[1].startsWith('Keeping')) return { action: 'prune', archive };
  return { action: 'keep', archive, rule: /\(rule: ([^)]*)\)/.exec(prefix[1])?.[1] ?? 'checkpoint' };
}

function isObj(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function obj(value: unknown, what: string): Json {
  if (!isObj(value)) throw new BorgOutputError(`printed JSON without the expected ${what} object`);
  return value;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
