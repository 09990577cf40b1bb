import { statfs } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';

export interface FileSystemSize {
  /** What an unprivileged process may still write (statfs f_bavail), as borg runs. */
  freeBytes: number;
  sizeBytes: number;
}

/** The size and free space of the file system holding a path. */
@Injectable()
export class FileSystemSpace {
  /** null when the path cannot be read (moved away, not mounted): nothing is then said about its space. */
  async of(path: string): Promise<FileSystemSize | null> {
    try {
      const stats = await statfs(path);
      return { freeBytes: stats.bavail * stats.bsize, sizeBytes: stats.blocks * stats.bsize };
    } catch {
      return null;
    }
  }
}
