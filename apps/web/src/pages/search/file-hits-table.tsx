import { Link } from 'react-router-dom';
import type { FileHit } from '../../api/search';
import { EntryIcon } from '../../components/entry-icon';
import { displayPath, parentPath } from '../../format/archive-path';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatDate, formatDateTime, formatShortDateTime, formatTimeOfDay } from '../../format/date-time';
import { browseHref } from '../../paths/browse-location';

/** The hits in one repository: a table on a wide screen, a card per hit on a narrow one. */
export function FileHitsTable({ hits, caption }: { hits: FileHit[]; caption: string }) {
  return (
    <div className="table-scroll file-search__results">
      <table className="data-table data-table--stacked">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">Newest archive</th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col">Modified</th>
            <th scope="col">Other versions</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => {
            const folder = hit.type === 'directory' ? hit.path : parentPath(hit.path);
            const start = new Date(hit.archive_start);
            return (
              <tr key={hit.path}>
                <td className="file-search__path">
                  <EntryIcon type={hit.type} />
                  <Link
                    to={browseHref(hit.repository.id, hit.archive_name, { path: folder })}
                    title={hit.type === 'directory' ? 'Open this folder' : 'Open the folder that holds it'}
                  >
                    {displayPath(hit.path)}
                  </Link>
                </td>
                <td data-label="Newest archive">
                  <span className="nowrap">{hit.archive_name}</span>
                  <time className="file-search__archive" dateTime={hit.archive_start} title={formatDateTime(start)}>
                    {formatDate(start)} {formatTimeOfDay(start)}
                  </time>
                </td>
                <td className="numeric" data-label="Size">
                  {formatBytes(hit.size)}
                </td>
                <td className="nowrap" data-label="Modified">
                  {hit.mtime ? formatShortDateTime(new Date(hit.mtime)) : '—'}
                </td>
                <td data-label="Other versions">
                  {hit.versions.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <ul className="file-search__versions">
                      {hit.versions.map((version) => (
                        <li key={version.archive_name}>
                          <Link to={browseHref(hit.repository.id, version.archive_name, { path: folder })}>{version.archive_name}</Link>{' '}
                          <span className="muted">{formatBytes(version.size)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
