import { Injectable, Logger } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import { AuthenticatedRequest } from '../authenticated-request';
import { UsersService } from '../users.service';
import { AuditOutcome } from './audit-entry.entity';
import { AuditLog } from './audit-log';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads that hand out what the backups hold, or what opens them: recorded like changes. */
const SENSITIVE_READS = new Set(['GET /api/v1/repositories/{id}/archives/{archive}/download', 'GET /api/v1/repositories/{id}/key']);

/** Operations tried before anyone is signed in: the name they were tried with is recorded (never the password). */
const SIGN_INS = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/setup']);

/** Query parameters that say what a recorded operation was done to (the rest, like bodies, stay out). */
const TARGET_QUERY = ['path'];

/** Bulk operations, and the body fields that say what they were done to (lists are joined by commas). */
const BULK_OPERATIONS = new Set([
  'POST /api/v1/jobs/bulk',
  'POST /api/v1/schedules/bulk',
  'POST /api/v1/repositories/{id}/archives/delete',
]);
const TARGET_BODY = ['action', 'ids', 'names', 'compact'];

const MAX_TARGET_LENGTH = 2000;
/** Room for a body field's value, so that the target stays whole JSON. */
const MAX_BODY_VALUE_LENGTH = 1500;

/**
 * The audit trail's middleware: once the answer of every change, and of every sensitive read, has gone out, it
 * records who (user, API key), from where, what (the operation and its route parameters) and how it ended. Requests
 * that matched no route are not recorded. Writing never delays or fails a request: a failed write is logged.
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly log: AuditLog,
    private readonly users: UsersService,
  ) {}

  readonly handler: RequestHandler = (request, response, next) => {
    const at = new Date();
    response.on('finish', () => {
      this.finished(request, response, at).catch((error: unknown) => this.logger.error({ err: error }, 'Recording an audit entry failed'));
    });
    next();
  };

  private async finished(request: Request, response: Response, at: Date): Promise<void> {
    const route: unknown = request.route?.path;
    if (typeof route !== 'string') return;
    const action = `${request.method} ${route.replace(/:(\w+)/g, '{$1}')}`;
    if (!MUTATING.has(request.method) && !SENSITIVE_READS.has(action)) return;
    const actor = await this.actorOf(request, action);
    await this.log.record({
      occurredAt: at,
      ...actor,
      apiKeyId: (request as Partial<AuthenticatedRequest>).principal?.apiKeyId ?? null,
      address: (request.ip ?? 'unknown').slice(0, 64),
      action,
      target: targetOf(request, action),
      status: response.statusCode,
      outcome: outcomeOf(response.statusCode),
    });
  }

  private async actorOf(request: Request, action: string): Promise<{ userId: number | null; username: string | null }> {
    const user = (request as Partial<AuthenticatedRequest>).principal?.user;
    if (user) return { userId: user.id, username: user.username };
    if (!SIGN_INS.has(action)) return { userId: null, username: null };
    const signedIn = request.session?.userId === undefined ? null : await this.users.findById(request.session.userId);
    if (signedIn) return { userId: signedIn.id, username: signedIn.username };
    const tried: unknown = (request.body as Record<string, unknown> | undefined)?.['username'];
    return { userId: null, username: typeof tried === 'string' ? tried.slice(0, 64) : null };
  }
}

function targetOf(request: Request, action: string): string {
  const query = Object.fromEntries(
    TARGET_QUERY.flatMap((key) => (typeof request.query[key] === 'string' ? [[key, request.query[key]]] : [])),
  );
  const body: unknown = request.body;
  const named =
    BULK_OPERATIONS.has(action) && body && typeof body === 'object'
      ? TARGET_BODY.flatMap((key) => bodyValue(key, (body as Record<string, unknown>)[key]))
      : [];
  return JSON.stringify({ ...request.params, ...query, ...Object.fromEntries(named) }).slice(0, MAX_TARGET_LENGTH);
}

function bodyValue(key: string, value: unknown): [string, string][] {
  const text = Array.isArray(value)
    ? value.map(String).join(',')
    : ['string', 'number', 'boolean'].includes(typeof value)
      ? String(value)
      : null;
  if (text === null) return [];
  return [[key, text.length > MAX_BODY_VALUE_LENGTH ? `${text.slice(0, MAX_BODY_VALUE_LENGTH)}…` : text]];
}

function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'succeeded';
  return status === 401 || status === 403 || status === 429 ? 'refused' : 'failed';
}
