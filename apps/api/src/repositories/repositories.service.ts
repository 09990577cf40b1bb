import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BorgRunner, parseBorgTime } from '@borgitory/borg-runner';
import { In, Repository } from 'typeorm';
import { DatabaseVersion } from '../platform/database/database-version';
import { saveUnique } from '../platform/database/save-unique';
import { LIST_CACHE_SIZE, VersionedCache } from '../platform/database/versioned-cache';
import { DomainError } from '../platform/errors/domain-error';
import { Page } from '../platform/http/envelope';
import { readListPage } from '../platform/filtering/apply-list-query';
import { NAMED_LIST, NamedListQueryDto } from '../platform/filtering/named-list';
import { JobsService } from '../jobs/jobs.service';
import { SecretsService } from '../platform/secrets/secrets.service';
import { CreateRepositoryDto, UpdateRepositoryDto } from './dto/repository-input.dto';
import { RepositoryDto } from './dto/repository.dto';
import { RepositoryInfoDto, RepositoryKeyDto, RepositoryTestResultDto } from './dto/repository-results.dto';
import { ConnectionSettings, PASSPHRASE_SECRET, RepositoryConnections, SSH_PRIVATE_KEY_SECRET } from './borg/repository-connections';
import { RepositoryBorg } from './borg/repository-borg';
import { toRepositoryDto } from './repository-dto.mapper';
import { RepositoryEntity } from './repository.entity';
import { RepositoryPreconditions } from './repository-preconditions';
import { RepositoryRemovals } from './repository-removals';
import { checkRepositoryLocation, RepositoryLocation } from './repository-location';
import { statsColumns } from './borg/repository-snapshot';
import { SshKeysService } from './ssh/ssh-keys.service';
import { ServerFiles } from '../platform/files/server-files';
import { ExpectationChanges } from './monitoring/expectation-changes';

const DEFAULT_ENCRYPTION = 'repokey-blake2';

@Injectable()
export class RepositoriesService {
  private readonly pages: VersionedCache<Page<RepositoryDto>>;

  constructor(
    @InjectRepository(RepositoryEntity) private readonly repositories: Repository<RepositoryEntity>,
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly preconditions: RepositoryPreconditions,
    private readonly connections: RepositoryConnections,
    private readonly secrets: SecretsService,
    private readonly sshKeys: SshKeysService,
    private readonly removals: RepositoryRemovals,
    private readonly files: ServerFiles,
    private readonly expectations: ExpectationChanges,
    private readonly jobs: JobsService,
    version: DatabaseVersion,
  ) {
    this.pages = new VersionedCache(version, LIST_CACHE_SIZE);
  }

  list(query: NamedListQueryDto): Promise<Page<RepositoryDto>> {
    return this.pages.get(JSON.stringify(query), async () => {
      const [rows, total] = await readListPage(this.repositories.createQueryBuilder('repository'), NAMED_LIST, query);
      return new Page(rows.map(toRepositoryDto), { total, limit: query.limit, offset: query.offset });
    });
  }

  /** The repositories of the ids given that exist, by id, in one query. */
  async byIds(ids: readonly number[]): Promise<Map<number, RepositoryDto>> {
    const rows = ids.length === 0 ? [] : await this.repositories.findBy({ id: In([...ids]) });
    return new Map(rows.map((row) => [row.id, toRepositoryDto(row)]));
  }

  async get(id: number): Promise<RepositoryDto> {
    return toRepositoryDto(await this.preconditions.existing(id));
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
    const snapshot = await this.repositoryBorg.runWith(settings, async (connection) => {
      if (initialize) await this.borg.init(connection, { encryption });
      else if (input.key_file) await this.borg.keyImport(connection, input.key_file);
      return this.repositoryBorg.snapshot(connection);
    });

    const mode = snapshot.info.encryption.mode;
    const entity = this.repositories.create({
      name: input.name.trim(),
      path: location.location,
      encryption: mode,
      ...this.sealedSecrets({ ...settings, passphrase: mode === 'none' ? null : settings.passphrase }),
      sshKeySource: settings.sshKeySource,
      sshHostKeyPolicy: settings.hostKeyPolicy,
      maxAgeHours: input.max_age_hours ?? null,
      ...statsColumns(snapshot),
    });
    return this.checkedAgain(await this.save(entity));
  }

