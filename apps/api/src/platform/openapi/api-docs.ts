import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Express, Request, Response } from 'express';
import { redocContentSecurityPolicy } from '../http/security-headers';

export const OPENAPI_JSON_PATH = '/openapi.json';
/** The one external fetch in ReDoc's bundle (its footer logo); dropped so the page needs no internet. */
const REDOC_CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';

// The pages carry no inline script or style, so that the Content-Security-Policy can allow scripts from 'self' only.
const REDOC_PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Borgitory API – ReDoc</title>
    <link rel="stylesheet" href="/redoc/redoc.css" />
  </head>
  <body>
    <redoc spec-url="${OPENAPI_JSON_PATH}" hide-download-button="false"></redoc>
    <script src="/redoc/redoc.standalone.js"></script>
  </body>
</html>
`;
const REDOC_CSS = 'body { margin: 0; padding: 0; }\n';

const SWAGGER_UI_PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Borgitory API – Swagger UI</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
    <link rel="stylesheet" href="/docs/index.css" />
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/swagger-ui-init.js"></script>
  </body>
</html>
`;
const SWAGGER_UI_INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(OPENAPI_JSON_PATH)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    validatorUrl: null,
    persistAuthorization: true,
  });
});
`;
/** The files of swagger-ui-dist the page uses; nothing else of that directory is served. */
const SWAGGER_UI_ASSETS = ['swagger-ui.css', 'index.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

/** Serves /openapi.json, Swagger UI at /docs and ReDoc at /redoc, every asset from local packages (no CDN). */
export function serveApiDocs(app: NestExpressApplication, document: OpenAPIObject): void {
  const http: Express = app.getHttpAdapter().getInstance();
  const resolve = createRequire(__filename).resolve;
  http.get(OPENAPI_JSON_PATH, (_request: Request, response: Response) => {
    response.json(document);
  });

  const redocBundle = readFileSync(join(dirname(resolve('redoc/package.json')), 'bundles', 'redoc.standalone.js'), 'utf8').replace(
    REDOC_CDN_LOGO,
    '',
  );
  http.get('/redoc', redocContentSecurityPolicy, (_request: Request, response: Response) => {
    response.type('html').send(REDOC_PAGE);
  });
  http.get('/redoc/redoc.css', (_request: Request, response: Response) => {
    response.type('css').send(REDOC_CSS);
  });
  http.get('/redoc/redoc.standalone.js', (_request: Request, response: Response) => {
    response.type('application/javascript').setHeader('Cache-Control', 'public, max-age=86400').send(redocBundle);
  });

  // Swagger UI as @nestjs/swagger ships it, with a page and start script of our own (Nest's page has inline styles).
  const swaggerUiDir = dirname(createRequire(resolve('@nestjs/swagger')).resolve('swagger-ui-dist/package.json'));
  http.get(['/docs', '/docs/'], (_request: Request, response: Response) => {
    response.type('html').send(SWAGGER_UI_PAGE);
  });
  http.get('/docs/swagger-ui-init.js', (_request: Request, response: Response) => {
    response.type('application/javascript').send(SWAGGER_UI_INIT);
  });
  for (const asset of SWAGGER_UI_ASSETS) {
    http.get(`/docs/${asset}`, (_request: Request, response: Response) => {
      response.setHeader('Cache-Control', 'public, max-age=86400').sendFile(join(swaggerUiDir, asset));
    });
  }
}
