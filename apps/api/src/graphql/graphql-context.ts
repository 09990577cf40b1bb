import type { Request } from 'express';
import { AuthenticatedRequest } from '../auth/authenticated-request';
import { RequestAuthenticator } from '../auth/request-authenticator';
import { DomainError } from '../platform/errors/domain-error';
import { graphQLErrorOf } from './graphql-errors';
import { RequestLoaderFactory, RequestLoaders } from './request-loaders';

export interface GraphQLContext {
  /** The request, with who acts in it: the guard (auth/session-auth.guard.ts) checks each root field's role from it. */
  req: AuthenticatedRequest;
  loaders: RequestLoaders;
}

/**
 * Every operation needs a session or an API key, as every REST route does; introspection too. Without one the
 * answer is HTTP 401 with an UNAUTHENTICATED error, before anything is parsed or run.
 */
export function graphQLContext(authenticator: RequestAuthenticator, loaders: RequestLoaderFactory) {
  return async ({ req }: { req: Request }): Promise<GraphQLContext> => {
    try {
      (req as AuthenticatedRequest).principal = await authenticator.principalOf(req);
    } catch (error) {
      throw error instanceof DomainError ? graphQLErrorOf(error) : error;
    }
    return { req: req as AuthenticatedRequest, loaders: loaders.create() };
  };
}
