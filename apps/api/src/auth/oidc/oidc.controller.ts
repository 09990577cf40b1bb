import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { DomainError } from '../../platform/errors/domain-error';
import { Public } from '../../platform/http/public.decorator';
import { startSession } from '../session-lifecycle';
import { OidcSignIn } from './oidc-sign-in';
import { OidcClient } from './oidc-client';

/**
 * Single sign-on for browsers: both routes answer with a redirect, not JSON, so they stay out of the API document
 * (the login page links to the first). A failure lands on the login page with the reason in `?sso_error=`.
 */
@ApiExcludeController()
@Controller('auth/oidc')
export class OidcController {
  private readonly logger = new Logger('SingleSignOn');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly client: OidcClient,
    private readonly signIn: OidcSignIn,
  ) {}

  @Public()
  @Get('login')
  async login(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.config.oidc) return failed(response, 'Single sign-on is not configured');
    const checks = this.client.newChecks();
    let url: string;
    try {
      url = await this.client.authorizationUrl(checks);
    } catch (error) {
      this.logger.warn({ err: error }, 'The OpenID provider could not be read');
      return failed(response, `${this.config.oidc.name} cannot be reached; try again later`);
    }
    request.session.oidc = checks;
    request.session.save((error) =>
      error ? failed(response, 'The sign-in could not be started; try again') : response.redirect(302, url),
    );
  }

  @Public()
  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const checks = request.session?.oidc;
    if (!this.config.oidc || !checks) return failed(response, 'The sign-in expired or was not started here; try again');
    // One answer per sign-in: whatever happens next, these checks are not used again.
    delete request.session.oidc;
    try {
      const claims = await this.client.claims(request.originalUrl, checks);
      const user = await this.signIn.userFor(claims);
      await startSession(request, user.id);
    } catch (error) {
      if (error instanceof DomainError) return failed(response, error.message);
      this.logger.warn({ err: error }, 'A single sign-on answer was refused');
      return failed(response, `The answer of ${this.config.oidc.name} was refused; try again`);
    }
    response.redirect(302, '/');
  }
}

function failed(response: Response, reason: string): void {
  response.redirect(302, `/login?sso_error=${encodeURIComponent(reason)}`);
}
