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

  @ApiProperty({
    type: () => HostLastTestDto,
    nullable: true,
    description: 'The last connection test (POST /hosts/{id}/test); null: never tested',
  })
  last_test!: HostLastTestDto | null;

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

export class HostLastTestDto {
  @ApiProperty({ format: 'date-time' })
  tested_at!: string;

  @ApiProperty({ description: 'Whether the host was reachable, let Borgitory in, and had borg and socat' })
  ok!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'socat is not installed on the host',
    description: 'The first problem found; null when ok',
  })
  message!: string | null;
}

export const HOST_PROBLEM_CODES = [
  'UNREACHABLE',
  'TIMEOUT',
  'HOST_KEY_MISMATCH',
  'HOST_KEY_UNKNOWN',
  'AUTH_FAILED',
  'BORG_MISSING',
  'SOCAT_MISSING',
] as const;
export type HostProblemCode = (typeof HOST_PROBLEM_CODES)[number];

export class HostProblemDto {
  @ApiProperty({ enum: HOST_PROBLEM_CODES })
  code!: HostProblemCode;

  @ApiProperty({ example: 'borg is not installed on the host (or not on the PATH of backup)' })
  message!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'sudo apt install borgbackup',
    description: 'What fixes it, when there is one thing to do',
  })
  fix!: string | null;
}

export class HostTestDto {
  @ApiProperty({ description: 'Everything pull mode needs is there: reachable, logged in, borg and socat installed' })
  ok!: boolean;

  @ApiProperty({ format: 'date-time' })
  tested_at!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'backup',
    description: 'The user Borgitory is logged in as (null when it could not log in)',
  })
  user!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '/home/backup' })
  home!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '1.2.4' })
  borg_version!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '1.7.4.4' })
  socat_version!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 52_000_000_000, description: "Free bytes of the file system of the user's home" })
  free_bytes!: number | null;

  @ApiProperty({ type: [HostProblemDto] })
  problems!: HostProblemDto[];
}
