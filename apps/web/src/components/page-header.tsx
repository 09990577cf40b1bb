import type { ReactNode } from 'react';
import { useDocumentTitle } from '../util/use-document-title';

interface PageHeaderProps {
  title: string;
  intro: ReactNode;
  /** Beside the title: the page's main action (a button or a toolbar). */
  children?: ReactNode;
  /** The header's own class, beside `page-header`. */
  className?: string;
  /** The tab's title when it says more than `title` ("Archives of home"). */
  documentTitle?: string;
}

/** A page's title and introduction, with its main action beside them. */
export function PageHeader({ title, intro, children, className, documentTitle }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <div className={className ? `page-header ${className}` : 'page-header'}>
      <div>
        <h1>{title}</h1>
        <p className="page-intro">{intro}</p>
      </div>
      {children}
    </div>
  );
}
