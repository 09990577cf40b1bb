import { Injectable } from '@nestjs/common';
import { ArchiveCatalog } from '../archives/archive-catalog';
import { ArchiveStatisticsBackfill } from '../archives/statistics/archive-statistics-backfill';
import { RepositoryPreconditions } from '../repositories/repository-preconditions';
import { RepositoryHistoryDto } from './dto/history.dto';
import { HistoryQueryDto } from './dto/history-queries.dto';

/** A repository's archives over time, for charts: from the stored archive list, never from borg. */
@Injectable()
export class RepositoryHistory {
  constructor(
    private readonly preconditions: RepositoryPreconditions,
    private readonly catalog: ArchiveCatalog,
    private readonly backfill: ArchiveStatisticsBackfill,
  ) {}

  async of(repositoryId: number, query: HistoryQueryDto): Promise<RepositoryHistoryDto> {
    await this.preconditions.assertExists(repositoryId);
    const [{ rows, matched }, archiveCount, backfill] = await Promise.all([
      this.catalog.history(repositoryId, query.since ?? null, query.limit),
      this.catalog.count(repositoryId),
      this.backfill.progress(repositoryId),
    ]);
    return {
      archive_count: archiveCount,
      backfill,
      points: rows.map((archive) => ({
        time: archive.startedAt.toISOString(),
        name: archive.name,
        original_size: archive.originalSize,
        compressed_size: archive.compressedSize,
        deduplicated_size: archive.addedSize,
        file_count: archive.fileCount,
        duration_seconds: archive.durationSeconds,
      })),
      truncated: matched > rows.length,
    };
  }
}
