import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../config/app-config';
import { createApp } from '../create-app';
import { buildOpenApiDocument } from './openapi-document';

export const SPEC_FILE = 'libs/api-client/openapi.json';
export const SCHEMA_FILE = 'libs/api-client/src/generated/schema.ts';
export const GRAPHQL_SCHEMA_FILE = 'libs/api-client/schema.graphql';

const SCHEMA_HEADER = '// Generated from libs/api-client/openapi.json by `npm run openapi`. Do not edit.\n\n';
const GRAPHQL_SCHEMA_HEADER = '# Generated from the GraphQL types in apps/api/src/graphql by `npm run openapi`. Do not edit.\n\n';

export interface ApiContract {
  spec: string;
  schema: string;
  graphqlSchema: string;
}

/** The OpenAPI document the code describes, the client types generated from it, and the GraphQL schema, as the files hold them. */
export async function generateApiContract(): Promise<ApiContract> {
  const dataDir = mkdtempSync(join(tmpdir(), 'borgitory-openapi-'));
  const app = await createApp(loadConfig({ BORGITORY_DATA_DIR: dataDir, BORGITORY_WEB_DIR: 'none', LOG_LEVEL: 'silent' }));
  try {
    const document = buildOpenApiDocument(app);
    // Written before openapi-typescript reads the document: it adds its own notes to discriminated unions in place.
    const spec = JSON.stringify(document, null, 2) + '\n';
    // Defaults are the server's business: a field with a default stays optional in request bodies.
    const ast = await openapiTS(JSON.parse(spec) as Parameters<typeof openapiTS>[0], { defaultNonNullable: false });
    const graphqlSchema = GRAPHQL_SCHEMA_HEADER + printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
    return { spec, schema: SCHEMA_HEADER + astToString(ast), graphqlSchema };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
