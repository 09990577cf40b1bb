import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the SPA never answers: they belong to the API, its documentation and the Prometheus metrics. */
const SERVER_PATHS = /^\/(api|docs|redoc|openapi\.json|metrics)(\/|$)/;
/**
 * A static file that express.static did not find is a 404, not a client-side
 * route. Only asset extensions count: archive names in routes contain dots.
 */
const STATIC_FILE = /\.(js|mjs|css|map|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|txt|json|webmanifest)$/i;

/**
 * Serves the built SPA: its files as they are, and index.html for any other
 * GET that a browser navigates to, so that client-side routes survive a reload.
 */
export function serveWebApp(app: NestExpressApplication, webDir: string | null): void {
  if (webDir === null) return;
  const indexFile = join(webDir, 'index.html');
  app.use(
    express.static(webDir, {
      index: false,
      setHeaders: (response, path) => {
        const hashed = path.startsWith(join(webDir, 'assets'));
        response.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isNavigation = request.method === 'GET' || request.method === 'HEAD';
    if (!isNavigation || SERVER_PATHS.test(request.path) || STATIC_FILE.test(request.path)) return next();
    if (!request.accepts('html') || !existsSync(indexFile)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
}
