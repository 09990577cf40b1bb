import { rm } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BorgConnection, BorgRunner } from '@borgitory/borg-runner';
import { QueryFailedError, Repository } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { DatabaseVersion } from '../platform/database/database-version';
import { LIST_CACHE_SIZE, VersionedCache } from '../platform/database/versioned-cache';
import { ApiError } from '../platform/http/api-error';
import { ErrorCode } from '../platform/http/error-code';
import { Page } from '../platform/http/envelope';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { SecretsService } from '../platform/secrets/secrets.service';
import { describeBorgFailure, failureAsApiError, FailureDescription, needsSshDiagnosis } from './borg-failure';
import { parseBorgTime } from './borg-time';
import { CreateRepositoryDto, UpdateRepositoryDto } from './dto/repository-input.dto';
import { RepositoryDto } from './dto/repository.dto';
import { RepositoryInfoDto, RepositoryKeyDto, RepositoryTestResultDto } from './dto/repository-results.dto';
import { ConnectionSettings, PASSPHRASE_SECRET, RepositoryConnections, SSH_PRIVATE_KEY_SECRET } from './repository-connections';
import { toRepositoryDto } from './repository-dto.mapper';
import { RepositoryEntity } from './repository.entity';
import { RepositoryRemovals } from './repository-removals';
import { checkRepositoryLocation, RepositoryLocation } from './repository-location';
import { readSnapshot, RepositorySnapshot, statsColumns } from './repository-snapshot';
import { SshKeysService } from './ssh/ssh-keys.service';

const DEFAULT_ENCRYPTION = 'repokey-blake2';

type Attempt<T> = { ok: true; value: T } | { ok: false; failure: FailureDescription };

@Injectable()
export class RepositoriesService {
  private readonly pages: VersionedCache<Page<RepositoryDto>>;

  constructor(
    @InjectRepository(RepositoryEntity) private readonly repositories: Repository<RepositoryEntity>,
    private readonly borg: BorgRunner,
    private readonly connections: RepositoryConnections,
    private readonly secrets: SecretsService,
    private readonly sshKeys: SshKeysService,
    private readonly jobs: JobsService,
    private readonly removals: RepositoryRemovals,
    version: DatabaseVersion,
  ) {
    this.pages = new VersionedCache(version, LIST_CACHE_SIZE);
  }

  list(query: PageQueryDto): Promise<Page<RepositoryDto>> {
    return this.pages.get(JSON.stringify([query.limit, query.offset]), async () => {
      const [rows, total] = await this.repositories.findAndCount({
        order: { name: 'ASC', id: 'ASC' },
        take: query.limit,
        skip: query.offset,
      });
      return new Page(rows.map(toRepositoryDto), { total, limit: query.limit, offset: query.offset });
    });
  }

  async get(id: number): Promise<RepositoryDto> {
    return toRepositoryDto(await this.find(id));
  }

  /** Inits (or imports) with borg first; the row is written only once borg has opened the repository. */
  async create(input: CreateRepositoryDto): Promise<RepositoryDto> {
    const location = parseLocation(input.path);
    const initialize = input.initialize ?? true;
    const encryption = input.encryption ?? DEFAULT_ENCRYPTION;
    if (initialize) assertPassphraseFits(encryption, input.passphrase);
    assertSshFieldsFit(location, input.ssh_private_key, input.ssh_host_key_policy);
    await this.assertUnique({ name: input.name, path: location.location });
    if (input.ssh_private_key) await this.sshKeys.assertUsablePrivateKey(input.ssh_private_key);

    const settings: ConnectionSettings = {
      location,
      passphrase: input.passphrase ?? null,
      sshKeySource: location.remote ? (input.ssh_private_key ? 'custom' : 'server') : null,
      sshPrivateKey: input.ssh_private_key ?? null,
      hostKeyPolicy: input.ssh_host_key_policy ?? 'accept-new',
    };
    const snapshot = await this.withBorg(settings, async (connection) => {
      if (initialize) await this.borg.init(connection, { encryption });
      else if (input.key_file) await this.borg.keyImport(connection, input.key_file);
      return this.snapshot(connection);
    });

    const mode = snapshot.info.encryption.mode;
    const entity = this.repositories.create({
      name: input.name.trim(),
      path: location.location,
      encryption: mode,
      ...this.sealedSecrets({ ...settings, passphrase: mode === 'none' ? null : settings.passphrase }),
      sshKeySource: settings.sshKeySource,
      sshHostKeyPolicy: settings.hostKeyPolicy,
      ...statsColumns(snapshot),
    });
    return toRepositoryDto(await this.saveUnique(entity));
  }

