import { Link } from 'react-router-dom';
import type { FileHit } from '../../api/search';
import { hitFolder, HitArchiveCell, HitPathCell } from '../../components/search-hit-cells';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatShortDateTime } from '../../format/date-time';
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
            const folder = hitFolder(hit);
            return (
              <tr key={hit.path}>
                <HitPathCell repositoryId={hit.repository.id} hit={hit} />
                <HitArchiveCell hit={hit} label="Newest archive" />
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
