import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Like, Repository } from 'typeorm';
import { RepositoryEntity } from '../repository.entity';
import { checkRepositoryLocation } from '../repository-location';

/** Which ssh endpoints remote repositories reach, so that their host keys in the shared known_hosts file are kept. */
@Injectable()
export class RepositorySshEndpoints {
  constructor(@InjectRepository(RepositoryEntity) private readonly repositories: Repository<RepositoryEntity>) {}

  /** Whether a repository's location is on this host (IPv6 without brackets, any case) and port. */
  async inUse(hostname: string, port: number): Promise<boolean> {
    const remote = await this.repositories.find({ select: { path: true }, where: { path: Not(Like('/%')) } });
    return remote.some(({ path }) => {
      const checked = checkRepositoryLocation(path);
      return checked.ok && checked.location.host?.toLowerCase() === hostname && checked.location.port === port;
    });
  }
}