  /** Name changes are saved as they are; connection changes only after borg opened the repository with them. */
  async update(id: number, input: UpdateRepositoryDto): Promise<RepositoryDto> {
    const repository = await this.find(id);
    const location = input.path === undefined ? this.connections.locationOf(repository) : parseLocation(input.path);
    const current = this.connections.settingsOf(repository, location);
    if (input.passphrase !== undefined && repository.encryption === 'none') {
      throw ApiError.validation('Invalid input data: passphrase', {
        passphrase: ['This repository is not encrypted; it has no passphrase'],
      });
    }
    assertSshFieldsFit(location, input.ssh_private_key ?? undefined, input.ssh_host_key_policy);
    await this.assertUnique({ name: input.name, path: location.location }, id);
    if (input.ssh_private_key) await this.sshKeys.assertUsablePrivateKey(input.ssh_private_key);

    const next: ConnectionSettings = {
      location,
      passphrase: input.passphrase ?? current.passphrase,
      sshKeySource: nextKeySource(location, current, input.ssh_private_key),
      sshPrivateKey: input.ssh_private_key === null ? null : (input.ssh_private_key ?? current.sshPrivateKey),
      hostKeyPolicy: input.ssh_host_key_policy ?? current.hostKeyPolicy,
    };
    if (!location.remote) next.sshPrivateKey = null;

    const connectionChanged =
      input.path !== undefined ||
      input.passphrase !== undefined ||
      input.ssh_private_key !== undefined ||
      input.ssh_host_key_policy !== undefined;
    if (connectionChanged) {
      const snapshot = await this.withBorg(next, (connection) => this.snapshot(connection));
      Object.assign(repository, statsColumns(snapshot));
    }
    Object.assign(repository, {
      name: input.name?.trim() ?? repository.name,
      path: location.location,
      ...this.sealedSecrets(next),
      sshKeySource: next.sshKeySource,
      sshHostKeyPolicy: next.hostKeyPolicy,
    });
    return toRepositoryDto(await this.saveUnique(repository));
  }

  /**
   * Forgets the repository; with deleteData the borg repository itself is
   * deleted first, and with it the key file borg leaves behind for keyfile modes.
   */
  async remove(id: number, deleteData: boolean): Promise<void> {
    const repository = await this.find(id);
    await this.assertIdle(id, 'deleted');
    if (deleteData) {
      await this.withBorg(this.connections.settingsOf(repository), async (connection) => {
        const keyFile = (await this.borg.infoWithoutLock(connection)).result.encryption.keyfile;
        await this.borg.deleteRepository(connection);
        if (keyFile) await rm(keyFile, { force: true });
      });
    }
    await this.repositories.delete({ id });
    await this.removals.notify(id);
  }

  /** Opens the repository without taking its lock; a failure is the answer, not an error status. */
  async test(id: number): Promise<RepositoryTestResultDto> {
    const repository = await this.find(id);
    const attempt = await this.attempt(this.connections.settingsOf(repository), (connection) => this.snapshot(connection));
    if (!attempt.ok) {
      return {
        ok: false,
        repository_id: id,
        encryption: repository.encryption,
        last_modified: null,
        archives_count: null,
        original_size: null,
        compressed_size: null,
        deduplicated_size: null,
        error: { code: attempt.failure.code, message: attempt.failure.message },
      };
    }
    const snapshot = attempt.value;
    const stats = statsColumns(snapshot);
    await this.repositories.update({ id }, stats);
    return {
      ok: true,
      repository_id: id,
      encryption: snapshot.info.encryption.mode,
      last_modified: parseBorgTime(snapshot.info.lastModified).toISOString(),
      archives_count: stats.archivesCount,
      original_size: stats.originalSize,
      compressed_size: stats.compressedSize,
      deduplicated_size: stats.deduplicatedSize,
      error: null,
    };
  }

