import { opendir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../platform/errors/domain-error';
import { DirectoryEntryDto, DirectoryListingDto } from './dto/directory-listing.dto';

export const MAX_DIRECTORY_ENTRIES = 1000;

/** Lists a directory of the server for the "what to back up" picker; reads at most MAX_DIRECTORY_ENTRIES entries. */
@Injectable()
export class DirectoryBrowser {
  async list(input = '/'): Promise<DirectoryListingDto> {
    if (!isAbsolute(input)) throw DomainError.badRequest('path must be absolute', { path: ['Must start with /'] });
    const path = normalize(input).replace(/(.)\/+$/, '$1');
    try {
      if (!(await stat(path)).isDirectory()) throw DomainError.badRequest(`${path} is not a directory`);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw DomainError.notFound(`${path} does not exist`);
      throw DomainError.forbidden(`${path} cannot be read (${code})`);
    }

    const entries: DirectoryEntryDto[] = [];
    let truncated = false;
    const directory = await opendir(path);
    for await (const entry of directory) {
      if (entries.length === MAX_DIRECTORY_ENTRIES) {
        truncated = true;
        break;
      }
      const type = entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'symlink' : 'other';
      entries.push({ name: entry.name, path: join(path, entry.name), type });
    }
    entries.sort((a, b) => Number(b.type === 'directory') - Number(a.type === 'directory') || a.name.localeCompare(b.name));
    return { path, parent: path === '/' ? null : dirname(path), entries, truncated };
  }
}
