import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from './user.dto';

export class AuthStatusDto {
  @ApiProperty({ description: 'True until the first user has been created with POST /api/auth/setup' })
  setup_required!: boolean;

  @ApiProperty()
  authenticated!: boolean;

  @ApiProperty({ type: UserDto, nullable: true })
  user!: UserDto | null;
}
