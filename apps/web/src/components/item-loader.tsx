import { ApiRequestError } from '@borgitory/api-client';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/errors';
import { useIdParam } from '../util/use-id-param';
import { useDocumentTitle } from '../util/use-document-title';

interface ItemLoaderProps<T> {
  /** "pruning policy", "cloud sync configuration": for the messages. */
  kind: string;
  /** The list of such items, to go back to. */
  listPath: string;
  /** The query hook of that kind of item, by id. */
  useItem: (id: number) => UseQueryResult<T>;
  children: (item: T) => ReactNode;
}

/** Loads the item of the address (`:id`) and renders its page, or says why it cannot. */
export function ItemLoader<T>({ kind, listPath, useItem, children }: ItemLoaderProps<T>) {
  const id = useIdParam();
  if (id === null) return <ItemNotFound kind={kind} listPath={listPath} />;
  // Keyed by id: another item starts with fresh page state.
  return (
    <LoadItem key={id} id={id} kind={kind} listPath={listPath} useItem={useItem}>
      {children}
    </LoadItem>
  );
}

function LoadItem<T>({ id, kind, listPath, useItem, children }: ItemLoaderProps<T> & { id: number }) {
  const item = useItem(id);
  if (item.isPending) return <p role="status">Loading the {kind}…</p>;
  if (item.isError) {
    if (item.error instanceof ApiRequestError && item.error.status === 404) {
      return <ItemNotFound kind={kind} listPath={listPath} />;
    }
    return (
      <p className="alert alert--error" role="alert">
        {errorMessage(item.error)}
      </p>
    );
  }
  return children(item.data);
}

function ItemNotFound({ kind, listPath }: { kind: string; listPath: string }) {
  useDocumentTitle(`${kind.charAt(0).toUpperCase() + kind.slice(1)} not found`);
  return (
    <>
      <h1>{kind.charAt(0).toUpperCase() + kind.slice(1)} not found</h1>
      <p className="page-intro">
        There is no such {kind}; it may have been deleted. Go back to the <Link to={listPath}>list of {kind}s</Link>.
      </p>
    </>
  );
}
