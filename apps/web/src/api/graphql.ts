import { useQuery } from '@tanstack/react-query';

/** Where the server answers GraphQL: the session cookie signs the explorer's requests in. */
export const GRAPHQL_PATH = '/api/v1/graphql';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; details?: Record<string, unknown> };
}

/** What the server answered: its HTTP status and its body as it came (data, errors or both). */
export interface GraphQLAnswer {
  status: number;
  body: { data?: unknown; errors?: GraphQLError[] };
}

/** Posts one operation as JSON (the server takes mutations only over POST, and only JSON bodies). */
export async function postGraphQL(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLAnswer['body'] };
}

/** A type as introspection names it: `[Job!]!` is NON_NULL of LIST of NON_NULL of Job. */
export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

export interface SchemaField {
  name: string;
  description: string | null;
  args: { name: string; type: TypeRef }[];
  type: TypeRef;
}

export interface SchemaType {
  kind: string;
  name: string;
  description: string | null;
  fields: SchemaField[] | null;
  inputFields: { name: string; description: string | null; type: TypeRef }[] | null;
  enumValues: { name: string }[] | null;
}

export interface SchemaSummary {
  queryType: string;
  mutationType: string | null;
  types: SchemaType[];
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const INTROSPECTION = `{ __schema {
  queryType { name } mutationType { name }
  types { kind name description
    fields { name description args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } }
    inputFields { name description type { ${TYPE_REF} } }
    enumValues { name }
  }
} }`;

/** The server's schema, read by introspection (which needs a session, like everything else). */
export function useGraphQLSchema() {
  return useQuery({
    queryKey: ['graphql', 'schema'],
    staleTime: Infinity,
    queryFn: async (): Promise<SchemaSummary> => {
      const answer = await postGraphQL(INTROSPECTION);
      const schema = (answer.body.data as { __schema?: RawSchema } | undefined)?.__schema;
      if (!schema) throw new Error(answer.body.errors?.[0]?.message ?? `The server answered ${answer.status}`);
      return {
        queryType: schema.queryType.name,
        mutationType: schema.mutationType?.name ?? null,
        types: schema.types.filter((type) => !type.name.startsWith('__')).sort((a, b) => a.name.localeCompare(b.name)),
      };
    },
  });
}

interface RawSchema {
  queryType: { name: string };
  mutationType: { name: string } | null;
  types: SchemaType[];
}

/** `[Job!]!` from its introspection form. */
export function typeName(type: TypeRef): string {
  if (type.kind === 'NON_NULL' && type.ofType) return `${typeName(type.ofType)}!`;
  if (type.kind === 'LIST' && type.ofType) return `[${typeName(type.ofType)}]`;
  return type.name ?? '?';
}

/** The named type under its wrappers (`Job` for `[Job!]!`). */
export function namedType(type: TypeRef): string {
  return type.ofType ? namedType(type.ofType) : (type.name ?? '?');
}
