import { hostname, userInfo } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BorgArchiveInfo, BorgCallOptions, BorgRunner, parseBorgTime } from '@borgitory/borg-runner';
import { In, IsNull, LessThan, MoreThanOrEqual, Not, Repository } from 'typeorm';
import { DomainError } from '../platform/errors/domain-error';
import { RepositoryBorg } from '../repositories/borg/repository-borg';
import { RepositoryMonitorStates } from '../repositories/monitoring/repository-monitor-states';
import { applyListQuery } from '../platform/filtering/apply-list-query';
import { ArchiveCatalogStateEntity } from './archive-catalog-state.entity';
import { ARCHIVE_LIST, ArchiveFilter } from './archive-list-query';
import { ARCHIVE_LIST_COLUMNS, ArchiveListRow } from './archive-dto.mapper';
import { ArchiveEntity } from './archive.entity';
import { infoColumns } from './archive-info-columns';
import { ArchiveIndexes } from './index/archive-indexes';
import { ArchiveStatisticsBackfill } from './statistics/archive-statistics-backfill';

/**
 * The stored archive list of each repository. It is read from borg when first needed, on request, and after jobs
 * that remove archives; a backup adds its archive directly from `borg create --json`. Reading it lists the
 * archive names (cheap, from borg's manifest) and fetches the metadata of new archives only. Whenever the list
 * changes, the repository's newest archive is written to it (newest_archive_at), and the monitor checks it again.
 */
@Injectable()
export class ArchiveCatalog {
  private readonly logger = new Logger('Archives');
  private readonly refreshing = new Map<number, Promise<void>>();
  /** Repositories whose list is stored (a row in archive_catalogs), so that listing does not ask the database each time. */
  private readonly loaded = new Set<number>();
  /** The archive count of each stored list, until a list changes (listChanges counts the changes). */
  private counts: Map<number, number> | null = null;
  /** The dashboard's size trends, until a list or an archive's figures change. */
  private sizeTrends: { limit: number; sizes: Map<number, number[]> } | null = null;
  private listChanges = 0;

  constructor(
    @InjectRepository(ArchiveEntity) private readonly archives: Repository<ArchiveEntity>,
    @InjectRepository(ArchiveCatalogStateEntity) private readonly states: Repository<ArchiveCatalogStateEntity>,
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly indexes: ArchiveIndexes,
    private readonly monitorStates: RepositoryMonitorStates,
    private readonly backfill: ArchiveStatisticsBackfill,
  ) {
    backfill.onFiguresStored(() => this.listChanged());
  }

  /** Reads the list from borg unless it was read before; a refresh that is under way is awaited. */
  async ensureLoaded(repositoryId: number, force = false): Promise<void> {
    const running = this.refreshing.get(repositoryId);
    if (running) {
      await running;
      // A background refresh that yielded to a job read nothing. One asked for by force may have begun before archives
      // this request knows of were made: then the list is read again.
      if (this.loaded.has(repositoryId) && !force) return;
    }
    if (!force && (await this.hasList(repositoryId))) {
      this.loaded.add(repositoryId);
      return;
    }
    return this.refresh(repositoryId);
  }

  /** Whether the list was ever read from borg (and is kept here since). */
  async hasList(repositoryId: number): Promise<boolean> {
    if (this.loaded.has(repositoryId)) return true;
    if (!(await this.states.existsBy({ repositoryId }))) return false;
    this.loaded.add(repositoryId);
    return true;
  }

  /** One refresh per repository at a time; callers that come meanwhile share it. */
  refresh(repositoryId: number): Promise<void> {
    return this.refreshing.get(repositoryId) ?? this.startRefresh(repositoryId, this.readFromBorg(repositoryId));
  }

  /**
   * A refresh in the background that yields to jobs (an idle task of the repository's queue): the signal stops borg,
   * and the stored list then stays as it was. Resolves to false when it was stopped so.
   */
  async refreshUnlessAborted(repositoryId: number, signal: AbortSignal): Promise<boolean> {
    const running = this.refreshing.get(repositoryId);
    if (running) {
      await running;
      return true;
    }
    const refresh = this.readFromBorg(repositoryId, { signal }).catch((error: unknown) => {
      if (!signal.aborted) throw error;
    });
    await this.startRefresh(repositoryId, refresh);
    return !signal.aborted;
  }

