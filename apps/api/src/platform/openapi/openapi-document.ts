import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SCHEME } from '../../auth/api-keys/api-key-token';
import { API_KEY_SCOPES, SCOPE_ROLE } from '../../auth/api-keys/api-key-scopes';
import { METRICS_TOKEN_SCHEME } from '../../auth/metrics-token';
import { REQUIRED_ROLE_EXTENSION } from '../../auth/roles/requires.decorator';
import { grants, isRole } from '../../auth/roles/roles';
import { SESSION_COOKIE } from '../../auth/session.middleware';
import { MAX_PAGE_OFFSET, MAX_PAGE_SIZE } from '../http/page-query.dto';
import { PUBLIC_OPERATION_EXTENSION } from '../http/public.decorator';
import { MAX_ID } from '../http/id.pipe';
import { API_PREFIX, API_VERSION_HEADER, API_VERSION_NUMBER } from '../versioning/api-version';
import { DEPRECATION_EXTENSION, type Deprecation } from '../versioning/deprecated.decorator';
import { ErrorEnvelopeDto } from './envelope-schemas';
import { declareRequestRules } from './request-rules';
import { SchemaUnion } from './schema-union';

export const API_VERSION = '0.1.0';
const PARTIAL_UPDATE_RULE =
  'PUT on a resource changes only the fields its body gives: a field left out keeps its value, null clears a field ' +
  'the schema marks nullable (and is refused with 422 naming any other field), and a field given is replaced whole ' +
  '(an object or a list is the new value). The result must be what POST would accept: rules between fields are ' +
  'checked on it.';
const LIST_FILTER_RULE =
  'Lists that filter take sets as comma-separated values (`?status=failed,warning&repository_id=1,2`; the parameter ' +
  'repeated works too), times in ISO 8601 (`created_after` inclusive, `created_before` exclusive), `?q=` as a ' +
  'case-insensitive part of the name, and `?sort=` as fields separated by commas, each with a leading `-` for ' +
  'descending (`?sort=-created_at,name`); each list names its fields. A filter or sort field a list does not know, ' +
  'or a value it refuses, is 422 naming the field.';
/** The scopes of API keys an operation takes. */
const API_KEY_SCOPES_EXTENSION = 'x-api-key-scopes';

/** Stable, readable operation ids: `AuthController.login` → `authLogin`. */
function operationId(controllerKey: string, methodKey: string): string {
  const resource = controllerKey.replace(/Controller$/, '');
  return resource.charAt(0).toLowerCase() + resource.slice(1) + methodKey.charAt(0).toUpperCase() + methodKey.slice(1);
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Borgitory API')
    .setDescription(
      'Manage BorgBackup repositories, backups, archives, schedules, jobs and cloud sync. ' +
        'Authenticate with the session cookie set by POST /api/v1/auth/login, or with an API key (POST /api/v1/api-keys) sent as ' +
        '`Authorization: Bearer <key>`. ' +
        'Every response uses the envelope {status, data, message} or {status: "error", error: {code, message, details}}. ' +
        `Lists take \`?limit=\` (1 to ${MAX_PAGE_SIZE}) and \`?offset=\` (0 to ${MAX_PAGE_OFFSET}); a number in the query or the path ` +
        'must be written in digits: an empty value, a fraction or an exponent is refused with 400 like any other malformed parameter. ' +
        `${LIST_FILTER_RULE} ` +
        PARTIAL_UPDATE_RULE +
        `\n\nThis is version ${API_VERSION_NUMBER} of the API, at \`/${API_PREFIX}\`; \`/api/...\` without a version is an alias of ` +
        `the current version. Every answer carries \`${API_VERSION_HEADER}: ${API_VERSION_NUMBER}\`. A deprecated operation ` +
        'keeps working until the day its `Sunset` header gives, and its answers carry `Deprecation` and a `Link` to its successor.',
    )
    .setVersion(API_VERSION)
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'BORGITORY_METRICS_TOKEN, for GET /metrics only' }, METRICS_TOKEN_SCHEME)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'An API key from POST /api/v1/api-keys: it acts as its owner, with the lesser of its scope and the owner’s role',
      },
      API_KEY_SCHEME,
    )
    .addSecurityRequirements('session')
    .addSecurityRequirements(API_KEY_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationId, extraModels: SchemaUnion.allMembers() });
  SchemaUnion.addTo(document);
  markPublicOperations(document);
  describeRequiredRoles(document);
  describePartialUpdates(document);
  describePathIds(document);
  declareRequestRules(document, app);
  describeListFilters(document);
  addCommonErrors(document);
  describeDeprecations(document);
  describeVersionHeader(document);
  return document;
}

/** Public operations need no session: say so with an empty security requirement. */
function markPublicOperations(document: OpenAPIObject): void {
  for (const operation of operations(document)) {
    if (Reflect.get(operation, PUBLIC_OPERATION_EXTENSION)) {
      Reflect.deleteProperty(operation, PUBLIC_OPERATION_EXTENSION);
      operation.security = [];
    }
  }
}

/**
 * Each protected operation says which role it needs (also as `x-required-role`) and which scopes of API keys it takes
 * (also as `x-api-key-scopes`); above viewer it can answer 403.
 */
