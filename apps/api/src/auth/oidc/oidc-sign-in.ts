import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import type { OidcConfig } from '../../platform/config/oidc-config';
import { DomainError } from '../../platform/errors/domain-error';
import { PasswordHasher } from '../password-hasher';
import { UserEntity } from '../user.entity';
import { UsersService } from '../users.service';
import { KEEPS_AN_ADMIN } from '../users/keeps-an-admin';
import { roleFromClaims, usernameFromClaims } from './oidc-claims';

/**
 * Turns a provider's claims into a Borgitory user: found again by the provider's subject (never by name, so an
 * account at the provider cannot take over a local user of the same name), created on first sign-in when allowed,
 * and given at each sign-in the role the claims map to (except that the last admin stays an admin).
 */
@Injectable()
export class OidcSignIn {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly lookup: UsersService,
    private readonly hasher: PasswordHasher,
  ) {}

  async userFor(claims: Record<string, unknown>): Promise<UserEntity> {
    const settings = this.settings();
    if (typeof claims['sub'] !== 'string' || claims['sub'] === '') throw refused('The provider named no subject');
    const subject = `${settings.issuer}#${claims['sub']}`;
    const role = roleFromClaims(claims, settings);
    if (role === null) {
      throw refused(`Your account at ${settings.name} gives no role here: ask an admin to add you to a group Borgitory knows`);
    }
    const known = await this.users.findOneBy({ oidcSubject: subject });
    if (known) {
      if (known.role !== role) {
        await this.users
          .createQueryBuilder()
          .update()
          .set({ role })
          .where('id = :id', { id: known.id })
          .andWhere(KEEPS_AN_ADMIN, { role })
          .execute();
        this.lookup.forget(known.id);
      }
      return (await this.lookup.findById(known.id)) ?? known;
    }
    if (!settings.createUsers) throw refused('Your account is not known here: ask an admin to let you sign in once with it');
    const username = usernameFromClaims(claims, settings.usernameClaim);
    if (username === null) throw refused(`${settings.name} named no user name Borgitory can use`);
    if (await this.lookup.findByUsername(username)) {
      throw refused(`A user named "${username}" already exists here; ask an admin to rename one of you`);
    }
    // Never used: the user signs in through the provider; a random password nobody knows keeps password sign-in shut.
    const passwordHash = await this.hasher.hash(randomBytes(32).toString('base64'));
    return this.users.save(this.users.create({ username, passwordHash, role, oidcSubject: subject }));
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw DomainError.notFound('Single sign-on is not configured');
    return this.config.oidc;
  }
}

function refused(message: string): DomainError {
  return DomainError.forbidden(message);
}
