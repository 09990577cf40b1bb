import { Injectable } from '@nestjs/common';
import { bytesToEscapedString } from '@borgitory/api-client/byte-path';
import { BorgDiffChange, BorgRunner } from '@borgitory/borg-runner';
import { JobDto } from '../jobs/dto/job.dto';
import { JobsService } from '../jobs/jobs.service';
import { DatabaseVersion } from '../platform/database/database-version';
import { LIST_CACHE_SIZE, VersionedCache } from '../platform/database/versioned-cache';
import { DomainError } from '../platform/errors/domain-error';
import { Page } from '../platform/http/envelope';
import { ErrorCode, isErrorCode } from '../platform/errors/error-code';
import { RepositoryBorg } from '../repositories/borg/repository-borg';
import { RepositoryPreconditions } from '../repositories/repository-preconditions';
import { Role } from '../auth/roles/roles';
import { ArchiveCatalog } from './archive-catalog';
import { toArchiveDetailsDto, toArchiveDto, toEntryDto, toIndexStatusDto, entryType } from './archive-dto.mapper';
import { DeleteArchiveParametersDto } from '../jobs/contract/delete-archive-job';
import { RestoreParametersDto } from '../jobs/contract/restore-job';
import { ArchivePath } from './archive-path';
import { ArchiveSettings } from './archive-settings';
import { ArchiveDetailsDto, ArchiveDto, ArchiveIndexStatusDto } from './dto/archive.dto';
import { ArchiveEntryDto, DiffChangeDto, DiffEntryDto, SearchHitDto, SearchResultDto } from './dto/archive-entry.dto';
import {
  ArchiveBrowseQueryDto,
  ArchiveDiffQueryDto,
  ArchiveListQueryDto,
  ArchiveSearchQueryDto,
  RestoreArchiveDto,
} from './dto/archive-queries.dto';
import { ArchiveIndexes } from './index/archive-indexes';
import { HostDirectories } from '../hosts/host-directories';
import { HostEntity } from '../hosts/host.entity';
import { HostsService } from '../hosts/hosts.service';
import { pullModeProblem } from '../hosts/pull/pull-mode';
import { RestoreRoots } from './restore-roots/restore-roots';
import { existingRestoreTargets, restoreTarget, restoreTargets } from './restore-targets';
import { ServerFiles } from '../platform/files/server-files';

export type Indexing = { indexing: ArchiveIndexStatusDto };

@Injectable()
export class ArchivesService {
  private readonly pages: VersionedCache<Page<ArchiveDto>>;

  constructor(
    private readonly catalog: ArchiveCatalog,
    private readonly indexes: ArchiveIndexes,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly preconditions: RepositoryPreconditions,
    private readonly jobs: JobsService,
    private readonly borg: BorgRunner,
    private readonly settings: ArchiveSettings,
    private readonly files: ServerFiles,
    private readonly restoreRoots: RestoreRoots,
    private readonly hosts: HostsService,
    private readonly hostDirectories: HostDirectories,
    version: DatabaseVersion,
  ) {
    this.pages = new VersionedCache(version, LIST_CACHE_SIZE);
  }

  /** A page kept from before is still right while the database is unchanged: the stored list only changes there. */
  list(repositoryId: number, query: ArchiveListQueryDto): Promise<Page<ArchiveDto>> {
    const read = () => this.readPage(repositoryId, query);
    if (query.refresh === 'true') return read();
    return this.pages.get(JSON.stringify([repositoryId, query]), read);
  }

  private async readPage(repositoryId: number, query: ArchiveListQueryDto): Promise<Page<ArchiveDto>> {
    await this.preconditions.assertExists(repositoryId);
    await this.catalog.ensureLoaded(repositoryId, query.refresh === 'true');
    const { rows, total } = await this.catalog.page(repositoryId, query, query.limit, query.offset);
    return new Page(rows.map(toArchiveDto), { total, limit: query.limit, offset: query.offset });
  }

  /** `borg info` of the archive the first time (and after other archives were deleted); stored after that. */
  async details(repositoryId: number, name: string): Promise<ArchiveDetailsDto> {
    let archive = await this.catalog.find(repositoryId, name);
    if (archive.infoLoadedAt === null || archive.deduplicatedSize === null) {
      const info = await this.repositoryBorg.run(repositoryId, (connection) => this.borg.archiveInfo(connection, name));
      archive = await this.catalog.saveInfo(archive, info.result);
    }
    return toArchiveDetailsDto(archive);
  }

  /** Deletes through the job queue (logged, one borg at a time); answers when done, or with the job after a bound. */
  async delete(repositoryId: number, name: string): Promise<JobDto | null> {
    await this.catalog.find(repositoryId, name);
    await this.preconditions.assertIdle(repositoryId, 'try again when it has finished');
    const parameters: DeleteArchiveParametersDto = { archive_name: name };
    const job = await this.jobs.enqueue({ type: 'delete_archive', repositoryId, parameters });
    const finished = await this.settled(job, `Deleting archive ${name}`);
    return finished ? null : job;
  }

