import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from './roles/roles';
import { UserEntity } from './user.entity';

/** Who acts in a request. */
export interface Principal {
  user: UserEntity;
  /** What the request may do: the user's role, or with an API key the lesser of the key's scope and that role. */
  role: Role;
  /** The API key the request came with; null for a session. */
  apiKeyId: number | null;
}

export interface AuthenticatedRequest extends Request {
  principal: Principal;
}

/** Who the guard authenticated for this request. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);

/** The user the guard authenticated for this request (for an API key, its owner). */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AuthenticatedRequest>().principal.user,
);
