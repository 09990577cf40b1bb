import { Injectable } from '@nestjs/common';
import type { SshConnection } from '@borgitory/ssh-runner';
import { SshKeysService } from '../repositories/ssh/ssh-keys.service';
import { HostEntity } from './host.entity';

/** How ssh reaches a host: its address and policy, Borgitory's own key and the known_hosts file remote repositories share. */
@Injectable()
export class HostConnections {
  constructor(private readonly sshKeys: SshKeysService) {}

  async of(host: HostEntity): Promise<SshConnection> {
    return {
      user: host.sshUser,
      host: host.hostname,
      port: host.port,
      hostKeyPolicy: host.hostKeyPolicy,
      knownHostsFile: this.sshKeys.knownHostsFile,
      identityFile: await this.sshKeys.serverKeyFile(),
    };
  }
}