  /**
   * One job deletes every named archive in one borg call, then compacts when asked. Answers the finished job, or
   * the job while it still runs after the same bound as a single deletion (`finished` says which).
   */
  async deleteMany(repositoryId: number, names: string[], compact: boolean): Promise<{ job: JobDto; finished: boolean }> {
    await this.preconditions.assertExists(repositoryId);
    const { missing } = await this.catalog.findAll(repositoryId, names);
    if (missing.length > 0) {
      const listed = missing.map((name) => `"${name}"`).join(', ');
      throw DomainError.validation(`Not archives of repository ${repositoryId}: ${listed}`, {
        names: missing.map((name) => `Archive "${name}" does not exist`),
      });
    }
    await this.preconditions.assertIdle(repositoryId, 'try again when it has finished');
    const parameters: DeleteArchiveParametersDto = { archive_name: names[0], archive_names: names };
    const job = await this.jobs.enqueue({
      type: 'delete_archive',
      repositoryId,
      parameters,
      steps: compact ? [{ type: 'delete_archive' }, { type: 'compact', parameters: {} }] : [{ type: 'delete_archive' }],
    });
    const finished = await this.settled(job, `Deleting ${names.length} archives`);
    return finished ? { job: finished, finished: true } : { job, finished: false };
  }

  /** The job once it has succeeded (null while it still runs after the bound); its failure as the request's error. */
  private async settled(job: JobDto, what: string): Promise<JobDto | null> {
    const finished = await this.jobs.waitUntilFinished(job.id, this.settings.deleteWaitMs);
    if (!finished) return null;
    if (finished.status === 'completed' || finished.status === 'warning') return finished;
    if (finished.status === 'failed') {
      const stored = finished.error?.code;
      const code = stored !== undefined && isErrorCode(stored) ? stored : ErrorCode.BORG_ERROR;
      throw new DomainError(code, finished.error?.message ?? `${what} failed`, { job_id: finished.id });
    }
    throw DomainError.conflict(`${what} was ${finished.status} (job ${finished.id})`, { job_id: finished.id });
  }

  async indexStatus(repositoryId: number, name: string): Promise<ArchiveIndexStatusDto> {
    const archive = await this.catalog.find(repositoryId, name);
    return toIndexStatusDto(this.indexes.state(archive), archive);
  }

  async startIndex(repositoryId: number, name: string): Promise<ArchiveIndexStatusDto> {
    const archive = await this.catalog.find(repositoryId, name);
    return toIndexStatusDto(await this.indexes.ensure(archive, 0), archive);
  }

  async browse(
    repositoryId: number,
    name: string,
    path: ArchivePath,
    query: ArchiveBrowseQueryDto,
  ): Promise<Page<ArchiveEntryDto> | Indexing> {
    const archive = await this.catalog.find(repositoryId, name);
    const state = await this.indexes.ensure(archive);
    if (state.state !== 'ready') return { indexing: toIndexStatusDto(state, archive) };
    const reader = state.reader;
    let directoryId = 0;
    if (!path.isRoot) {
      const row = reader.find(path.components);
      if (!row) throw DomainError.notFound(`${path.toDisplay()} does not exist in archive ${name}`);
      if (row.kind !== 'd')
        throw DomainError.badRequest(`${path.toDisplay()} is a ${entryType(row)}, not a directory; download it instead`);
      directoryId = row.id;
    }
    const { rows, total } = reader.list(directoryId, query.sort, query.order, query.limit, query.offset);
    const entries = rows.map((row) => toEntryDto(row, [...path.components, row.name]));
    return new Page(entries, { total, limit: query.limit, offset: query.offset });
  }

  /** A name across the archives that have an index, newest archive first: every stored version of a file. */
  async search(repositoryId: number, query: ArchiveSearchQueryDto): Promise<SearchResultDto> {
    await this.preconditions.assertExists(repositoryId);
    await this.catalog.ensureLoaded(repositoryId);
    const { indexed, unindexed } = await this.catalog.indexedNewestFirst(repositoryId);
    const hits: SearchHitDto[] = [];
    let truncated = false;
    for (const archive of indexed) {
      const state = this.indexes.state(archive);
      if (state.state !== 'ready') continue;
      const rows = state.reader.search(query.q, query.limit - hits.length + 1);
      for (const row of rows) {
        if (hits.length === query.limit) {
          truncated = true;
          break;
        }
        const entry = toEntryDto(row, state.reader.componentsOf(row));
        hits.push({ ...entry, archive_name: archive.name, archive_start: archive.startedAt.toISOString() });
      }
      if (truncated) break;
    }
    return { hits, truncated, searched_archives: indexed.length, unindexed_archives: unindexed };
  }