function describeRequiredRoles(document: OpenAPIObject): void {
  for (const operation of operations(document)) {
    const role: unknown = Reflect.get(operation, REQUIRED_ROLE_EXTENSION);
    if (!isRole(role)) continue;
    const scopes = API_KEY_SCOPES.filter((scope) => grants(SCOPE_ROLE[scope], role));
    Reflect.set(operation, API_KEY_SCOPES_EXTENSION, scopes);
    const needs =
      role === 'viewer'
        ? 'Needs the `viewer` role: any signed-in user or API key.'
        : `Needs the \`${role}\` role or above; an API key of scope ${scopes.map((scope) => `\`${scope}\``).join(' or ')}, ` +
          'which acts no higher than its owner’s role.';
    operation.description = operation.description ? `${operation.description}\n\n${needs}` : needs;
    if (role !== 'viewer') {
      operation.responses['403'] ??= errorResponse(`The user's role, or the API key's, is below ${role}`);
    }
  }
}

/** PUT on a resource (`/api/v1/schedules/{id}`) changes the fields its body gives: said on each such operation. */
function describePartialUpdates(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    const operation = item.put;
    if (!operation || !path.endsWith('}')) continue;
    operation.description = operation.description ? `${PARTIAL_UPDATE_RULE}\n\n${operation.description}` : PARTIAL_UPDATE_RULE;
  }
}

/** Every number in a path is an id, which IdPipe reads: a whole number from 1. */
function describePathIds(document: OpenAPIObject): void {
  for (const operation of operations(document)) {
    for (const parameter of operation.parameters ?? []) {
      if ('$ref' in parameter || parameter.in !== 'path' || !parameter.schema || '$ref' in parameter.schema) continue;
      if (parameter.schema.type === 'number') parameter.schema = { type: 'integer', minimum: 1, maximum: MAX_ID };
    }
  }
}

/**
 * The lists that filter (ListQueryDto; their operations are the ones with `sort`): each set is written
 * comma-separated (`style: form`, `explode: false`), and a filter or sort they refuse is 422.
 */
function describeListFilters(document: OpenAPIObject): void {
  for (const operation of operations(document)) {
    const query = (operation.parameters ?? []).flatMap((parameter) => ('$ref' in parameter || parameter.in !== 'query' ? [] : [parameter]));
    if (!query.some((parameter) => parameter.name === 'sort')) continue;
    for (const parameter of query) {
      if (!parameter.schema || '$ref' in parameter.schema || parameter.schema.type !== 'array') continue;
      parameter.style = 'form';
      parameter.explode = false;
    }
    operation.responses['422'] ??= errorResponse(
      'A filter or sort field the list does not know, or a value it refuses; details name the field',
    );
  }
}

/**
 * Every protected operation can answer 401, and any operation 500; one with parameters or a body 400 (a malformed
 * parameter, malformed JSON, a body that is not an object), and one with a body 422 (a field the rules refuse).
 */
function addCommonErrors(document: OpenAPIObject): void {
  for (const operation of operations(document)) {
    if (operation.requestBody || (operation.parameters ?? []).length > 0) {
      operation.responses['400'] ??= errorResponse('Malformed request (bad JSON, query or path parameters)');
    }
    if (operation.requestBody) operation.responses['422'] ??= errorResponse('Validation failed; details name each field');
    if (!operation.security) operation.responses['401'] ??= errorResponse('Authentication required');
    operation.responses['500'] ??= errorResponse('Internal error; the message carries an error id found in the log');
  }
}

/** A deprecated operation says so, in words, with its successor, and documents the headers its answers carry. */
function describeDeprecations(document: OpenAPIObject): void {
  for (const operation of operations(document)) {
    const deprecation: Deprecation | undefined = Reflect.get(operation, DEPRECATION_EXTENSION);
    if (deprecation === undefined) continue;
    operation.deprecated = true;
    const notice =
      `Deprecated since ${deprecation.since}: use \`${deprecation.successor}\`. It keeps working until ${deprecation.sunset}; ` +
      'its answers carry `Deprecation`, `Sunset` and a `Link` to the successor.';
    operation.description = operation.description ? `${notice}\n\n${operation.description}` : notice;
    addResponseHeaders(operation, {
      Deprecation: { description: 'When the operation was deprecated (RFC 9745): `@` and a Unix time', schema: { type: 'string' } },
      Sunset: { description: 'After this HTTP date the operation may be removed (RFC 8594)', schema: { type: 'string' } },
      Link: { description: 'The successor\'s documentation, `rel="successor-version"`', schema: { type: 'string' } },
    });
  }
}

/** Every answer says which version of the API gave it. */
function describeVersionHeader(document: OpenAPIObject): void {
  document.components = {
    ...document.components,
    headers: {
      ...document.components?.headers,
      [API_VERSION_HEADER]: {
        description: 'The version of the API that answered',
        schema: { type: 'string', enum: [String(API_VERSION_NUMBER)] },
      },
    },
  };
  for (const operation of operations(document)) {
    addResponseHeaders(operation, { [API_VERSION_HEADER]: { $ref: `#/components/headers/${API_VERSION_HEADER}` } });
  }
}

type Operation = ReturnType<typeof operations>[number];
type Response = Exclude<Operation['responses'][string], { $ref: string } | undefined>;

function errorResponse(description: string): Response {
  return { description, content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorEnvelopeDto) } } } };
}

/** Headers every answer of the operation carries, after those it already documents. */
function addResponseHeaders(operation: Operation, headers: NonNullable<Response['headers']>): void {
  for (const response of Object.values(operation.responses)) {
    if (response === undefined || '$ref' in response) continue;
    response.headers = { ...response.headers, ...headers };
  }
}

function operations(document: OpenAPIObject) {
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
  return Object.values(document.paths).flatMap((item) => methods.flatMap((method) => (item[method] ? [item[method]] : [])));
}
