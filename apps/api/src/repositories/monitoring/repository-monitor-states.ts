import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RepositoryEntity } from '../repository.entity';
import { ExpectationChanges } from './expectation-changes';

/** A repository as the monitor sees it: what is expected of it, its newest archive, and the alerts it is in. */
export type MonitoredRepository = Pick<
  RepositoryEntity,
  | 'id'
  | 'name'
  | 'path'
  | 'createdAt'
  | 'maxAgeHours'
  | 'newestArchiveAt'
  | 'overdueSince'
  | 'archiveExpectedBy'
  | 'expectation'
  | 'unreachableSince'
  | 'lowSpaceSince'
>;

export type MonitorState = Pick<
  MonitoredRepository,
  'overdueSince' | 'archiveExpectedBy' | 'expectation' | 'unreachableSince' | 'lowSpaceSince'
>;

const COLUMNS: (keyof MonitoredRepository)[] = [
  'id',
  'name',
  'path',
  'createdAt',
  'maxAgeHours',
  'newestArchiveAt',
  'overdueSince',
  'archiveExpectedBy',
  'expectation',
  'unreachableSince',
  'lowSpaceSince',
];

/** The monitoring columns of repositories, read and written for the repository monitor and the archive catalog. */
@Injectable()
export class RepositoryMonitorStates {
  constructor(
    @InjectRepository(RepositoryEntity) private readonly repositories: Repository<RepositoryEntity>,
    private readonly changes: ExpectationChanges,
  ) {}

  all(): Promise<MonitoredRepository[]> {
    return this.repositories.find({ select: COLUMNS, order: { id: 'ASC' } });
  }

  one(id: number): Promise<MonitoredRepository | null> {
    return this.repositories.findOne({ select: COLUMNS, where: { id } });
  }

  /** updated_at stays as it is: it says when a user last changed the repository. */
  async save(id: number, state: Partial<MonitorState>): Promise<void> {
    if (Object.keys(state).length === 0) return;
    await this.repositories
      .createQueryBuilder()
      .update()
      .set({ ...state, updatedAt: () => '"updated_at"' })
      .where('id = :id', { id })
      .execute();
  }

  /** The newest archive of the stored list; when it changed, the monitor checks the repository again before this returns. */
  async recordNewestArchive(id: number, newest: Date | null): Promise<void> {
    const current = await this.repositories.findOne({ select: ['id', 'newestArchiveAt'], where: { id } });
    if (!current || current.newestArchiveAt?.getTime() === newest?.getTime()) return;
    await this.repositories
      .createQueryBuilder()
      .update()
      .set({ newestArchiveAt: newest, updatedAt: () => '"updated_at"' })
      .where('id = :id', { id })
      .execute();
    await this.changes.changed(id);
  }
}