  private startRefresh(repositoryId: number, reading: Promise<void>): Promise<void> {
    const refresh = reading.finally(() => this.refreshing.delete(repositoryId));
    this.refreshing.set(repositoryId, refresh);
    return refresh;
  }

  async find(repositoryId: number, name: string): Promise<ArchiveEntity> {
    await this.ensureLoaded(repositoryId);
    const archive = await this.archives.findOneBy({ repositoryId, name });
    if (!archive) throw DomainError.notFound(`Archive "${name}" does not exist in repository ${repositoryId}`);
    return archive;
  }

  /** The stored archives of these names, and the names that are not among them. */
  async findAll(repositoryId: number, names: string[]): Promise<{ found: ArchiveEntity[]; missing: string[] }> {
    await this.ensureLoaded(repositoryId);
    const found = await this.archives.findBy({ repositoryId, name: In(names) });
    const present = new Set(found.map((archive) => archive.name));
    return { found, missing: names.filter((name) => !present.has(name)) };
  }

  async page(
    repositoryId: number,
    filter: ArchiveFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: ArchiveListRow[]; total: number }> {
    // The id too: the query builder makes rows into entities by their primary key.
    const builder = this.archives
      .createQueryBuilder('archive')
      .select(['archive.id', ...ARCHIVE_LIST_COLUMNS.map((column) => `archive.${column}`)])
      .where('archive.repositoryId = :repositoryId', { repositoryId });
    const sorted: ArchiveFilter = { ...filter, sort: filter.sort ?? [filter.order === 'asc' ? 'created_at' : '-created_at'] };
    const [rows, total] = await applyListQuery(builder, ARCHIVE_LIST, sorted).limit(limit).offset(offset).getManyAndCount();
    return { rows, total };
  }

  async indexedNewestFirst(repositoryId: number): Promise<{ indexed: ArchiveEntity[]; unindexed: number }> {
    const all = await this.archives.find({ where: { repositoryId }, order: { startedAt: 'DESC', id: 'DESC' } });
    const indexed = all.filter((archive) => archive.indexEntries !== null);
    return { indexed, unindexed: all.length - indexed.length };
  }

  /**
   * The newest `limit` archives of the stored list that have an index, newest first, with how many have none and how
   * many indexed ones are older; from the stored list only (never borg).
   */
  async newestIndexed(
    repositoryId: number,
    limit: number,
  ): Promise<{ archives: ArchiveEntity[]; notIndexed: number; notSearched: number }> {
    const [archives, indexed, notIndexed] = await Promise.all([
      this.archives.find({
        where: { repositoryId, indexEntries: Not(IsNull()) },
        order: { startedAt: 'DESC', id: 'DESC' },
        take: limit,
      }),
      this.archives.countBy({ repositoryId, indexEntries: Not(IsNull()) }),
      this.archives.countBy({ repositoryId, indexEntries: IsNull() }),
    ]);
    return { archives, notIndexed, notSearched: indexed - archives.length };
  }

  /**
   * How many archives the stored list of each repository holds, for the repositories whose list was read (the others
   * are left out). Counted from an index (a millisecond for 10,000 archives), then kept until a list changes: this
   * catalog is the only writer of the lists, and tells noteNewest of every change.
   */
  async countsByRepository(): Promise<Map<number, number>> {
    if (this.counts) return this.counts;
    const epoch = this.listChanges;
    const rows = (await this.archives.query(
      `SELECT repository_id AS repositoryId, (SELECT COUNT(*) FROM archives WHERE archives.repository_id = archive_catalogs.repository_id) AS archives
       FROM archive_catalogs`,
    )) as Array<{ repositoryId: number; archives: number }>;
    const counts = new Map(rows.map((row) => [row.repositoryId, row.archives]));
    // A list that changed while this was counted may or may not be counted right: then it is counted again next time.
    if (epoch === this.listChanges) this.counts = counts;
    return counts;
  }

