import type { Repository } from 'typeorm';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

/** A users table of one row that counts its reads by id. */
function usersTable(rows: UserEntity[]) {
  const table = {
    reads: 0,
    failNext: false,
    findOneBy: async ({ id }: { id: number }) => {
      table.reads++;
      if (table.failNext) {
        table.failNext = false;
        throw new Error('database is locked');
      }
      return rows.find((row) => row.id === id) ?? null;
    },
  };
  return table;
}

const alice = Object.assign(new UserEntity(), { id: 1, username: 'alice', passwordHash: 'hash' });

describe('UsersService.findById', () => {
  it('reads a user from the database once, however many requests ask at the same time or later', async () => {
    const table = usersTable([alice]);
    const users = new UsersService(table as unknown as Repository<UserEntity>);
    const first = await Promise.all(Array.from({ length: 100 }, () => users.findById(1)));
    for (let i = 0; i < 1000; i++) expect(await users.findById(1)).toBe(alice);
    expect(first.every((user) => user === alice)).toBe(true);
    expect(table.reads).toBe(1);
  });

  it('does not keep a user that does not exist, nor a failed read', async () => {
    const table = usersTable([alice]);
    const users = new UsersService(table as unknown as Repository<UserEntity>);
    expect(await users.findById(2)).toBeNull();
    expect(await users.findById(2)).toBeNull();
    table.failNext = true;
    await expect(users.findById(1)).rejects.toThrow('database is locked');
    expect(await users.findById(1)).toBe(alice);
    expect(table.reads).toBe(4);
  });
});
