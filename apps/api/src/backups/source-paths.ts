import { normalize } from 'node:path';
import { Injectable } from '@nestjs/common';
import { ServerFiles } from '../platform/files/server-files';

/** Backup sources as the server sees them: whether they exist and can be read. */
@Injectable()
export class SourcePaths {
  constructor(private readonly files: ServerFiles) {}

  /** A message for each path that cannot be backed up; empty when all can. */
  async problems(paths: string[]): Promise<string[]> {
    const problems = await Promise.all(paths.map((path) => this.files.readProblem(path)));
    return problems.filter((problem): problem is string => problem !== null);
  }

  normalise(paths: string[]): string[] {
    return [...new Set(paths.map((path) => normalize(path).replace(/(.)\/+$/, '$1')))];
  }
}
