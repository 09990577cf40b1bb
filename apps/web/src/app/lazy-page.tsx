import { use, type ComponentType } from 'react';

/** A page whose code is fetched when it is first shown, or earlier through `preload`. */
export type LazyPage = ComponentType & {
  /** Starts fetching the page's code, for a page the user is likely to open next. */
  preload: () => void;
};

/** The page's code could not be fetched (offline, or a newer version of Borgitory replaced the files). */
export class PageLoadError extends Error {
  constructor(
    cause: unknown,
    /** Drops the failed fetch, so that the page's next render fetches its code again. */
    readonly forget: () => void,
  ) {
    super('The page could not be loaded.', { cause });
    this.name = 'PageLoadError';
  }
}

/**
 * A page in a chunk of its own: `load` imports the page's module and picks the page from it. The fetch is
 * shared by preloads and renders; a failed one is kept (a render that retried at once would loop while offline)
 * until the page's error has been shown or it was only a preload, and then forgotten, so a later visit tries again.
 * A page already fetched renders at once, without suspending.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const start = (): Promise<ComponentType> => {
    if (loading) return loading;
    const attempt: Promise<ComponentType> = load().then(
      (page) => (loaded = page),
      (cause: unknown) => {
        throw new PageLoadError(cause, () => {
          if (loading === attempt) loading = null;
        });
      },
    );
    return (loading = attempt);
  };
  function LazyPageLoader() {
    const Page = loaded ?? use(start());
    return <Page />;
  }
  return Object.assign(LazyPageLoader, {
    preload: () => {
      start().catch((error: unknown) => {
        if (error instanceof PageLoadError) error.forget();
      });
    },
  });
}
