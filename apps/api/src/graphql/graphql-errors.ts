import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { HTTP_STATUS } from '../platform/http/error-status';

/** GraphQL's usual name for "no credentials": REST's UNAUTHORIZED. Every other code is the REST one. */
export const UNAUTHENTICATED = 'UNAUTHENTICATED';

/** A domain error as GraphQL reports it: the REST code (and details) in `extensions`, its HTTP status for Apollo. */
export function graphQLErrorOf(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { ...extensionsOf(error), http: { status: HTTP_STATUS[error.code] } },
  });
}

function extensionsOf(error: DomainError): Record<string, unknown> {
  const code = error.code === ErrorCode.UNAUTHORIZED ? UNAUTHENTICATED : error.code;
  return error.details === undefined ? { code } : { code, details: error.details };
}

/**
 * Apollo's formatError: a domain error keeps its code and message, GraphQL's own errors (syntax, validation, limits)
 * keep theirs; anything else is a bug, logged with an error id and reported only as INTERNAL_ERROR with that id.
 * Never a stack trace (includeStacktraceInErrorResponses is off too).
 */
export function formatGraphQLError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const where = { locations: formatted.locations, path: formatted.path };
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) return { message: original.message, ...where, extensions: extensionsOf(original) };
    if (original instanceof GraphQLError) {
      const { code, details } = formatted.extensions ?? {};
      return { message: formatted.message, ...where, extensions: details === undefined ? { code } : { code, details } };
    }
    const errorId = randomUUID();
    logger.error({ err: original, error_id: errorId }, `Unhandled GraphQL error ${errorId}`);
    return {
      message: `Internal server error (error id ${errorId})`,
      ...where,
      extensions: { code: ErrorCode.INTERNAL_ERROR, details: { error_id: errorId } },
    };
  };
}
