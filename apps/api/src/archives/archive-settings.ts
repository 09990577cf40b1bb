import { Injectable } from '@nestjs/common';

/** Bounds of archive operations. Not user settings: the defaults are the product; tests shrink them. */
@Injectable()
export class ArchiveSettings {
  /** How long a browse or download waits for a first index build before answering 202 with its progress. */
  indexWaitMs = 3000;
  maxConcurrentIndexBuilds = 2;
  /** Whether the archive of each backup is indexed in the background (NewArchiveIndexing); specs of browse-time indexing turn it off. */
  indexNewArchives = true;
  /** How long DELETE of an archive waits for its job before answering 202 with the job. */
  deleteWaitMs = 60_000;
}
