import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { HostProbe, SshRunner } from '@borgitory/ssh-runner';
import { Repository } from 'typeorm';
import { HostProblemDto, HostTestDto } from './dto/host.dto';
import { HostConnections } from './host-connections';
import { HostEntity } from './host.entity';
import { fixFor, isHostFailure } from './ssh-failures';

/**
 * The connection test of a host: reachable, Borgitory let in with its key, borg and socat there (pull mode needs both
 * on the host), the remote user and the free space of its home. A failing host is an answer, not an error; the outcome
 * is kept on the host as its reachability.
 */
@Injectable()
export class HostTests {
  constructor(
    @InjectRepository(HostEntity) private readonly hosts: Repository<HostEntity>,
    private readonly connections: HostConnections,
    private readonly ssh: SshRunner,
  ) {}

  async test(host: HostEntity): Promise<HostTestDto> {
    const testedAt = new Date();
    const result = await this.probe(host, testedAt);
    await this.hosts.update(
      { id: host.id },
      { lastTestAt: testedAt, lastTestOk: result.ok, lastTestMessage: result.problems[0]?.message.slice(0, 1000) ?? null },
    );
    return result;
  }

  private async probe(host: HostEntity, testedAt: Date): Promise<HostTestDto> {
    let probe: HostProbe;
    try {
      probe = await this.ssh.probe(await this.connections.of(host));
    } catch (error) {
      if (!isHostFailure(error)) throw error;
      const problem: HostProblemDto = { code: error.code, message: error.message, fix: fixFor(error.code, host) };
      return {
        ok: false,
        tested_at: testedAt.toISOString(),
        user: null,
        home: null,
        borg_version: null,
        socat_version: null,
        free_bytes: null,
        problems: [problem],
      };
    }
    const problems = probe.missing.map(({ tool, install }): HostProblemDto => ({
      code: tool === 'borg' ? 'BORG_MISSING' : 'SOCAT_MISSING',
      message: `${tool} is not installed on the host (or not on the PATH of ${probe.user})`,
      fix: install,
    }));
    return {
      ok: problems.length === 0,
      tested_at: testedAt.toISOString(),
      user: probe.user,
      home: probe.home,
      borg_version: probe.borgVersion,
      socat_version: probe.socatVersion,
      free_bytes: probe.freeBytes,
      problems,
    };
  }
}
