import type { ApolloServerPlugin } from '@apollo/server';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { MAX_QUERY_COMPLEXITY } from './query-complexity';
import { MAX_QUERY_DEPTH, queryDepth } from './query-depth';

/**
 * Checks an operation once it is parsed, validated and its variables known, before anything runs: nesting deeper
 * than MAX_QUERY_DEPTH is refused with QUERY_TOO_DEEP, costing more than MAX_QUERY_COMPLEXITY with
 * QUERY_TOO_COMPLEX (HTTP 400, the figure and the limit in `details`).
 */
export function queryLimitsPlugin(schema: () => GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation) return;
          const depth = queryDepth(document, operation);
          if (depth > MAX_QUERY_DEPTH) {
            throw refusal('QUERY_TOO_DEEP', `The query nests ${depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed`, {
              depth,
              max_depth: MAX_QUERY_DEPTH,
            });
          }
          const complexity = getComplexity({
            schema: schema(),
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > MAX_QUERY_COMPLEXITY) {
            throw refusal(
              'QUERY_TOO_COMPLEX',
              `The query is too complex: it costs ${complexity}, at most ${MAX_QUERY_COMPLEXITY} is allowed ` +
                '(each field costs 1, a list its `first` times one item); ask for fewer items or fields',
              { complexity, max_complexity: MAX_QUERY_COMPLEXITY },
            );
          }
        },
      };
    },
  };
}

function refusal(code: string, message: string, details: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, details, http: { status: 400 } } });
}