  /** Name changes are saved as they are; connection changes only after borg opened the repository with them. */
  async update(id: number, input: UpdateRepositoryDto): Promise<RepositoryDto> {
    const repository = await this.preconditions.existing(id);
    const location = input.path === undefined ? this.connections.locationOf(repository) : parseLocation(input.path);
    const current = this.connections.settingsOf(repository, location);
    if (input.passphrase !== undefined && repository.encryption === 'none') {
      throw DomainError.invalidInput({
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
      const snapshot = await this.repositoryBorg.runWith(next, (connection) => this.repositoryBorg.snapshot(connection));
      Object.assign(repository, statsColumns(snapshot));
    }
    Object.assign(repository, {
      name: input.name?.trim() ?? repository.name,
      path: location.location,
      ...this.sealedSecrets(next),
      sshKeySource: next.sshKeySource,
      sshHostKeyPolicy: next.hostKeyPolicy,
      maxAgeHours: input.max_age_hours === undefined ? repository.maxAgeHours : input.max_age_hours,
    });
    return this.checkedAgain(await this.save(repository));
  }

  /**
   * Forgets the repository; with deleteData the borg repository itself is
   * deleted first, and with it the key file borg leaves behind for keyfile modes.
   */
  async remove(id: number, deleteData: boolean): Promise<void> {
    const repository = await this.preconditions.existing(id);
    await this.preconditions.assertIdle(id, 'it cannot be deleted until the job ends or is cancelled');
    await this.jobs.stopIdleWork(id);
    if (deleteData) {
      await this.repositoryBorg.runWith(this.connections.settingsOf(repository), async (connection) => {
        const keyFile = (await this.borg.infoWithoutLock(connection)).result.encryption.keyfile;
        await this.borg.deleteRepository(connection);
        if (keyFile) await this.files.remove(keyFile);
      });
    }
    await this.repositories.delete({ id });
    await this.removals.notify(id);
  }

  /** Opens the repository without taking its lock; a failure is the answer, not an error status. */
  async test(id: number): Promise<RepositoryTestResultDto> {
    const repository = await this.preconditions.existing(id);
    const attempt = await this.repositoryBorg.attempt(this.connections.settingsOf(repository), (connection) =>
      this.repositoryBorg.snapshot(connection),
    );
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
    const repository = await this.preconditions.existing(id);
    const snapshot = await this.repositoryBorg.runWith(this.connections.settingsOf(repository), (connection) =>
      this.repositoryBorg.snapshot(connection),
    );
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
    const repository = await this.preconditions.existing(id);
    if (repository.encryption === 'none') {
      throw DomainError.conflict('This repository is not encrypted, so it has no key to export');
    }
    const key = await this.repositoryBorg.runWith(this.connections.settingsOf(repository), (connection) => this.borg.keyExport(connection));
    const slug =
      repository.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || `repository-${id}`;
    return { repository_id: id, encryption: repository.encryption, filename: `borgitory-${slug}.key`, key };
  }

  /** Refused while one of our jobs uses the repository: that lock is not stale, and breaking it would corrupt the job's work. */
  async breakLock(id: number): Promise<void> {
    const repository = await this.preconditions.existing(id);
    await this.preconditions.assertIdle(id, 'it cannot be unlocked until the job ends or is cancelled');
    await this.repositoryBorg.runWith(this.connections.settingsOf(repository), (connection) => this.borg.breakLock(connection));
  }

  /** The answer after a save shows the monitor's verdict on the repository as it is now. */
  private async checkedAgain(saved: RepositoryEntity): Promise<RepositoryDto> {
    await this.expectations.changed(saved.id);
    return toRepositoryDto(await this.preconditions.existing(saved.id));
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
      throw DomainError.conflict(`A repository named "${clash.name}" already exists`, { field: 'name' });
    }
    throw DomainError.conflict(`This path is already registered as repository "${clash.name}"`, { field: 'path' });
  }

  /** The unique constraints are the last word when two requests race past assertUnique. */
  private save(entity: RepositoryEntity): Promise<RepositoryEntity> {
    return saveUnique(this.repositories, entity, () => DomainError.conflict('A repository with this name or path already exists'));
  }
}

function parseLocation(path: string): RepositoryLocation {
  const checked = checkRepositoryLocation(path);
  if (!checked.ok) throw DomainError.invalidInput({ path: [checked.problem] });
  return checked.location;
}

function assertPassphraseFits(encryption: string, passphrase: string | undefined): void {
  if (encryption !== 'none' && !passphrase) {
    throw DomainError.invalidInput({
      passphrase: [`A passphrase is required for ${encryption} encryption`],
    });
  }
}

function assertSshFieldsFit(location: RepositoryLocation, privateKey: string | undefined, policy: string | undefined): void {
  if (location.remote) return;
  const details: Record<string, string[]> = {};
  if (privateKey) details['ssh_private_key'] = ['Only ssh repositories use a private key'];
  if (policy) details['ssh_host_key_policy'] = ['Only ssh repositories have a host key policy'];
  if (Object.keys(details).length > 0) throw DomainError.invalidInput(details);
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
