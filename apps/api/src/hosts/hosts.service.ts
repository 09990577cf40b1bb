import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { saveNamed } from '../platform/database/save-unique';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { readListPage } from '../platform/filtering/apply-list-query';
import { NAMED_LIST, NamedListQueryDto } from '../platform/filtering/named-list';
import { Page } from '../platform/http/envelope';
import { mergeUpdate } from '../platform/http/partial-update';
import { RepositorySshEndpoints } from '../repositories/ssh/repository-ssh-endpoints';
import { SshKeysService } from '../repositories/ssh/ssh-keys.service';
import { AuthorizedKeyDto, HostDto } from './dto/host.dto';
import { HostInputDto, HostUpdateDto } from './dto/host-input.dto';
import { checkHostAddress, formatHostAddress, HostEndpoint } from './host-address';
import { checkHostKey, fingerprintOf, PublicKey } from './host-key';
import { HostEntity } from './host.entity';
import { HostUsers } from './host-users';
import { KnownHosts } from './known-hosts';

/** What the authorized_keys line allows: nothing (`restrict`: no pty, agent or X11 forwarding) but the forwards pull mode opens. */
const AUTHORIZED_KEY_OPTIONS = 'restrict,port-forwarding';

const STRICT_NEEDS_KEY = 'A strict host key policy needs the host key: give it here (e.g. ssh-ed25519 AAAA…)';

interface CheckedInput {
  endpoint: HostEndpoint;
  hostKey: PublicKey | null;
}

@Injectable()
export class HostsService {
  constructor(
    @InjectRepository(HostEntity) private readonly hosts: Repository<HostEntity>,
    private readonly knownHosts: KnownHosts,
    private readonly repositoryEndpoints: RepositorySshEndpoints,
    private readonly sshKeys: SshKeysService,
    private readonly users: HostUsers,
  ) {}

  async list(query: NamedListQueryDto): Promise<Page<HostDto>> {
    const [rows, total] = await readListPage(this.hosts.createQueryBuilder('host'), NAMED_LIST, query);
    const knownHosts = await this.knownHosts.read();
    return new Page(
      rows.map((host) => toHostDto(host, this.knownHosts.keyIn(knownHosts, host.hostname, host.port))),
      { total, limit: query.limit, offset: query.offset },
    );
  }

  /** Every host, by name (a short list: each is a machine). */
  async all(): Promise<HostDto[]> {
    const [hosts, knownHosts] = await Promise.all([this.hosts.find({ order: { name: 'ASC' } }), this.knownHosts.read()]);
    return hosts.map((host) => toHostDto(host, this.knownHosts.keyIn(knownHosts, host.hostname, host.port)));
  }

  async get(id: number): Promise<HostDto> {
    return this.toDto(await this.find(id));
  }

  /** A host_key given is written to known_hosts for the address; without one, ssh learns the key at the first connection. */
  async create(input: HostInputDto): Promise<HostDto> {
    const policy = input.host_key_policy ?? 'accept-new';
    const { endpoint, hostKey } = checkInput(input);
    if (policy === 'strict' && !hostKey) throw DomainError.invalidInput({ host_key: [STRICT_NEEDS_KEY] });
    const host = this.hosts.create({
      name: input.name.trim(),
      sshUser: endpoint.user,
      hostname: endpoint.hostname,
      port: endpoint.port,
      hostKeyPolicy: policy,
    });
    const saved = await saveNamed(this.hosts, host, 'host');
    if (hostKey) await this.knownHosts.setKey(endpoint.hostname, endpoint.port, hostKey);
    return this.toDto(saved);
  }

