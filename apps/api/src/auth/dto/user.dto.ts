import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLE_DESCRIPTIONS, ROLES } from '../roles/roles';
import { UserEntity } from '../user.entity';

export class UserDto {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'admin' })
  username!: string;

  @ApiProperty({
    enum: ROLES,
    example: 'admin',
    description: ROLES.map((role) => `\`${role}\`: ${ROLE_DESCRIPTIONS[role]}`).join('; '),
  })
  role!: Role;

  @ApiProperty({ example: '2026-11-26T18:00:00.000Z', format: 'date-time' })
  created_at!: string;

  @ApiProperty({ description: 'Whether logging in asks for a code from an authenticator app' })
  two_factor_enabled!: boolean;

  static from(user: UserEntity): UserDto {
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      created_at: user.createdAt.toISOString(),
      two_factor_enabled: user.totpSecret !== null,
    };
  }
}
