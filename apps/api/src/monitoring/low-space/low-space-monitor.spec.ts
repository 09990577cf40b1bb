import { Logger } from '@nestjs/common';
import { Repository } from 'typeorm';
import { AppConfig } from '../../platform/config/app-config';
import { BorgitoryEvent } from '../../platform/events/borgitory-event';
import { EventStream } from '../../platform/events/event-stream';
import { ExpectationChanges } from '../../repositories/monitoring/expectation-changes';
import { MonitoredRepository, MonitorState, RepositoryMonitorStates } from '../../repositories/monitoring/repository-monitor-states';
import { RepositoryEntity } from '../../repositories/repository.entity';
import { FileSystemSize, FileSystemSpace } from './file-system-space';
import { LowSpaceMonitor } from './low-space-monitor';

const GIB = 1024 ** 3;

/** The repositories' rows in memory, written as the real store writes them. */
class StatesInMemory extends RepositoryMonitorStates {
  constructor(readonly rows: MonitoredRepository[]) {
    super({} as Repository<RepositoryEntity>, new ExpectationChanges());
  }

  override async all(): Promise<MonitoredRepository[]> {
    return this.rows.map((row) => ({ ...row }));
  }

  override async save(id: number, state: Partial<MonitorState>): Promise<void> {
    Object.assign(this.rows.find((row) => row.id === id) ?? {}, state);
  }
}

class SpaceOf extends FileSystemSpace {
  readonly sizes = new Map<string, FileSystemSize | null>();
  override async of(path: string): Promise<FileSystemSize | null> {
    return this.sizes.get(path) ?? null;
  }
}

function repository(id: number, path: string): MonitoredRepository {
  return {
    id,
    name: `Repo ${id}`,
    path,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    maxAgeHours: null,
    newestArchiveAt: null,
    overdueSince: null,
    archiveExpectedBy: null,
    expectation: null,
    unreachableSince: null,
    lowSpaceSince: null,
  };
}

describe('LowSpaceMonitor', () => {
  let states: StatesInMemory;
  let space: SpaceOf;
  let published: BorgitoryEvent[];
  let monitor: LowSpaceMonitor;
  let logged: jest.SpyInstance;
  const now = new Date('2026-03-10T12:00:00Z');

  beforeEach(() => {
    states = new StatesInMemory([repository(1, '/srv/repos/one'), repository(2, 'ssh://backup@example.org:22/./two')]);
    space = new SpaceOf();
    const events = new EventStream();
    published = [];
    events.subscribe((event) => published.push(event));
    monitor = new LowSpaceMonitor({ lowSpacePercent: 10 } as AppConfig, states, space, events);
    logged = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  const freeGib = (gib: number) => space.sizes.set('/srv/repos/one', { freeBytes: gib * GIB, sizeBytes: 100 * GIB });

  it('fires once when free space falls below the threshold, with the figures', async () => {
    freeGib(9.5);
    await monitor.checkAll(now);
    await monitor.checkAll(now);
    expect(published).toHaveLength(1);
    expect(published[0].event).toBe('repository.low_space');
    expect(published[0].data).toEqual({
      summary: 'The file system holding repository "Repo 1" (/srv/repos/one) has 10.2 GB free of 107.4 GB (9.5 %), below 10 %',
      repository: { id: 1, name: 'Repo 1' },
      schedule: null,
      job: null,
      error: null,
      figures: { path: '/srv/repos/one', free_bytes: 9.5 * GIB, size_bytes: 100 * GIB, free_percent: 9.5, threshold_percent: 10 },
    });
    expect(states.rows[0].lowSpaceSince).toEqual(now);
  });

  it('ends the episode only 2 points above the threshold, and then fires again on the next fall', async () => {
    freeGib(9);
    await monitor.checkAll(now);
    freeGib(11.5);
    await monitor.checkAll(now);
    expect(states.rows[0].lowSpaceSince).toEqual(now);
    freeGib(9);
    await monitor.checkAll(now);
    expect(published).toHaveLength(1);

    freeGib(12);
    await monitor.checkAll(now);
    expect(states.rows[0].lowSpaceSince).toBeNull();
    freeGib(9.9);
    await monitor.checkAll(now);
    expect(published).toHaveLength(2);
  });

  it('leaves ssh repositories and paths it cannot read alone, and fires nothing at 0 %', async () => {
    space.sizes.set('ssh://backup@example.org:22/./two', { freeBytes: 0, sizeBytes: 100 * GIB });
    await monitor.checkAll(now);
    expect(published).toEqual([]);

    freeGib(0);
    const never = new LowSpaceMonitor({ lowSpacePercent: 0 } as AppConfig, states, space, new EventStream());
    await never.checkAll(now);
    expect(states.rows[0].lowSpaceSince).toBeNull();
  });
});
