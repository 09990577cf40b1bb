import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../platform/errors/domain-error';
import { ApiKeyAuthenticator } from './api-keys/api-key-authenticator';
import { bearerCredential } from './api-keys/api-key-token';
import { Principal } from './authenticated-request';
import { UsersService } from './users.service';

/** Who acts in a request: the API key it carries, or else the user of its session cookie (401 for neither). */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  /**
   * A request with a bearer credential is judged by it alone, never by a session cookie it may also carry: the CSRF
   * check lets such requests through (platform/http/request-guards.ts).
   */
  async principalOf(request: Request): Promise<Principal> {
    const credential = bearerCredential(request.get('authorization'));
    if (credential !== null) return this.apiKeys.authenticate(credential, request.ip ?? 'unknown');
    const userId = request.session?.userId;
    const user = userId === undefined ? null : await this.users.findById(userId);
    if (!user) throw DomainError.unauthorized();
    return { user, role: user.role, apiKeyId: null };
  }
}
