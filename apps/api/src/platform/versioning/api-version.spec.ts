import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { serveCurrentVersion } from './api-version';

function serve(url: string): { url: string; header: string | undefined; error: unknown } {
  const headers = new Map<string, string>();
  const request = { url, path: url.split('?')[0] } as Request;
  const response = {
    setHeader: (name: string, value: string) => {
      headers.set(name, value);
    },
  } as Response;
  let error: unknown = null;
  const next: NextFunction = (passed?: unknown) => {
    error = passed ?? null;
  };
  serveCurrentVersion(request, response, next);
  return { url: request.url, header: headers.get('API-Version'), error };
}

describe('serveCurrentVersion', () => {
  it.each([
    ['/api/repositories?limit=5', '/api/v1/repositories?limit=5'],
    ['/api', '/api/v1'],
    ['/api/v1/repositories', '/api/v1/repositories'],
    ['/api/v1', '/api/v1'],
    ['/api/vacation', '/api/v1/vacation'],
    ['/apis', '/apis'],
    ['/docs', '/docs'],
    ['/metrics', '/metrics'],
  ])('serves %s as %s', (url, served) => {
    const answer = serve(url);
    expect(answer).toEqual({ url: served, header: '1', error: null });
  });

  it.each(['/api/v2/health', '/api/v0', '/api/v10/jobs'])('refuses %s: no such version', (url) => {
    const { error } = serve(url);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('NOT_FOUND');
  });
});
