import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BorgConnection, BorgRunner } from '@borgitory/borg-runner';
import { Repository } from 'typeorm';
import { describeBorgFailure, failureAsError, FailureDescription, needsSshDiagnosis } from './borg-failure';
import { ConnectionSettings, RepositoryConnections } from './repository-connections';
import { RepositoryEntity } from '../repository.entity';
import { RepositoryPreconditions } from '../repository-preconditions';
import { readSnapshot, RepositorySnapshot, statsColumns } from './repository-snapshot';

export type Attempt<T> = { ok: true; value: T } | { ok: false; failure: FailureDescription };

/**
 * Runs borg against a repository: opens it with its stored connection settings and secrets, and describes
 * borg's failures in the user's terms (asking ssh why, when ssh is to blame).
 */
@Injectable()
export class RepositoryBorg {
  constructor(
    @InjectRepository(RepositoryEntity) private readonly repositories: Repository<RepositoryEntity>,
    private readonly borg: BorgRunner,
    private readonly connections: RepositoryConnections,
    private readonly preconditions: RepositoryPreconditions,
  ) {}

  /** Runs borg on repository N; a failure is an DomainError whose code and message say what went wrong. */
  async run<T>(id: number, work: (connection: BorgConnection) => Promise<T>): Promise<T> {
    return this.runWith(this.connections.settingsOf(await this.preconditions.existing(id)), work);
  }

  /** Reads borg's figures again (after a job changed the repository) so that the list stays current; failures only leave them as they were. */
  async refreshStats(id: number): Promise<void> {
    const repository = await this.preconditions.existing(id);
    const attempt = await this.attempt(this.connections.settingsOf(repository), (connection) => this.snapshot(connection));
    if (attempt.ok) await this.repositories.update({ id }, statsColumns(attempt.value));
  }

  /** As run, with settings that need not be stored yet (a repository being created, or its connection changed). */
  async runWith<T>(settings: ConnectionSettings, work: (connection: BorgConnection) => Promise<T>): Promise<T> {
    const attempt = await this.attempt(settings, work);
    if (!attempt.ok) throw failureAsError(attempt.failure);
    return attempt.value;
  }

  /** Describes a failure while the connection (and any key file) still exists, so that ssh can be asked why. */
  attempt<T>(settings: ConnectionSettings, work: (connection: BorgConnection) => Promise<T>): Promise<Attempt<T>> {
    return this.connections.use(settings, async (connection): Promise<Attempt<T>> => {
      try {
        return { ok: true, value: await work(connection) };
      } catch (error) {
        const sshReport = needsSshDiagnosis(error, settings.location) ? await this.borg.probeSsh(connection) : [];
        return { ok: false, failure: describeBorgFailure(error, settings.location, sshReport) };
      }
    });
  }

  /** The repository's info and archive list, read without taking its lock. */
  snapshot(connection: BorgConnection): Promise<RepositorySnapshot> {
    return readSnapshot(this.borg, connection);
  }
}