  /** A new address leaves the old one's key behind (removed unless used); a strict host needs a key for its address. */
  async update(id: number, changes: HostUpdateDto): Promise<HostDto> {
    const host = await this.find(id);
    const input = await mergeUpdate(HostInputDto, await this.toDto(host), changes);
    const policy = input.host_key_policy ?? 'accept-new';
    const { endpoint, hostKey } = checkInput(input);
    if (policy === 'strict' && !hostKey && !(await this.knownHosts.keyOf(endpoint.hostname, endpoint.port))) {
      throw DomainError.invalidInput({ host_key: [`${STRICT_NEEDS_KEY}; no key is known for ${formatHostAddress(endpoint)}`] });
    }
    const before = { hostname: host.hostname, port: host.port };
    Object.assign(host, {
      name: input.name.trim(),
      sshUser: endpoint.user,
      hostname: endpoint.hostname,
      port: endpoint.port,
      hostKeyPolicy: policy,
    });
    const saved = await saveNamed(this.hosts, host, 'host');
    if (hostKey) await this.knownHosts.setKey(endpoint.hostname, endpoint.port, hostKey);
    if (before.hostname !== endpoint.hostname || before.port !== endpoint.port) await this.forgetUnlessUsed(before.hostname, before.port);
    return this.toDto(saved);
  }

  /**
   * Refused (HOST_IN_USE) while schedules back the host up: they would otherwise run on this server instead. The
   * host's key leaves known_hosts unless another host or a repository reaches the same host and port.
   */
  async remove(id: number): Promise<void> {
    const host = await this.find(id);
    const users = await this.users.of(id);
    if (users.length > 0) {
      throw new DomainError(ErrorCode.HOST_IN_USE, `Host "${host.name}" is backed up by ${users.join(', ')}; change or delete them first`, {
        used_by: users,
      });
    }
    await this.hosts.delete({ id });
    await this.forgetUnlessUsed(host.hostname, host.port);
  }

  /** Borgitory's own public key (the one remote repositories use) as a line of a host's authorized_keys. */
  async authorizedKey(): Promise<AuthorizedKeyDto> {
    const { publicKey } = await this.sshKeys.serverPublicKey();
    return { authorized_key: `${AUTHORIZED_KEY_OPTIONS} ${publicKey}` };
  }

  /** Host `id`, or HOST_NOT_FOUND. */
  async find(id: number): Promise<HostEntity> {
    const host = await this.hosts.findOneBy({ id });
    if (!host) throw new DomainError(ErrorCode.HOST_NOT_FOUND, `Host ${id} does not exist`);
    return host;
  }

  private async toDto(host: HostEntity): Promise<HostDto> {
    return toHostDto(host, await this.knownHosts.keyOf(host.hostname, host.port));
  }

  private async forgetUnlessUsed(hostname: string, port: number): Promise<void> {
    if (await this.hosts.existsBy({ hostname, port })) return;
    if (await this.repositoryEndpoints.inUse(hostname, port)) return;
    await this.knownHosts.forget(hostname, port);
  }
}

/** The address and the host key, each refused with its own field's message. */
function checkInput(input: HostInputDto): CheckedInput {
  const address = checkHostAddress(input.address);
  const hostKey = input.host_key === undefined ? null : checkHostKey(input.host_key);
  if (address.ok && (!hostKey || hostKey.ok)) return { endpoint: address.endpoint, hostKey: hostKey?.key ?? null };
  const problems: Record<string, string[]> = {};
  if (!address.ok) problems['address'] = [address.problem];
  if (hostKey && !hostKey.ok) problems['host_key'] = [hostKey.problem];
  throw DomainError.invalidInput(problems);
}

function toHostDto(host: HostEntity, key: PublicKey | null): HostDto {
  return {
    id: host.id,
    name: host.name,
    address: formatHostAddress({ user: host.sshUser, hostname: host.hostname, port: host.port }),
    ssh_user: host.sshUser,
    hostname: host.hostname,
    port: host.port,
    host_key_policy: host.hostKeyPolicy,
    host_key_fingerprint: key ? fingerprintOf(key) : null,
    last_test: host.lastTestAt
      ? { tested_at: host.lastTestAt.toISOString(), ok: host.lastTestOk === true, message: host.lastTestMessage }
      : null,
    created_at: host.createdAt.toISOString(),
    updated_at: host.updatedAt.toISOString(),
  };
}
