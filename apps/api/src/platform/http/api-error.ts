import { HttpException } from '@nestjs/common';
import { ErrorCode } from './error-code';

export type ErrorDetails = Record<string, unknown>;

/** An error meant for the client: its message and details are shown as they are. */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(message, status);
  }

  static badRequest(message: string, details?: ErrorDetails): ApiError {
    return new ApiError(400, ErrorCode.BAD_REQUEST, message, details);
  }

  static unauthorized(message = 'Authentication required'): ApiError {
    return new ApiError(401, ErrorCode.UNAUTHORIZED, message);
  }

  static forbidden(message: string): ApiError {
    return new ApiError(403, ErrorCode.FORBIDDEN, message);
  }

  static notFound(message: string): ApiError {
    return new ApiError(404, ErrorCode.NOT_FOUND, message);
  }

  static conflict(message: string, details?: ErrorDetails): ApiError {
    return new ApiError(409, ErrorCode.CONFLICT, message, details);
  }

  static validation(message: string, details?: ErrorDetails): ApiError {
    return new ApiError(422, ErrorCode.VALIDATION_ERROR, message, details);
  }
}
