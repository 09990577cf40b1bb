import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type { Agent, Response } from 'supertest';
import { Components, refusedBodyOf, resolve, Schema, valueOf } from './support/openapi-arbitraries';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

type Method = 'get' | 'put' | 'post' | 'delete';
interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const SEED = Number(process.env.CONTRACT_SEED ?? 20261205);
/** Generated requests per operation, valid and refused each. */
const RUNS = Number(process.env.CONTRACT_RUNS ?? 6);

/** What a generated request gets wrong on purpose: nothing, its path id, its query (a parameter the operation does not have) or its body. */
const REFUSALS = ['nothing', 'parameter', 'query', 'body'] as const;
type Refusal = (typeof REFUSALS)[number];

/** Operations not generated, each with the reason. */
const LEFT_OUT: Record<string, string> = {
  'POST /api/v1/auth/logout': 'ends the session the test runs in',
  'DELETE /api/v1/auth/sessions': 'ends the other sessions, harmless, but asks nothing of the document a GET does not',
  'DELETE /api/v1/auth/sessions/{id}': 'could end the session the test runs in',
  'DELETE /api/v1/repositories/{id}': 'would remove the repository the other operations use',
  'GET /api/v1/jobs/stream': 'an event stream never ends',
  'GET /api/v1/jobs/{id}/stream': 'an event stream never ends while its job runs',
  'POST /api/v1/auth/two-factor': 'would make the admin enrol in two-factor sign-in',
  'PUT /api/v1/auth/password': 'a valid body would change the password the test signs in with',
};

const spec = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'libs/api-client/openapi.json'), 'utf8')) as {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: { schemas: Components };
};
const components = spec.components.schemas;

/** OpenAPI's own keywords, which ajv need not see. */
const NOT_JSON_SCHEMA = new Set(['nullable', 'example', 'discriminator']);

/** OpenAPI 3.0's `nullable` in JSON Schema's words, references pointing into one added document. */
function jsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable } = schema as { nullable?: boolean };
  const converted = Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !NOT_JSON_SCHEMA.has(key))
      .map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string'
          ? value.replace('#/', 'openapi#/')
          : key === 'properties'
            ? Object.fromEntries(Object.entries(value as object).map(([name, property]) => [name, jsonSchema(property)]))
            : jsonSchema(value),
      ]),
  );
  return nullable ? { anyOf: [converted, { type: 'null' }] } : converted;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('binary', true);
ajv.addSchema({ $id: 'openapi', components: { schemas: jsonSchema(components) } });
const validators = new Map<Schema, ValidateFunction>();
function validatorOf(schema: Schema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = ajv.compile(jsonSchema(schema) as object)));
  return validate;
}

const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  (['get', 'put', 'post', 'delete'] as const).flatMap((method) => {
    const operation = item[method];
    const name = `${method.toUpperCase()} ${path}`;
    return operation && !(name in LEFT_OUT) ? [{ name, method, path, operation }] : [];
  }),
);

