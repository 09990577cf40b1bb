import { Injectable } from '@nestjs/common';

/** Bounds of archive operations. Not user settings: the defaults are the product; tests shrink them. */
@Injectable()
export class ArchiveSettings {
  /** How long a browse or download waits for a first index build before answering 202 with its progress. */
  indexWaitMs = 3000;
  maxConcurrentIndexBuilds = 2;
  /** How long DELETE of an archive waits for its job before answering 202 with the job. */
  deleteWaitMs = 60_000;
}
