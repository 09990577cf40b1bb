import { ApiProperty } from '@nestjs/swagger';
import { HOST_KEY_POLICIES } from '../../repositories/dto/repository-input.dto';
import type { HostKeyPolicy } from '../host.entity';

export class HostDto {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'NAS' })
  name!: string;

  @ApiProperty({ example: 'ssh://backup@nas.local:22', description: 'ssh://user@host:port, the port always written' })
  address!: string;

  @ApiProperty({ example: 'backup', description: 'The user Borgitory logs in as' })
  ssh_user!: string;

  @ApiProperty({ example: 'nas.local', description: 'Host name or IP address, lower case; IPv6 without brackets' })
  hostname!: string;

  @ApiProperty({ example: 22, minimum: 1, maximum: 65535 })
  port!: number;

  @ApiProperty({ enum: HOST_KEY_POLICIES })
  host_key_policy!: HostKeyPolicy;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'SHA256:yy0xIkzGe2lqS7HiIbKhcjSf+z1RyjfEUmHpRNQ7nnY',
    description: 'The fingerprint of the host key Borgitory knows for the address (given, or seen at a first connection); null: none yet',
  })
  host_key_fingerprint!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class AuthorizedKeyDto {
  @ApiProperty({
    example: 'restrict,port-forwarding ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGNolOm0SGmQAGUKqebocpeMyE8yBh++E+dxypXCmXRd borgitory@server',
    description: "The line to add to ~/.ssh/authorized_keys of the host's user",
  })
  authorized_key!: string;
}
