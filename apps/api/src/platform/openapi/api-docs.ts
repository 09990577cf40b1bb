import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Express, Request, Response } from 'express';

export const OPENAPI_JSON_PATH = '/openapi.json';
/** The one external fetch in ReDoc's bundle (its footer logo); dropped so the page needs no internet. */
const REDOC_CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';

const REDOC_PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Borgitory API – ReDoc</title>
    <style>body { margin: 0; padding: 0; }</style>
  </head>
  <body>
    <redoc spec-url="${OPENAPI_JSON_PATH}" hide-download-button="false"></redoc>
    <script src="/redoc/redoc.standalone.js"></script>
  </body>
</html>
`;

/** Serves /openapi.json, Swagger UI at /docs and ReDoc at /redoc, every asset from local packages (no CDN). */
export function serveApiDocs(app: NestExpressApplication, document: OpenAPIObject): void {
  const http: Express = app.getHttpAdapter().getInstance();
  http.get(OPENAPI_JSON_PATH, (_request: Request, response: Response) => {
    response.json(document);
  });

  const redocBundle = readFileSync(
    join(dirname(createRequire(__filename).resolve('redoc/package.json')), 'bundles', 'redoc.standalone.js'),
    'utf8',
  ).replace(REDOC_CDN_LOGO, '');
  http.get('/redoc', (_request: Request, response: Response) => {
    response.type('html').send(REDOC_PAGE);
  });
  http.get('/redoc/redoc.standalone.js', (_request: Request, response: Response) => {
    response.type('application/javascript').setHeader('Cache-Control', 'public, max-age=86400').send(redocBundle);
  });

  SwaggerModule.setup('docs', app, document, {
    raw: false,
    customSiteTitle: 'Borgitory API – Swagger UI',
    swaggerOptions: { url: OPENAPI_JSON_PATH, validatorUrl: null, persistAuthorization: true },
  });
}