  /** `borg diff` of two archives, one page at a time; borg's output is streamed, never held whole. */
  async diff(
    repositoryId: number,
    name: string,
    otherName: string,
    path: ArchivePath,
    query: ArchiveDiffQueryDto,
  ): Promise<Page<DiffEntryDto>> {
    await this.catalog.find(repositoryId, name);
    await this.catalog.find(repositoryId, otherName);
    const { limit, offset } = query;
    return this.repositoryBorg.run(repositoryId, async (connection) => {
      const entries: DiffEntryDto[] = [];
      let total = 0;
      const diff = this.borg.diff(connection, name, otherName, {
        paths: path.isRoot ? undefined : [path.toEscaped()],
        contentOnly: query.content_only === 'true',
        bypassLock: true,
      });
      for await (const entry of diff) {
        if (total >= offset && entries.length < limit) {
          entries.push({ path: `/${entry.path}`, changes: entry.changes.map(toDiffChangeDto) });
        }
        total++;
      }
      return new Page(entries, { total, limit, offset });
    });
  }

  async restore(repositoryId: number, name: string, input: RestoreArchiveDto, actor: Role): Promise<JobDto> {
    const archive = await this.catalog.find(repositoryId, name);
    const details: Record<string, string[]> = {};
    const paths = input.paths.map((path) => ArchivePath.fromEscaped(path, 'paths'));
    const everything = paths.some((path) => path.isRoot);
    const host = input.host_id === undefined ? null : await this.restoreHost(repositoryId, input.host_id, details);
    const target = restoreTarget(input);
    if (!target.ok) Object.assign(details, target.problems);
    else if (!input.to_original_location && (host !== null || input.host_id === undefined)) {
      const destinationProblem = host
        ? await this.hostDirectories.directoryProblem(host, target.destination)
        : await this.files.writableDirectoryProblem(target.destination);
      if (destinationProblem) details['destination'] = [destinationProblem];
    }

    const strip = input.strip_components ?? 0;
    const state = await this.indexes.ensure(archive);
    const pathProblems: string[] = [];
    for (const path of everything ? [] : paths) {
      const row = state.state === 'ready' ? state.reader.find(path.components) : undefined;
      if (row === null) pathProblems.push(`${path.toDisplay()} is not in archive ${name}`);
      else if (strip > path.components.length || (strip === path.components.length && row && row.kind !== 'd')) {
        details['strip_components'] = [`${strip} would strip ${path.toDisplay()} away entirely: nothing of it would be restored`];
      }
    }
    if (pathProblems.length) details['paths'] = pathProblems;
    if (!target.ok || Object.keys(details).length) {
      throw DomainError.invalidInput(details);
    }

    const selected = everything ? [ArchivePath.root] : paths;
    // Restore roots are about this server's files; on a host, its user's own rights decide.
    if (!host) await this.restoreRoots.assertAllowed(actor, restoreTargets(target.destination, selected, strip), input.overwrite ?? false);
    if (!input.overwrite) {
      const existing = host
        ? (await this.hostDirectories.existing(host, restoreTargets(target.destination, selected, strip).map(String))).map((path) =>
            Buffer.from(path),
          )
        : await existingRestoreTargets(this.files, target.destination, selected, strip);
      if (existing.length) {
        throw DomainError.conflict(`Restoring would overwrite what exists at the destination; set overwrite to replace it`, {
          existing: existing.slice(0, 20).map((taken) => bytesToEscapedString(taken)),
        });
      }
    }
    const parameters: RestoreParametersDto = {
      archive_name: name,
      paths: everything ? [] : paths.map((path) => path.toEscaped()),
      destination: target.destination,
      strip_components: strip,
      overwrite: input.overwrite ?? false,
      ...(host ? { host_id: host.id, host_name: host.name } : {}),
    };
    return this.jobs.enqueue({ type: 'restore', repositoryId, parameters });
  }

  /** The host to restore onto, or null with the reason under details (a host that is not there, a remote repository). */
  private async restoreHost(repositoryId: number, hostId: number, details: Record<string, string[]>): Promise<HostEntity | null> {
    const host = await this.hosts.find(hostId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.HOST_NOT_FOUND) return null;
      throw error;
    });
    if (!host) details['host_id'] = [`Host ${hostId} does not exist`];
    const location = await this.preconditions.locationOf(repositoryId);
    const problem = location === null ? null : pullModeProblem(location);
    if (problem) details['host_id'] = [problem];
    return problem ? null : host;
  }
}

function toDiffChangeDto(change: BorgDiffChange): DiffChangeDto {
  const dto: DiffChangeDto = { type: change.type };
  if (change.size !== undefined) dto.size = change.size;
  if (change.added !== undefined) dto.added = change.added;
  if (change.removed !== undefined) dto.removed = change.removed;
  if (change.oldMode !== undefined) dto.old_mode = change.oldMode;
  if (change.newMode !== undefined) dto.new_mode = change.newMode;
  if (change.oldUser !== undefined) dto.old_user = change.oldUser;
  if (change.newUser !== undefined) dto.new_user = change.newUser;
  if (change.oldGroup !== undefined) dto.old_group = change.oldGroup;
  if (change.newGroup !== undefined) dto.new_group = change.newGroup;
  if (change.oldTime !== undefined) dto.old_time = change.oldTime;
  if (change.newTime !== undefined) dto.new_time = change.newTime;
  return dto;
}
