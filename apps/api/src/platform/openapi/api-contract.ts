import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../config/app-config';
import { createApp } from '../create-app';
import { buildOpenApiDocument } from './openapi-document';

export const SPEC_FILE = 'libs/api-client/openapi.json';
export const SCHEMA_FILE = 'libs/api-client/src/generated/schema.ts';

const SCHEMA_HEADER = '// Generated from libs/api-client/openapi.json by `npm run openapi`. Do not edit.\n\n';

export interface ApiContract {
  spec: string;
  schema: string;
}

/** The OpenAPI document the code describes, and the client types generated from it, as the files hold them. */
export async function generateApiContract(): Promise<ApiContract> {
  const dataDir = mkdtempSync(join(tmpdir(), 'borgitory-openapi-'));
  const app = await createApp(loadConfig({ BORGITORY_DATA_DIR: dataDir, BORGITORY_WEB_DIR: 'none', LOG_LEVEL: 'silent' }));
  try {
    const document = buildOpenApiDocument(app);
    // Written before openapi-typescript reads the document: it adds its own notes to discriminated unions in place.
    const spec = JSON.stringify(document, null, 2) + '\n';
    // Defaults are the server's business: a field with a default stays optional in request bodies.
    const ast = await openapiTS(JSON.parse(spec) as Parameters<typeof openapiTS>[0], { defaultNonNullable: false });
    return { spec, schema: SCHEMA_HEADER + astToString(ast) };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
