import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { AuditTrail } from '../auth/audit/audit-trail';
import { SessionMiddleware } from '../auth/session.middleware';
import { AppConfig } from './config/app-config';
import { DataDirectory } from './data-dir/data-directory';
import { EnvelopeExpressAdapter } from './http/envelope-express-adapter';
import { refuseUnsupportedMethods, RouterLayer } from './http/method-not-allowed';
import { refuseDeepJson, requireJsonBody, requireSameOrigin, translateBodyParserErrors } from './http/request-guards';
import { takeTurns } from './http/request-turns';
import { securityHeaders } from './http/security-headers';
import { assignRequestId } from './logging/request-id';
import { logRequests } from './logging/request-log';
import { serveApiDocs } from './openapi/api-docs';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { serveWebApp } from './web/serve-web-app';
import { API_PREFIX, serveCurrentVersion } from './versioning/api-version';

/** Prometheus' default path, outside the API: GET only, so no CSRF check is needed, but a session or the metrics token. */
export const METRICS_PATH = 'metrics';
const JSON_BODY_LIMIT = '1mb';

/**
 * Builds the whole HTTP application, in the order requests meet it: `/api/...` served as `/api/v1/...`, turns under
 * load, security headers, 405 for a method a known path does not take, JSON parsing and CSRF checks, the session, docs, the SPA, then Nest's routes.
 * main.ts and the integration tests both start the server through here.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  // Before the database or anything else in the data directory is opened.
  const dataDirectory = DataDirectory.open(config.dataDir);
  try {
    return await buildApp(config, dataDirectory);
  } catch (error) {
    dataDirectory.release();
    throw error;
  }
}

async function buildApp(config: AppConfig, dataDirectory: DataDirectory): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, dataDirectory), new EnvelopeExpressAdapter(), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: METRICS_PATH, method: RequestMethod.GET }] });
  app.enableShutdownHooks();

  app.use(serveCurrentVersion);
  app.use(takeTurns());
  app.use(securityHeaders());
  app.use(assignRequestId);
  app.use(logRequests);
  const router = (): RouterLayer[] => (app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } }).router.stack;
  app.use(refuseUnsupportedMethods(router));
  app.use(`/${API_PREFIX}`, express.json({ limit: JSON_BODY_LIMIT, verify: refuseDeepJson }), translateBodyParserErrors);
  app.use(`/${API_PREFIX}`, requireSameOrigin(config.allowedOrigins), requireJsonBody);
  app.use(`/${API_PREFIX}`, app.get(SessionMiddleware).handler);
  app.use(`/${API_PREFIX}`, app.get(AuditTrail).handler);
  app.use(`/${METRICS_PATH}`, app.get(SessionMiddleware).handler);

  serveApiDocs(app, buildOpenApiDocument(app));
  serveWebApp(app, config.webDir);
  await app.init();
  return app;
}
