import { DatabaseVersion } from './database-version';

/** Pages of a list kept per service: the filters and pages a dashboard and a few scripts ask for. */
export const LIST_CACHE_SIZE = 64;

/**
 * Answers read from the database, kept until the database changes (any write, anywhere, ends every entry), for the
 * lists that clients poll and a dashboard refreshes: a page of jobs costs about 2 ms of CPU to read, hydrate and map,
 * which under load is most of what the server spends. At most `size` entries, the oldest dropped first.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(
    private readonly version: DatabaseVersion,
    private readonly size: number,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const version = this.version.current();
    const kept = this.entries.get(key);
    if (kept?.version === version) return kept.value;
    // Kept under the version read before loading: if anything was written meanwhile, the next request loads again.
    const value = await load();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.size) {
      const [oldest] = this.entries.keys();
      this.entries.delete(oldest);
    }
    return value;
  }
}
