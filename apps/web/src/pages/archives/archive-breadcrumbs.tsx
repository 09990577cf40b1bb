import { Link } from 'react-router-dom';
import type { BrowseParams } from '../../api/archive-keys';
import { displayPath, joinPath, pathComponents } from '../../format/archive-path';
import { browseHref } from '../../paths/browse-location';

interface ArchiveBreadcrumbsProps {
  repositoryId: number;
  archive: string;
  params: BrowseParams;
}

/** Where the browser is in the archive: the root, then each folder on the way, each one a link but the last. */
export function ArchiveBreadcrumbs({ repositoryId, archive, params }: ArchiveBreadcrumbsProps) {
  const components = pathComponents(params.path);
  const crumbs = [
    { label: 'Root', path: '/' },
    ...components.map((name, i) => ({ label: displayPath(name), path: joinPath(components.slice(0, i + 1)) })),
  ];
  return (
    <nav className="breadcrumbs" aria-label="Folder">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.path}>
            {index === crumbs.length - 1 ? (
              <span aria-current="page">{crumb.label}</span>
            ) : (
              <Link to={browseHref(repositoryId, archive, { path: crumb.path, sort: params.sort, order: params.order })}>
                {crumb.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
