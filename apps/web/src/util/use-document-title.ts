import { useEffect } from 'react';

/** The product name, the whole title of a page that names nothing more. */
export const APP_TITLE = 'Borgitory';

/** The tab's title for a page titled `title`: "Jobs · Borgitory"; a title that names the product already stays as it is. */
export function documentTitle(title: string): string {
  if (!title) return APP_TITLE;
  return title.includes(APP_TITLE) ? title : `${title} · ${APP_TITLE}`;
}

/** Titles the browser tab after the page on display, so tabs and history tell pages apart. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = documentTitle(title);
  }, [title]);
}
