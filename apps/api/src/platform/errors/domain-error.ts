import { invalidInputMessage } from '../http/validation-messages';
import { ErrorCode } from './error-code';

export type ErrorDetails = Record<string, unknown>;

/**
 * A failure the user should read, raised by domain code (services, executors, runners' callers): a typed code and
 * a message shown as it is. Which HTTP status a code is lives in one place, `platform/http/error-status.ts`; a job
 * that fails with it keeps the code and the message.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    /** When trying again makes sense (a throttled login, an index still being built). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badRequest(message: string, details?: ErrorDetails): DomainError {
    return new DomainError(ErrorCode.BAD_REQUEST, message, details);
  }

  static unauthorized(message = 'Authentication required'): DomainError {
    return new DomainError(ErrorCode.UNAUTHORIZED, message);
  }

  static forbidden(message: string): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static notFound(message: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, message);
  }

  static conflict(message: string, details?: ErrorDetails): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message, details);
  }

  static validation(message: string, details?: ErrorDetails): DomainError {
    return new DomainError(ErrorCode.VALIDATION_ERROR, message, details);
  }

  /** Refused input, field by field (keys as in the request); the headline is written from the messages. */
  static invalidInput(details: Record<string, string[]>): DomainError {
    return new DomainError(ErrorCode.VALIDATION_ERROR, invalidInputMessage(details), details);
  }
}
