import { Injectable } from '@nestjs/common';

type UsersOf = (hostId: number) => Promise<string[]>;

/** Lets modules that refer to hosts (schedules) say which of theirs back one up, so it is not deleted from under them. */
@Injectable()
export class HostUsers {
  private readonly lookups: UsersOf[] = [];

  register(lookup: UsersOf): void {
    this.lookups.push(lookup);
  }

  async of(hostId: number): Promise<string[]> {
    return (await Promise.all(this.lookups.map((lookup) => lookup(hostId)))).flat();
  }
}
