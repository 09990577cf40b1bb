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

/** The HTTP request behind a route, or behind a GraphQL resolver (its context holds the request as `req`). */
export function requestOf(context: ExecutionContext): Request {
  if (context.getType<string>() === 'graphql') return context.getArgByIndex<{ req: Request }>(2).req;
  return context.switchToHttp().getRequest<Request>();
}

/** Who the guard authenticated for this request. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext) => (requestOf(context) as AuthenticatedRequest).principal,
);

/** The user the guard authenticated for this request (for an API key, its owner). */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) => (requestOf(context) as AuthenticatedRequest).principal.user,
);
