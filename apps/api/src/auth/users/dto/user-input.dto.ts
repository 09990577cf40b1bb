import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CredentialsDto } from '../../dto/credentials.dto';
import { Role, ROLES } from '../../roles/roles';

export class CreateUserDto extends CredentialsDto {
  @ApiProperty({ enum: ROLES, example: 'operator', description: 'The last admin cannot be given another role' })
  @IsIn(ROLES)
  role!: Role;
}

/** Fields left out keep their values. A new password (an admin resetting it) ends every session of the user. */
export class UpdateUserDto extends PartialType(CreateUserDto) {}
