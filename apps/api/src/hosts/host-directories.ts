import { posix } from 'node:path';
import { Injectable } from '@nestjs/common';
import { SftpSession, SftpStatusError, SshRunner } from '@borgitory/ssh-runner';
import { MAX_DIRECTORY_ENTRIES } from '../backups/directory-browser';
import { DirectoryEntryDto, DirectoryListingDto } from '../backups/dto/directory-listing.dto';
import { DomainError } from '../platform/errors/domain-error';
import { HostConnections } from './host-connections';
import { HostEntity } from './host.entity';
import { domainErrorOf, isHostFailure } from './ssh-failures';

/** SFTP's status codes for a path that is not there and one the user may not read. */
const SFTP_NO_SUCH_FILE = 2;
const SFTP_PERMISSION_DENIED = 3;

/**
 * Lists a directory of a host over SFTP, as its user sees it, for the "what to back up" picker: the same answer as the
 * server's own directory browser (directories first, at most MAX_DIRECTORY_ENTRIES entries). Without a path, the
 * user's home.
 */
@Injectable()
export class HostDirectories {
  constructor(
    private readonly connections: HostConnections,
    private readonly ssh: SshRunner,
  ) {}

  /** A message for each path that is not there on the host (or cannot be reached by its user); empty when all are. */
  async problems(host: HostEntity, paths: string[]): Promise<string[]> {
    const sftp = await this.open(host);
    try {
      const problems: string[] = [];
      for (const path of paths) {
        // LSTAT, not REALPATH: OpenSSH's sftp-server resolves a path whose last part is missing.
        const exists = await sftp.exists(path).catch((error: unknown) => {
          if (!(error instanceof SftpStatusError)) throw error;
          problems.push(refusal(path, error).message);
          return true;
        });
        if (!exists) problems.push(`${path} does not exist on the host`);
      }
      return problems;
    } finally {
      await sftp.close();
    }
  }

  /** Which of these paths exist on the host (to restore without overwriting). */
  async existing(host: HostEntity, paths: string[]): Promise<string[]> {
    const sftp = await this.open(host);
    try {
      const found: string[] = [];
      for (const path of paths) {
        if (await sftp.exists(path)) found.push(path);
      }
      return found;
    } finally {
      await sftp.close();
    }
  }

  /** Why borg could not extract into this folder of the host, or null when it is a folder its user can list. */
  async directoryProblem(host: HostEntity, path: string): Promise<string | null> {
    if (!posix.isAbsolute(path)) return 'Must be an absolute path on the host';
    const sftp = await this.open(host);
    try {
      await sftp.readdir(path);
      return null;
    } catch (error) {
      if (error instanceof SftpStatusError) return refusal(path, error).message;
      throw error;
    } finally {
      await sftp.close();
    }
  }

  async list(host: HostEntity, input?: string): Promise<DirectoryListingDto> {
    if (input !== undefined && !posix.isAbsolute(input))
      throw DomainError.badRequest('path must be absolute', { path: ['Must start with /'] });
    const sftp = await this.open(host);
    try {
      const path = input === undefined ? await sftp.realpath('.') : posix.normalize(input).replace(/(.)\/+$/, '$1');
      const listed = await sftp.readdir(path).catch((error: unknown) => {
        throw error instanceof SftpStatusError ? refusal(path, error) : error;
      });
      const entries: DirectoryEntryDto[] = listed
        .map((entry) => ({ name: entry.name, path: posix.join(path, entry.name), type: entry.type }))
        .sort((a, b) => Number(b.type === 'directory') - Number(a.type === 'directory') || a.name.localeCompare(b.name));
      return {
        path,
        parent: path === '/' ? null : posix.dirname(path),
        entries: entries.slice(0, MAX_DIRECTORY_ENTRIES),
        truncated: entries.length > MAX_DIRECTORY_ENTRIES,
      };
    } finally {
      await sftp.close();
    }
  }

  private async open(host: HostEntity): Promise<SftpSession> {
    try {
      return await this.ssh.openSftp(await this.connections.of(host));
    } catch (error) {
      throw isHostFailure(error) ? domainErrorOf(error) : error;
    }
  }
}

function refusal(path: string, error: SftpStatusError): DomainError {
  if (error.status === SFTP_NO_SUCH_FILE) return DomainError.notFound(`${path} does not exist on the host`);
  if (error.status === SFTP_PERMISSION_DENIED) return DomainError.forbidden(`${path} cannot be read by the host's user`);
  return DomainError.badRequest(`${path} cannot be listed on the host: ${error.message}`);
}