  async info(id: number): Promise<RepositoryInfoDto> {
    const repository = await this.find(id);
    const snapshot = await this.withBorg(this.connections.settingsOf(repository), (connection) => this.snapshot(connection));
    const stats = statsColumns(snapshot);
    await this.repositories.update({ id }, stats);
    const { info } = snapshot;
    const deduplicated = stats.deduplicatedSize ?? 0;
    return {
      repository_id: id,
      borg_id: info.id,
      location: info.location,
      encryption: info.encryption.mode,
      last_modified: parseBorgTime(info.lastModified).toISOString(),
      archives_count: stats.archivesCount ?? 0,
      original_size: stats.originalSize ?? 0,
      compressed_size: stats.compressedSize ?? 0,
      deduplicated_size: deduplicated,
      total_chunks: info.stats?.totalChunks ?? 0,
      unique_chunks: info.stats?.totalUniqueChunks ?? 0,
      deduplication_ratio: deduplicated > 0 ? Math.round(((stats.originalSize ?? 0) / deduplicated) * 100) / 100 : 0,
    };
  }

  async exportKey(id: number): Promise<RepositoryKeyDto> {
    const repository = await this.find(id);
    if (repository.encryption === 'none') {
      throw ApiError.conflict('This repository is not encrypted, so it has no key to export');
    }
    const key = await this.withBorg(this.connections.settingsOf(repository), (connection) => this.borg.keyExport(connection));
    const slug =
      repository.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || `repository-${id}`;
    return { repository_id: id, encryption: repository.encryption, filename: `borgitory-${slug}.key`, key };
  }

  /** Refused while one of our jobs uses the repository: that lock is not stale, and breaking it would corrupt the job's work. */
  async breakLock(id: number): Promise<void> {
    const repository = await this.find(id);
    await this.assertIdle(id, 'unlocked');
    await this.withBorg(this.connections.settingsOf(repository), (connection) => this.borg.breakLock(connection));
  }

  /**
   * For other modules (backups, jobs): runs borg on the repository; a failure
   * is an ApiError whose code and message say what went wrong.
   */
  async runBorg<T>(id: number, work: (connection: BorgConnection) => Promise<T>): Promise<T> {
    return this.withBorg(this.connections.settingsOf(await this.find(id)), work);
  }

  /** Reads borg's figures again (after a backup) so that the list stays current; failures only leave them as they were. */
  async refreshStats(id: number): Promise<void> {
    const repository = await this.find(id);
    const attempt = await this.attempt(this.connections.settingsOf(repository), (connection) => this.snapshot(connection));
    if (attempt.ok) await this.repositories.update({ id }, statsColumns(attempt.value));
  }

  async exists(id: number): Promise<boolean> {
    return this.repositories.existsBy({ id });
  }

  private async find(id: number): Promise<RepositoryEntity> {
    const repository = await this.repositories.findOneBy({ id });
    if (!repository) throw ApiError.notFound(`Repository ${id} does not exist`);
    return repository;
  }

  private async assertIdle(id: number, action: string): Promise<void> {
    if (await this.jobs.hasActiveJob(id)) {
      throw new ApiError(
        409,
        ErrorCode.REPOSITORY_BUSY,
        `A job is queued or running on this repository; it cannot be ${action} until the job ends or is cancelled`,
      );
    }
  }

  private snapshot(connection: BorgConnection): Promise<RepositorySnapshot> {
    return readSnapshot(this.borg, connection);
  }

