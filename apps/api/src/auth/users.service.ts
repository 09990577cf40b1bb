import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  /**
   * The guard looks the user up on every request, so users found by id are kept: read from the database once, then
   * from memory. Whatever changes or removes a user (UserAccountsService) drops its entry with forget(). Absent users
   * are not kept.
   */
  private readonly byId = new Map<number, Promise<UserEntity | null>>();

  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: number): Promise<UserEntity | null> {
    const known = this.byId.get(id);
    if (known) return known;
    const found = this.users.findOneBy({ id });
    this.byId.set(id, found);
    void found.then(
      (user) => user ?? this.byId.delete(id),
      () => this.byId.delete(id),
    );
    return found;
  }

  forget(id: number): void {
    this.byId.delete(id);
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('user').where('LOWER(user.username) = LOWER(:username)', { username }).getOne();
  }

  async any(): Promise<boolean> {
    return (await this.users.count({ take: 1 })) > 0;
  }

  /** Creates the first user; returns null when a user already exists. Serialised by SQLite's write lock. */
  createFirst(username: string, passwordHash: string): Promise<UserEntity | null> {
    return this.users.manager.transaction(async (manager) => {
      if ((await manager.count(UserEntity)) > 0) return null;
      return manager.save(manager.create(UserEntity, { username, passwordHash }));
    });
  }
}
