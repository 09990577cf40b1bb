import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { Page } from '../../platform/http/envelope';
import { readListPage } from '../../platform/filtering/apply-list-query';
import { USER_LIST, UserListQueryDto } from './dto/user-list-query.dto';
import { ApiKeyAuthenticator } from '../api-keys/api-key-authenticator';
import { UserDto } from '../dto/user.dto';
import { PasswordHasher } from '../password-hasher';
import { PasswordPolicy } from '../password-policy';
import { DatabaseSessionStore } from '../session-store';
import { UserEntity } from '../user.entity';
import { UsersService } from '../users.service';
import { PasswordChangeDto } from './dto/password-change.dto';
import { CreateUserDto, UpdateUserDto } from './dto/user-input.dto';
import { KEEPS_AN_ADMIN } from './keeps-an-admin';

/**
 * The users an admin manages. There is always an admin: the last one can be neither deleted nor given another role.
 * A password set here, a new role or a deletion takes effect at the user's next request (also with an API key: deleting
 * the user deletes their keys).
 */
@Injectable()
export class UserAccountsService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly lookup: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly sessions: DatabaseSessionStore,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async list(query: UserListQueryDto): Promise<Page<UserDto>> {
    const [rows, total] = await readListPage(this.users.createQueryBuilder('user'), USER_LIST, query);
    return new Page(rows.map(UserDto.from), { total, limit: query.limit, offset: query.offset });
  }

  async get(id: number): Promise<UserDto> {
    return UserDto.from(await this.existing(id));
  }

  async create(input: CreateUserDto): Promise<UserDto> {
    await this.assertUsernameFree(input.username);
    this.assertStrong(input.password, input.username);
    const user = await this.users.save(
      this.users.create({ username: input.username, passwordHash: await this.hasher.hash(input.password), role: input.role }),
    );
    return UserDto.from(user);
  }

  async update(id: number, input: UpdateUserDto): Promise<UserDto> {
    const user = await this.existing(id);
    const username = input.username ?? user.username;
    if (input.username !== undefined) await this.assertUsernameFree(input.username, id);
    if (input.password !== undefined) this.assertStrong(input.password, username);
    const passwordHash = input.password === undefined ? user.passwordHash : await this.hasher.hash(input.password);
    const role = input.role ?? user.role;
    const updated = await this.users
      .createQueryBuilder()
      .update()
      .set({ username, passwordHash, role })
      .where('id = :id', { id })
      .andWhere(KEEPS_AN_ADMIN, { role })
      .execute();
    this.lookup.forget(id);
    if (!updated.affected) throw lastAdmin(user);
    if (input.password !== undefined) await this.sessions.destroyAllOf(id);
    return this.get(id);
  }

  /** The signed-in user's own change: the current password is asked again, and every other session ends. */
  async changeOwnPassword(user: UserEntity, input: PasswordChangeDto, currentSid: string): Promise<void> {
    if (!(await this.hasher.verify(user.passwordHash, input.old_password))) {
      throw DomainError.invalidInput({ old_password: ['This is not your current password'] });
    }
    const weakness = this.policy.weakness(input.new_password, user.username);
    if (weakness) throw DomainError.invalidInput({ new_password: [weakness] });
    await this.users.update({ id: user.id }, { passwordHash: await this.hasher.hash(input.new_password) });
    this.lookup.forget(user.id);
    await this.sessions.destroyAllOf(user.id, currentSid);
  }

  async remove(id: number): Promise<void> {
    const user = await this.existing(id);
    const deleted = await this.users
      .createQueryBuilder()
      .delete()
      .where('id = :id', { id })
      .andWhere(KEEPS_AN_ADMIN, { role: null })
      .execute();
    this.lookup.forget(id);
    if (!deleted.affected) throw lastAdmin(user);
    this.apiKeys.forgetOwner(id);
    await this.sessions.destroyAllOf(id);
  }

  private async existing(id: number): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw DomainError.notFound(`User ${id} not found`);
    return user;
  }

  private async assertUsernameFree(username: string, exceptId?: number): Promise<void> {
    const taken = await this.lookup.findByUsername(username);
    if (taken && taken.id !== exceptId) throw DomainError.conflict(`A user named "${taken.username}" already exists`);
  }

  private assertStrong(password: string, username: string): void {
    const weakness = this.policy.weakness(password, username);
    if (weakness) throw DomainError.invalidInput({ password: [weakness] });
  }
}

function lastAdmin(user: UserEntity): DomainError {
  return DomainError.conflict(`"${user.username}" is the last admin; make another user an admin first`);
}
