import { ApiRequestError } from '@borgitory/api-client';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { usePolicyId } from './use-policy-id';

interface PolicyLoaderProps<T> {
  /** "pruning policy", "check policy": for the messages. */
  kind: string;
  /** The list of such policies, to go back to. */
  listPath: string;
  /** The query hook of that kind of policy, by id. */
  usePolicy: (id: number) => UseQueryResult<T>;
  children: (policy: T) => ReactNode;
}

/** Loads the policy of the address and renders its page, or says why it cannot. */
export function PolicyLoader<T>({ kind, listPath, usePolicy, children }: PolicyLoaderProps<T>) {
  const id = usePolicyId();
  if (id === null) return <PolicyNotFound kind={kind} listPath={listPath} />;
  // Keyed by id: another policy starts with fresh page state.
  return (
    <LoadPolicy key={id} id={id} kind={kind} listPath={listPath} usePolicy={usePolicy}>
      {children}
    </LoadPolicy>
  );
}

function LoadPolicy<T>({ id, kind, listPath, usePolicy, children }: PolicyLoaderProps<T> & { id: number }) {
  const policy = usePolicy(id);
  if (policy.isPending) return <p role="status">Loading the {kind}…</p>;
  if (policy.isError) {
    if (policy.error instanceof ApiRequestError && policy.error.status === 404) {
      return <PolicyNotFound kind={kind} listPath={listPath} />;
    }
    return (
      <p className="alert alert--error" role="alert">
        {errorMessage(policy.error)}
      </p>
    );
  }
  return children(policy.data);
}

function PolicyNotFound({ kind, listPath }: { kind: string; listPath: string }) {
  return (
    <>
      <h1>Policy not found</h1>
      <p className="page-intro">
        There is no such {kind}; it may have been deleted. Go back to the <Link to={listPath}>list of {kind}s</Link>.
      </p>
    </>
  );
}
