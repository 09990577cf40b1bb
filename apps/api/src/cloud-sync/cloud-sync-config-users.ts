import { Injectable } from '@nestjs/common';

type UsersOf = (configId: number) => Promise<string[]>;

/** Lets modules that refer to configurations (schedules) say which of theirs use one, so it is not deleted from under them. */
@Injectable()
export class CloudSyncConfigUsers {
  private readonly lookups: UsersOf[] = [];

  register(lookup: UsersOf): void {
    this.lookups.push(lookup);
  }

  async of(configId: number): Promise<string[]> {
    return (await Promise.all(this.lookups.map((lookup) => lookup(configId)))).flat();
  }
}
