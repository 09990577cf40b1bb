import { ApiRequestError } from '@borgitory/api-client';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { useRepository, type Repository } from '../../api/repositories';
import { RepositoryNotFound } from './repository-not-found';
import { useRepositoryId } from './use-repository-id';

/** Loads the repository of the address and renders its page, or says why it cannot. */
export function RepositoryLoader({ children }: { children: (repository: Repository) => ReactNode }) {
  const id = useRepositoryId();
  if (id === null) return <RepositoryNotFound />;
  // Keyed by id: another repository starts with fresh page state.
  return (
    <LoadRepository key={id} id={id}>
      {children}
    </LoadRepository>
  );
}

function LoadRepository({ id, children }: { id: number; children: (repository: Repository) => ReactNode }) {
  const repository = useRepository(id);
  if (repository.isPending) {
    return <p role="status">Loading the repository…</p>;
  }
  if (repository.isError) {
    if (repository.error instanceof ApiRequestError && repository.error.status === 404) return <RepositoryNotFound />;
    return (
      <>
        <p className="back-link">
          <Link to="/repositories">← Repositories</Link>
        </p>
        <p className="alert alert--error" role="alert">
          {errorMessage(repository.error)}
        </p>
      </>
    );
  }
  return children(repository.data);
}
