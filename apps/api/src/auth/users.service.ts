import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: number): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
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
