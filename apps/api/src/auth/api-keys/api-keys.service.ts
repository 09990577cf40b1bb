import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { Page } from '../../platform/http/envelope';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import { Principal } from '../authenticated-request';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { scopesWithin } from './api-key-scopes';
import { apiKeyHash, apiKeyPrefix, generateApiKey } from './api-key-token';
import { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

/** Each user's own API keys: created (shown once), listed, revoked. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  async list(userId: number, query: PageQueryDto): Promise<Page<ApiKeyDto>> {
    const [rows, total] = await this.keys.findAndCount({
      where: { userId, revokedAt: IsNull() },
      order: { id: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return new Page(rows.map(ApiKeyDto.from), { total, limit: query.limit, offset: query.offset });
  }

  /** A key's scope stays within what the creator may do now: with a key, within that key's role. */
  async create(principal: Principal, input: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const allowed = scopesWithin(principal.role);
    if (!allowed.includes(input.scope)) {
      throw DomainError.invalidInput({ scope: [`scope must be one of ${allowed.join(', ')}: not above your role (${principal.role})`] });
    }
    const expiresAt = input.expires_at === undefined ? null : new Date(input.expires_at);
    if (expiresAt !== null && expiresAt.getTime() <= Date.now())
      throw DomainError.invalidInput({ expires_at: ['expires_at must be in the future'] });
    const key = generateApiKey();
    const saved = await this.keys.save(
      this.keys.create({
        userId: principal.user.id,
        name: input.name,
        prefix: apiKeyPrefix(key),
        keyHash: apiKeyHash(key),
        scope: input.scope,
        expiresAt,
        lastUsedAt: null,
        lastUsedFrom: null,
        revokedAt: null,
      }),
    );
    return { ...ApiKeyDto.from(saved), key };
  }

  /** Only the owner's own keys: another user's key is not found. */
  async revoke(userId: number, id: number): Promise<void> {
    const revoked = await this.keys.update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.authenticator.forget(id);
    if (!revoked.affected) throw DomainError.notFound(`API key ${id} not found`);
  }
}