  /**
   * The original size of each repository's newest archives that have one (at most `limit`, oldest first), for the
   * dashboard's sparklines: per repository a backward walk of the (repository_id, started_at, id) index.
   */
  async recentOriginalSizes(limit: number): Promise<Map<number, number[]>> {
    if (this.sizeTrends?.limit === limit) return this.sizeTrends.sizes;
    const epoch = this.listChanges;
    const rows = (await this.archives.query(
      `SELECT a.repository_id AS repositoryId, a.original_size AS size
       FROM archive_catalogs c
       JOIN archives a ON a.id IN (
         SELECT id FROM archives
         WHERE repository_id = c.repository_id AND original_size IS NOT NULL
         ORDER BY started_at DESC, id DESC LIMIT ?)
       ORDER BY a.repository_id, a.started_at, a.id`,
      [limit],
    )) as Array<{ repositoryId: number; size: number }>;
    const sizes = new Map<number, number[]>();
    for (const row of rows) sizes.set(row.repositoryId, [...(sizes.get(row.repositoryId) ?? []), row.size]);
    if (epoch === this.listChanges) this.sizeTrends = { limit, sizes };
    return sizes;
  }

  /** Stores `borg info` of the archive (sizes, command line); the space it added is kept from the first reading. */
  async saveInfo(archive: ArchiveEntity, info: BorgArchiveInfo): Promise<ArchiveEntity> {
    Object.assign(archive, infoColumns(info), { addedSize: archive.addedSize ?? info.stats.deduplicatedSize, infoLoadedAt: new Date() });
    const saved = await this.archives.save(archive);
    this.listChanged();
    return saved;
  }

  /**
   * Adds the archive a backup just made, from what `borg create --json` reported (it lacks host, user and comment),
   * with the sources it was made of (backupSourcesKey). The archive exists whatever happens here: if it cannot be
   * stored, the next listing reads the list from borg.
   */
  async recordCreated(repositoryId: number, info: BorgArchiveInfo, comment: string | null, sources: string | null): Promise<void> {
    try {
      await this.insertCreated(repositoryId, info, comment, sources);
    } catch (error) {
      this.logger.warn({ err: error, repository_id: repositoryId }, 'Could not store a new archive; the list will be read from borg');
      this.loaded.delete(repositoryId);
      await this.states.delete({ repositoryId });
      this.listChanged();
      return;
    }
    await this.noteNewest(repositoryId);
  }

  private async insertCreated(repositoryId: number, info: BorgArchiveInfo, comment: string | null, sources: string | null): Promise<void> {
    const row = this.archives.create({
      repositoryId,
      name: info.name,
      borgId: info.id,
      hostname: hostname(),
      username: userInfo().username,
      comment: comment ?? '',
      ...infoColumns(info),
      addedSize: info.stats.deduplicatedSize,
      backupSources: sources,
      infoLoadedAt: new Date(),
      indexEntries: null,
      indexBytes: null,
      indexUsedAt: null,
    });
    await this.archives.upsert(row, ['repositoryId', 'name']);
  }

  /** After an archive was deleted: its row and index go, and the others' deduplicated sizes are stale. */
  /** Archives that borg deleted leave the list with their indexes; the others' deduplicated sizes are read again. */
  async removeArchives(repositoryId: number, archives: ArchiveEntity[]): Promise<void> {
    for (const archive of archives) await this.indexes.drop(archive);
    if (archives.length > 0) await this.archives.delete({ id: In(archives.map((archive) => archive.id)) });
    await this.archives.update({ repositoryId }, { deduplicatedSize: null, infoLoadedAt: null });
    await this.noteNewest(repositoryId);
  }

  async forgetRepository(repositoryId: number): Promise<void> {
    this.loaded.delete(repositoryId);
    this.listChanged();
    await this.indexes.dropRepository(repositoryId);
    await this.archives.delete({ repositoryId });
    await this.states.delete({ repositoryId });
  }

