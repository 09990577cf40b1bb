import { Link } from 'react-router-dom';
import type { ArchiveEntryType } from '../api/archives';
import { displayPath, parentPath } from '../format/archive-path';
import { formatDate, formatDateTime, formatTimeOfDay } from '../format/date-time';
import { browseHref } from '../paths/browse-location';
import { EntryIcon } from './entry-icon';
import './search-hit-cells.css';

/** What both searches (one repository's, all repositories') say of a hit. */
interface SearchHitPlace {
  path: string;
  type: ArchiveEntryType;
  archive_name: string;
  archive_start: string;
}

/** The folder a hit opens in an archive: itself for a folder, the folder that holds it otherwise. */
export function hitFolder(hit: Pick<SearchHitPlace, 'path' | 'type'>): string {
  return hit.type === 'directory' ? hit.path : parentPath(hit.path);
}

/** A hit's path, with its icon, linking to its folder in its archive. */
export function HitPathCell({ repositoryId, hit }: { repositoryId: number; hit: SearchHitPlace }) {
  return (
    <td className="search-hit__path">
      <EntryIcon type={hit.type} />
      <Link
        to={browseHref(repositoryId, hit.archive_name, { path: hitFolder(hit) })}
        title={hit.type === 'directory' ? 'Open this folder' : 'Open the folder that holds it'}
      >
        {displayPath(hit.path)}
      </Link>
    </td>
  );
}

/** The archive a hit is in, and when it was made; `label` names the column on a phone, where rows are cards. */
export function HitArchiveCell({ hit, label }: { hit: SearchHitPlace; label: string }) {
  const start = new Date(hit.archive_start);
  return (
    <td data-label={label}>
      <span className="nowrap">{hit.archive_name}</span>
      <time className="search-hit__archive" dateTime={hit.archive_start} title={formatDateTime(start)}>
        {formatDate(start)} {formatTimeOfDay(start)}
      </time>
    </td>
  );
}
