import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { errorCodeForStatus, HTTP_STATUS } from './error-status';
import { ErrorBody } from './envelope';
import { requestedPath } from '../versioning/api-version';

/** Body-parser and other express-level errors carry their status on the error object. */
interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * Turns every error into the error envelope. Only messages written for
 * clients are shown; anything unexpected becomes a 500 with an error id that
 * is also logged, so no stack trace or internal detail reaches a client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    // A resolver's error goes back to GraphQL, which words it for its client (graphql/graphql-errors.ts).
    if (host.getType<string>() === 'graphql') return exception;
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return undefined;
    }
    const { status, body, headers } = this.describe(exception, request);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).json(body);
    return undefined;
  }

  private describe(exception: unknown, request: Request): { status: number; body: ErrorBody; headers: Record<string, string> } {
    if (exception instanceof DomainError) {
      const { retryAfterSeconds } = exception;
      return {
        status: HTTP_STATUS[exception.code],
        body: envelope(exception.code, exception.message, exception.details),
        headers: retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) {
        return { status, body: envelope(errorCodeForStatus(status), clientMessage(exception, request)), headers: {} };
      }
    }
    const httpLike = exception as HttpLikeError | null;
    const expressStatus = httpLike?.status ?? httpLike?.statusCode;
    if (typeof expressStatus === 'number' && expressStatus >= 400 && expressStatus < 500) {
      const message = httpLike?.type === 'entity.parse.failed' ? 'Malformed JSON in request body' : expressMessage(expressStatus);
      return { status: expressStatus, body: envelope(errorCodeForStatus(expressStatus), message), headers: {} };
    }

    const errorId = String(request.id ?? 'unknown');
    this.logger.error({ err: exception, error_id: errorId }, `Unhandled error ${errorId}`);
    return {
      status: 500,
      body: envelope(ErrorCode.INTERNAL_ERROR, `Internal server error (error id ${errorId})`, { error_id: errorId }),
      headers: {},
    };
  }
}

function envelope(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return { status: 'error', error: details ? { code, message, details } : { code, message } };
}

function clientMessage(exception: HttpException, request: Request): string {
  if (exception.getStatus() === 404 && exception.message.startsWith('Cannot ')) {
    return `No route for ${request.method} ${requestedPath(request)}`;
  }
  return exception.message;
}

function expressMessage(status: number): string {
  switch (status) {
    case 413:
      return 'Request body is too large';
    case 415:
      return 'Unsupported request body encoding';
    default:
      return 'Bad request';
  }
}
