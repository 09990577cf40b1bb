import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ArchiveCatalog } from '../archives/archive-catalog';
import { toEntryDto } from '../archives/archive-dto.mapper';
import { ArchiveIndexReader, IndexRow } from '../archives/index/archive-index-reader';
import { ArchiveIndexes } from '../archives/index/archive-indexes';
import { DomainError } from '../platform/errors/domain-error';
import { RepositoryEntity } from '../repositories/repository.entity';
import { FileHitDto, FileSearchQueryDto, FileSearchResultDto, RepositorySearchedDto, SEARCH_TEXT_LENGTH } from './dto/file-search.dto';

/** The newest indexed archives of each repository that a search reads; older ones are counted as not_searched. */
export const ARCHIVES_SEARCHED_PER_REPOSITORY = 20;
/** Matches read of one archive; beyond it the answer says truncated. */
export const MATCHES_PER_ARCHIVE = 1000;

/**
 * A name across every repository, from the archives' browse indexes only (never borg): in each repository the
 * newest indexed archives (ARCHIVES_SEARCHED_PER_REPOSITORY) are searched with the per-archive search, and a path
 * found in several of them is one hit at its newest archive, with the others as its versions.
 */
@Injectable()
export class FileSearch {
  constructor(
    @InjectRepository(RepositoryEntity) private readonly repositories: Repository<RepositoryEntity>,
    private readonly catalog: ArchiveCatalog,
    private readonly indexes: ArchiveIndexes,
  ) {}

  async search(query: FileSearchQueryDto): Promise<FileSearchResultDto> {
    const text = searchText(query.q);
    const repositories = (await this.repositories.find({ select: ['id', 'name'], order: { id: 'ASC' } })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const hits: FileHitDto[] = [];
    const searched: RepositorySearchedDto[] = [];
    let truncated = false;
    for (const repository of repositories) {
      const { archives, notIndexed, notSearched } = await this.catalog.newestIndexed(repository.id, ARCHIVES_SEARCHED_PER_REPOSITORY);
      const byPath = new Map<string, FileHitDto>();
      let unreadable = 0;
      for (const archive of archives) {
        const state = this.indexes.state(archive);
        if (state.state !== 'ready') {
          unreadable++;
          continue;
        }
        const rows = state.reader.search(text, MATCHES_PER_ARCHIVE + 1);
        if (rows.length > MATCHES_PER_ARCHIVE) {
          truncated = true;
          rows.length = MATCHES_PER_ARCHIVE;
        }
        const archiveStart = archive.startedAt.toISOString();
        const directories = new Map<number, Buffer[]>();
        for (const row of rows) {
          const entry = toEntryDto(row, componentsOf(row, state.reader, directories));
          const hit = byPath.get(entry.path);
          if (hit) hit.versions.push({ archive_name: archive.name, archive_start: archiveStart, size: entry.size, mtime: entry.mtime });
          else
            byPath.set(entry.path, {
              ...entry,
              repository: { id: repository.id, name: repository.name },
              archive_name: archive.name,
              archive_start: archiveStart,
              versions: [],
            });
        }
      }
      hits.push(...[...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
      searched.push({
        id: repository.id,
        name: repository.name,
        searched_archives: archives.length - unreadable,
        not_indexed: notIndexed + unreadable,
        not_searched: notSearched,
      });
    }
    const { limit, offset } = query;
    return { hits: hits.slice(offset, offset + limit), total: hits.length, limit, offset, truncated, repositories: searched };
  }
}

/**
 * The path components of a row, its directory's read once per archive (`directories`, by directory id): a common
 * name matches many entries of a few directories, and each step up is one query.
 */
function componentsOf(row: IndexRow, reader: ArchiveIndexReader, directories: Map<number, Buffer[]>): Buffer[] {
  const directory = directories.get(row.parent);
  if (directory) return [...directory, row.name];
  const components = reader.componentsOf(row);
  directories.set(row.parent, components.slice(0, -1));
  return components;
}

function searchText(q: string | undefined): string {
  const text = q?.trim() ?? '';
  if (text.length < SEARCH_TEXT_LENGTH.min || text.length > SEARCH_TEXT_LENGTH.max) {
    const problem =
      text.length < SEARCH_TEXT_LENGTH.min
        ? `Type at least ${SEARCH_TEXT_LENGTH.min} characters of the name to search for.`
        : `Search for at most ${SEARCH_TEXT_LENGTH.max} characters.`;
    throw DomainError.validation(problem, { q: [problem] });
  }
  return text;
}
