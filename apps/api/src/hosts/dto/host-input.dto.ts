import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { HOST_KEY_POLICIES } from '../../repositories/dto/repository-input.dto';
import type { HostKeyPolicy } from '../host.entity';

/** The body of POST /hosts. */
export class HostInputDto {
  @ApiProperty({ example: 'NAS', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({
    example: 'ssh://backup@nas.local:22',
    maxLength: 400,
    description:
      'ssh://user@host or ssh://user@host:port (22 when left out): the user Borgitory logs in as, a host name, an IPv4 ' +
      'address or an IPv6 address in brackets; no path. The rules of remote repository locations: nothing ssh could read as an option.',
  })
  @IsString()
  @Length(1, 400)
  address!: string;

  @ApiPropertyOptional({
    enum: HOST_KEY_POLICIES,
    default: 'accept-new',
    description:
      "accept-new: the host key seen at the first connection is stored (unless host_key gives it), then enforced; strict: only host_key's key is accepted (required then, unless a PUT keeps an address whose key is known)",
  })
  @IsOptional()
  @IsIn(HOST_KEY_POLICIES)
  host_key_policy?: HostKeyPolicy;

  @ApiPropertyOptional({
    example: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGNolOm0SGmQAGUKqebocpeMyE8yBh++E+dxypXCmXRd',
    maxLength: 16384,
    writeOnly: true,
    description:
      "The host's public host key, one line (its /etc/ssh/ssh_host_ed25519_key.pub, or a line of `ssh-keyscan -p PORT HOST` without the host): it replaces any key known for the address. The answer shows its fingerprint.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(16384)
  host_key?: string;
}

/** The body of PUT: the fields to change, merged over the stored host; host_key left out keeps the known key. */
export class HostUpdateDto extends PartialType(HostInputDto) {}

/** The body of POST /hosts/{id}/install-key: used once for one ssh login, never stored or logged. */
export class InstallKeyDto {
  @ApiProperty({
    format: 'password',
    minLength: 1,
    maxLength: 1024,
    description: "The host user's password, used once to add Borgitory's key line",
  })
  @IsString()
  @Length(1, 1024)
  @Matches(/^[^\r\n\0]*$/, { message: 'password must be one line' })
  password!: string;
}

export class HostDirectoryQueryDto {
  @ApiPropertyOptional({ example: '/home/backup', description: "An absolute path on the host; left out: the user's home" })
  @IsOptional()
  @IsString()
  @Length(1, 4096)
  path?: string;
}