  private async readFromBorg(repositoryId: number, options: BorgCallOptions = {}): Promise<void> {
    const listed = await this.repositoryBorg.run(repositoryId, async (connection) => {
      const names = (await this.borg.listArchives(connection, { ...options, bypassLock: true })).result;
      const known = await this.archives.find({ where: { repositoryId }, select: ['id', 'name', 'borgId', 'repositoryId'] });
      const knownIds = new Set(known.map((archive) => `${archive.name}\0${archive.borgId}`));
      const firstNew = names.findIndex((archive) => !knownIds.has(`${archive.name}\0${archive.id}`));
      // borg lists oldest first: the details of everything from the first new archive on come in one call.
      const details =
        firstNew === -1
          ? []
          : (await this.borg.listArchiveDetails(connection, { ...options, bypassLock: true, last: names.length - firstNew })).result;
      return { names, known, details };
    });

    const current = new Set(listed.names.map((archive) => `${archive.name}\0${archive.id}`));
    const gone = listed.known.filter((archive) => !current.has(`${archive.name}\0${archive.borgId}`));
    for (const archive of gone) await this.indexes.drop(archive);
    if (gone.length) {
      await this.archives.delete({ id: In(gone.map((archive) => archive.id)) });
      await this.archives.update({ repositoryId }, { deduplicatedSize: null, infoLoadedAt: null });
    }
    const stillKnown = new Set(listed.known.filter((archive) => !gone.includes(archive)).map((archive) => archive.name));
    const added = listed.details.filter((archive) => !stillKnown.has(archive.name));
    for (const archive of added) {
      await this.archives.insert({
        repositoryId,
        name: archive.name,
        borgId: archive.id,
        startedAt: parseBorgTime(archive.start),
        endedAt: archive.end ? parseBorgTime(archive.end) : null,
        hostname: archive.hostname,
        username: archive.username,
        comment: archive.comment,
        commandLine: archive.commandLine,
      });
    }
    await this.states.save({ repositoryId, refreshedAt: new Date() });
    this.loaded.add(repositoryId);
    await this.noteNewest(repositoryId);
    if (added.length) this.backfill.schedule(repositoryId);
  }

  /**
   * The newest archive made here of the same sources (backupSourcesKey) whose figures are known, for a backup's
   * estimate; it looks at the repository's 50 newest archives only.
   */
  async newestOfSources(repositoryId: number, sources: string): Promise<{ files: number; originalSize: number } | null> {
    const recent = await this.archives.find({
      select: ['id', 'backupSources', 'fileCount', 'originalSize'],
      where: { repositoryId },
      order: { startedAt: 'DESC', id: 'DESC' },
      take: 50,
    });
    for (const archive of recent) {
      if (archive.backupSources === sources && archive.fileCount !== null && archive.originalSize !== null) {
        return { files: archive.fileCount, originalSize: archive.originalSize };
      }
    }
    return null;
  }

  /** The newest `limit` archives started at or after `since` (all when null), oldest first, and how many matched. */
  async history(repositoryId: number, since: Date | null, limit: number): Promise<{ rows: ArchiveEntity[]; matched: number }> {
    const where = { repositoryId, ...(since ? { startedAt: MoreThanOrEqual(since) } : {}) };
    const [rows, matched] = await this.archives.findAndCount({
      select: ['id', 'name', 'startedAt', 'originalSize', 'compressedSize', 'addedSize', 'fileCount', 'durationSeconds'],
      where,
      order: { startedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    return { rows: rows.reverse(), matched };
  }

  count(repositoryId: number): Promise<number> {
    return this.archives.countBy({ repositoryId });
  }

  /** Start times of the archives started at or after `since`, and of the newest one before it: for a calendar. */
  async startTimesFrom(repositoryId: number, since: Date): Promise<{ times: Date[]; before: Date | null }> {
    const [rows, before] = await Promise.all([
      this.archives.find({ select: ['id', 'startedAt'], where: { repositoryId, startedAt: MoreThanOrEqual(since) } }),
      this.archives.findOne({
        select: ['id', 'startedAt'],
        where: { repositoryId, startedAt: LessThan(since) },
        order: { startedAt: 'DESC', id: 'DESC' },
      }),
    ]);
    return { times: rows.map((row) => row.startedAt), before: before?.startedAt ?? null };
  }

  /** A list or the figures of one of its archives changed: what is kept from them is read again. */
  private listChanged(): void {
    this.counts = null;
    this.sizeTrends = null;
    this.listChanges++;
  }

  /** The newest archive by the index on (repository_id, started_at, id): one row read. Every change of a list ends here. */
  private async noteNewest(repositoryId: number): Promise<void> {
    this.listChanged();
    const newest = await this.archives.findOne({
      select: ['id', 'startedAt'],
      where: { repositoryId },
      order: { startedAt: 'DESC', id: 'DESC' },
    });
    await this.monitorStates.recordNewestArchive(repositoryId, newest?.startedAt ?? null);
  }
}
