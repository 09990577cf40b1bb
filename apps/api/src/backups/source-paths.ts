import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { isAbsolute, normalize } from 'node:path';
import { Injectable } from '@nestjs/common';

/** The file system as the server sees it: whether backup sources exist and can be read. */
@Injectable()
export class SourcePaths {
  /** A message for each path that cannot be backed up; empty when all can. */
  async problems(paths: string[]): Promise<string[]> {
    const problems: string[] = [];
    for (const path of paths) {
      if (!isAbsolute(path)) {
        problems.push(`${path} is not an absolute path`);
        continue;
      }
      try {
        const entry = await stat(path);
        await access(path, entry.isDirectory() ? constants.R_OK | constants.X_OK : constants.R_OK);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problems.push(code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read (${code})`);
      }
    }
    return problems;
  }

  normalise(paths: string[]): string[] {
    return [...new Set(paths.map((path) => normalize(path).replace(/(.)\/+$/, '$1')))];
  }
}