  /** Runs borg with the settings; its failures become API errors that say what went wrong. */
  private async withBorg<T>(settings: ConnectionSettings, work: (connection: BorgConnection) => Promise<T>): Promise<T> {
    const attempt = await this.attempt(settings, work);
    if (!attempt.ok) throw failureAsApiError(attempt.failure);
    return attempt.value;
  }

  /** Describes a failure while the connection (and any key file) still exists, so that ssh can be asked why. */
  private attempt<T>(settings: ConnectionSettings, work: (connection: BorgConnection) => Promise<T>): Promise<Attempt<T>> {
    return this.connections.use(settings, async (connection): Promise<Attempt<T>> => {
      try {
        return { ok: true, value: await work(connection) };
      } catch (error) {
        const sshReport = needsSshDiagnosis(error, settings.location) ? await this.borg.probeSsh(connection) : [];
        return { ok: false, failure: describeBorgFailure(error, settings.location, sshReport) };
      }
    });
  }

  private sealedSecrets(settings: ConnectionSettings): Pick<RepositoryEntity, 'passphraseSecret' | 'sshPrivateKeySecret'> {
    return {
      passphraseSecret: settings.passphrase ? this.secrets.encrypt(settings.passphrase, PASSPHRASE_SECRET) : null,
      sshPrivateKeySecret:
        settings.sshKeySource === 'custom' && settings.sshPrivateKey
          ? this.secrets.encrypt(settings.sshPrivateKey, SSH_PRIVATE_KEY_SECRET)
          : null,
    };
  }

  private async assertUnique(candidate: { name?: string; path: string }, exceptId?: number): Promise<void> {
    const name = candidate.name?.trim();
    const clash = await this.repositories
      .createQueryBuilder('repository')
      .where('(LOWER(repository.name) = LOWER(:name) OR repository.path = :path)', { name: name ?? '', path: candidate.path })
      .andWhere('repository.id != :exceptId', { exceptId: exceptId ?? -1 })
      .getOne();
    if (!clash) return;
    if (name !== undefined && clash.name.toLowerCase() === name.toLowerCase()) {
      throw ApiError.conflict(`A repository named "${clash.name}" already exists`, { field: 'name' });
    }
    throw ApiError.conflict(`This path is already registered as repository "${clash.name}"`, { field: 'path' });
  }

  /** The unique constraints are the last word when two requests race past assertUnique. */
  private async saveUnique(entity: RepositoryEntity): Promise<RepositoryEntity> {
    try {
      return await this.repositories.save(entity);
    } catch (error) {
      if (error instanceof QueryFailedError && /UNIQUE constraint failed/.test(error.message)) {
        throw ApiError.conflict('A repository with this name or path already exists');
      }
      throw error;
    }
  }
}

function parseLocation(path: string): RepositoryLocation {
  const checked = checkRepositoryLocation(path);
  if (!checked.ok) throw ApiError.validation('Invalid input data: path', { path: [checked.problem] });
  return checked.location;
}

function assertPassphraseFits(encryption: string, passphrase: string | undefined): void {
  if (encryption !== 'none' && !passphrase) {
    throw ApiError.validation('Invalid input data: passphrase', {
      passphrase: [`A passphrase is required for ${encryption} encryption`],
    });
  }
}

function assertSshFieldsFit(location: RepositoryLocation, privateKey: string | undefined, policy: string | undefined): void {
  if (location.remote) return;
  const details: Record<string, string[]> = {};
  if (privateKey) details['ssh_private_key'] = ['Only ssh repositories use a private key'];
  if (policy) details['ssh_host_key_policy'] = ['Only ssh repositories have a host key policy'];
  if (Object.keys(details).length > 0) throw ApiError.validation(`Invalid input data: ${Object.keys(details).join(', ')}`, details);
}

function nextKeySource(
  location: RepositoryLocation,
  current: ConnectionSettings,
  privateKey: string | null | undefined,
): ConnectionSettings['sshKeySource'] {
  if (!location.remote) return null;
  if (privateKey === null) return 'server';
  if (privateKey !== undefined) return 'custom';
  return current.sshKeySource ?? 'server';
}
