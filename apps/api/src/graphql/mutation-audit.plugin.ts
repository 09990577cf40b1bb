import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { FieldNode, GraphQLError, Kind, valueFromASTUntyped } from 'graphql';
import { AuditLog } from '../auth/audit/audit-log';
import { DomainError } from '../platform/errors/domain-error';
import { HTTP_STATUS } from '../platform/http/error-status';
import { GraphQLContext } from './graphql-context';

/**
 * The audit trail of GraphQL: each mutation field is recorded once the answer is ready, as the REST middleware records
 * each change (auth/audit/audit-trail.ts) — who, from where, `GraphQL <mutation>`, the id it was done to, and the
 * HTTP status its error would have had in REST (200 when it succeeded). Writing never fails the request.
 */
export function mutationAuditPlugin(log: AuditLog): ApolloServerPlugin<GraphQLContext> {
  const logger = new Logger('Audit');
  return {
    async requestDidStart() {
      const at = new Date();
      return {
        async willSendResponse({ operation, contextValue, errors, request }) {
          if (operation?.operation !== 'mutation') return;
          const { principal } = contextValue.req;
          for (const selection of operation.selectionSet.selections) {
            if (selection.kind !== Kind.FIELD) continue;
            const key = selection.alias?.value ?? selection.name.value;
            const failure = (errors ?? []).find((error) => error.path === undefined || error.path[0] === key);
            const status = failure === undefined ? 200 : statusOf(failure);
            await log
              .record({
                occurredAt: at,
                userId: principal.user.id,
                username: principal.user.username,
                apiKeyId: principal.apiKeyId,
                address: (contextValue.req.ip ?? 'unknown').slice(0, 64),
                action: `GraphQL ${selection.name.value}`,
                target: JSON.stringify(targetOf(selection, request.variables ?? {})),
                status,
                outcome: status < 400 ? 'succeeded' : status === 401 || status === 403 || status === 429 ? 'refused' : 'failed',
              })
              .catch((error: unknown) => logger.error({ err: error }, 'Recording an audit entry failed'));
          }
        },
      };
    },
  };
}

function statusOf(error: GraphQLError): number {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return HTTP_STATUS[original.code];
  const http = error.extensions?.['http'] as { status?: number } | undefined;
  return http?.status ?? 500;
}

/** What the mutation was done to: its `id`, or the repository of its input (never the rest of the input). */
function targetOf(field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  const args = Object.fromEntries((field.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, variables)]));
  const input = args['input'] as { repositoryId?: unknown } | undefined;
  if (args['id'] !== undefined) return { id: args['id'] };
  return input?.repositoryId === undefined ? {} : { repository_id: input.repositoryId };
}
