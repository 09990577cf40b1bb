import { Inject, Injectable } from '@nestjs/common';
import { isRemoteLocation } from '@borgitory/borg-runner';
import { formatBytes } from '@borgitory/byte-sizes';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { EventStream } from '../../platform/events/event-stream';
import { RepositoryMonitorStates } from '../../repositories/monitoring/repository-monitor-states';
import { repositoryEvent } from '../repository-event';
import { FileSystemSize, FileSystemSpace } from './file-system-space';

/** A low-space episode ends once the free share is this many percentage points above the threshold, not at it. */
export const LOW_SPACE_CLEAR_MARGIN = 2;

/** The free share of the file system, in percent. */
export function freePercent(space: FileSystemSize): number {
  return space.sizeBytes === 0 ? 100 : (space.freeBytes / space.sizeBytes) * 100;
}

/** Low below the threshold; once low, until the margin above it is reached, so that free space hovering at it does not alert again and again. */
export function isLowOnSpace(space: FileSystemSize, thresholdPercent: number, wasLow: boolean): boolean {
  return freePercent(space) < thresholdPercent + (wasLow ? LOW_SPACE_CLEAR_MARGIN : 0);
}

/**
 * The file systems holding local repositories (ssh ones are out of reach): below BORGITORY_LOW_SPACE_PERCENT free,
 * repository.low_space fires once and low_space_since is kept until the margin above it is reached again.
 */
@Injectable()
export class LowSpaceMonitor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly states: RepositoryMonitorStates,
    private readonly space: FileSystemSpace,
    private readonly events: EventStream,
  ) {}

  async checkAll(now = new Date()): Promise<void> {
    for (const repository of await this.states.all()) {
      if (isRemoteLocation(repository.path)) continue;
      const space = await this.space.of(repository.path);
      if (!space) continue;
      const low = isLowOnSpace(space, this.config.lowSpacePercent, repository.lowSpaceSince !== null);
      if (low && repository.lowSpaceSince === null) {
        await this.states.save(repository.id, { lowSpaceSince: now });
        this.publish(repository, space);
      } else if (!low && repository.lowSpaceSince !== null) {
        await this.states.save(repository.id, { lowSpaceSince: null });
      }
    }
  }

  private publish(repository: { id: number; name: string; path: string }, space: FileSystemSize): void {
    const percent = Math.round(freePercent(space) * 10) / 10;
    this.events.publish(
      'repository.low_space',
      repositoryEvent(
        repository,
        `The file system holding repository "${repository.name}" (${repository.path}) has ${formatBytes(space.freeBytes)} free of ${formatBytes(space.sizeBytes)} (${percent} %), below ${this.config.lowSpacePercent} %`,
        {
          path: repository.path,
          free_bytes: space.freeBytes,
          size_bytes: space.sizeBytes,
          free_percent: percent,
          threshold_percent: this.config.lowSpacePercent,
        },
      ),
    );
  }
}
