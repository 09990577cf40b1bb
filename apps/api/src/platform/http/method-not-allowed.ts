import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { requestedPath } from '../versioning/api-version';

/** A layer of Express's router, as far as this file reads it: a route has paths and methods. */
export interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

interface KnownPath {
  pattern: RegExp;
  /** How many `:parameters` the path has: the fewer, the closer it fits a request that several paths match. */
  parameters: number;
  methods: string[];
}

/**
 * A path the API has, asked with a method it does not take, answers 405 with `Allow` listing the methods it takes,
 * instead of 404 "No route". The closest paths decide: `PUT /api/v1/schedules/preview` is refused by the path
 * `/api/v1/schedules/preview` (GET only) rather than reaching `PUT /api/v1/schedules/{id}` with the id "preview". The
 * paths and methods are read from the router, once Nest has registered every route (at the first request).
 */
export function refuseUnsupportedMethods(routerLayers: () => RouterLayer[]): RequestHandler {
  let known: KnownPath[] | null = null;
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method === 'OPTIONS') return next();
    known ??= knownPaths(routerLayers());
    const path = request.baseUrl + request.path;
    const matching = known.filter((entry) => entry.pattern.test(path));
    if (matching.length === 0) return next();
    const fewest = Math.min(...matching.map((entry) => entry.parameters));
    const allowed = new Set(matching.filter((entry) => entry.parameters === fewest).flatMap((entry) => entry.methods));
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.has(request.method)) return next();
    const methods = [...allowed].sort();
    response.setHeader('Allow', methods.join(', '));
    next(
      new DomainError(
        ErrorCode.METHOD_NOT_ALLOWED,
        `${request.method} is not allowed on ${requestedPath(request)}; it takes ${methods.join(', ')}`,
        {
          allow: methods,
        },
      ),
    );
  };
}

function knownPaths(layers: RouterLayer[]): KnownPath[] {
  return layers.flatMap(({ route }) => {
    if (!route) return [];
    const methods = Object.keys(route.methods).map((method) => method.toUpperCase());
    return (Array.isArray(route.path) ? route.path : [route.path]).map((path) => ({
      pattern: new RegExp(`^${path.split('/').map(segmentPattern).join('/')}/?$`, 'i'),
      parameters: path.split('/').filter((segment) => segment.startsWith(':')).length,
      methods,
    }));
  });
}

function segmentPattern(segment: string): string {
  return segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