describe('the committed OpenAPI document, property-based', () => {
  let testApp: TestApp;
  let admin: Agent;
  /** Ids and names that exist, so that generated requests also reach past the lookups. */
  const known: Record<string, Array<string | number>> = { id: [], archive: ['missing'], other: ['missing'] };
  const problems: string[] = [];

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
    const source = join(testApp.work, 'source');
    mkdirSync(source);
    writeFileSync(join(source, 'notes.txt'), 'contract\n');
    const repository = await admin
      .post('/api/repositories')
      .send({ name: 'Contract', path: join(testApp.work, 'repo'), encryption: 'none' })
      .expect(201);
    const schedule = await admin
      .post('/api/schedules')
      .send({ name: 'Contract', repository_id: repository.body.data.id, cron_expression: '0 2 * * *', source_path: source })
      .expect(201);
    known.id.push(repository.body.data.id, schedule.body.data.id, 1, 2);
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** What the answer may be: a status the operation lists, one of its media types, a body its schema accepts. */
  function check(name: string, operation: Operation, response: Response): void {
    const status = String(response.status);
    const documented = operation.responses[status];
    if (response.status >= 500) problems.push(`${name} answered ${status}: ${JSON.stringify(response.body)}`);
    if (!documented) {
      problems.push(`${name} answered ${status}, not in ${Object.keys(operation.responses).join(', ')}: ${JSON.stringify(response.body)}`);
      return;
    }
    const contentType = String(response.headers['content-type'] ?? '').split(';')[0];
    const media = documented.content ?? {};
    if (Object.keys(media).length === 0) {
      if (response.status !== 204 && contentType) problems.push(`${name} ${status}: ${contentType}, the document says no content`);
      return;
    }
    const mediaType = contentType in media ? contentType : '*/*' in media ? '*/*' : null;
    if (!mediaType) {
      problems.push(`${name} ${status}: ${contentType}, the document says ${Object.keys(media).join(', ')}`);
      return;
    }
    const schema = media[mediaType].schema;
    if (mediaType === 'application/json' && schema) {
      const validate = validatorOf(schema);
      if (!validate(response.body)) {
        problems.push(`${name} ${status}: body ${JSON.stringify(response.body).slice(0, 300)} — ${ajv.errorsText(validate.errors)}`);
      }
    }
  }

  function send(method: Method, path: string, query: Record<string, unknown>, body: unknown): Promise<Response> {
    const request = admin[method](path).query(query as Record<string, string>);
    return body === undefined ? request : request.set('Content-Type', 'application/json').send(JSON.stringify(body));
  }

  function requestOf(operation: Operation, refuse: Refusal) {
    const parameters = operation.parameters ?? [];
    const pathValues = Object.fromEntries(
      parameters
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => {
          const valid =
            resolve(parameter.schema, components).type === 'integer'
              ? fc.constantFrom(...known.id)
              : fc.constantFrom(...(known[parameter.name] ?? ['x']));
          return [parameter.name, refuse === 'parameter' ? fc.constantFrom('0', '-1', 'x', '1.5') : valid];
        }),
    );
    const queryValues: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(
      parameters
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => [parameter.name, valueOf(parameter.schema, components)]),
    );
    if (refuse === 'query') queryValues['not_a_parameter'] = fc.constant('1');
    const required = [
      ...parameters.filter((parameter) => parameter.in === 'query' && parameter.required).map((parameter) => parameter.name),
      ...(refuse === 'query' ? ['not_a_parameter'] : []),
    ];
    const bodySchema = operation.requestBody?.content['application/json'].schema;
    const body = bodySchema
      ? refuse === 'body'
        ? refusedBodyOf(bodySchema, components)
        : valueOf(bodySchema, components)
      : fc.constant(undefined);
    return fc.record({
      path: fc.record(pathValues),
      query: fc.record(queryValues, { requiredKeys: required }),
      body,
    });
  }

  it.each(operations.map((entry) => [entry.name, entry] as const))('%s', async (name, { method, path, operation }) => {
    for (const refuse of REFUSALS) {
      if (refuse === 'parameter' && !(operation.parameters ?? []).some((parameter) => parameter.in === 'path')) continue;
      if (refuse === 'query' && !(operation.parameters ?? []).some((parameter) => parameter.in === 'query')) continue;
      if (refuse === 'body' && !operation.requestBody) continue;
      await fc.assert(
        fc.asyncProperty(requestOf(operation, refuse), async (request) => {
          const address = path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(String(request.path[key])));
          const query = Object.fromEntries(
            Object.entries(request.query).map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : String(value)]),
          );
          const response = await send(method, address, query, request.body);
          const before = problems.length;
          check(name, operation, response);
          if (refuse !== 'nothing' && response.status < 400)
            problems.push(`${name}: a refused ${refuse} was accepted (${response.status})`);
          if (problems.length > before)
            throw new Error(
              `${problems.slice(before).join('\n')}\nrequest: ${method} ${address} ${JSON.stringify(query)} ${JSON.stringify(request.body)}`,
            );
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }
  });
});
