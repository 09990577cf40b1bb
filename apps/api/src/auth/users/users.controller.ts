import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '../../platform/http/envelope';
import { UserListQueryDto } from './dto/user-list-query.dto';
import { SuccessMessage } from '../../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../../platform/openapi/api-responses';
import { UserDto } from '../dto/user.dto';
import { Requires } from '../roles/requires.decorator';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { CreateUserDto, UpdateUserDto } from './dto/user-input.dto';
import { UserAccountsService } from './user-accounts.service';
import { IdPipe } from '../../platform/http/id.pipe';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly accounts: UserAccountsService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Requires('admin')
  @Get()
  @ApiOperation({ summary: 'List users' })
  @ApiEnvelope(UserDto, { paginated: true })
  @ApiErrors(400)
  list(@Query() query: UserListQueryDto): Promise<Page<UserDto>> {
    return this.accounts.list(query);
  }

  @Requires('admin')
  @Post()
  @SuccessMessage('User created')
  @ApiOperation({ summary: 'Create a user with a role' })
  @ApiEnvelope(UserDto, { status: 201 })
  @ApiErrors(409, 422)
  create(@Body() body: CreateUserDto): Promise<UserDto> {
    return this.accounts.create(body);
  }

  @Requires('admin')
  @Get(':id')
  @ApiOperation({ summary: 'One user' })
  @ApiEnvelope(UserDto)
  @ApiErrors(400, 404)
  get(@Param('id', IdPipe) id: number): Promise<UserDto> {
    return this.accounts.get(id);
  }

  @Requires('admin')
  @Put(':id')
  @SuccessMessage('User updated')
  @ApiOperation({
    summary: 'Change a user: name, role, or a new password',
    description: 'Fields left out keep their values. A new password ends all of the user’s sessions. The last admin keeps the role.',
  })
  @ApiEnvelope(UserDto)
  @ApiErrors(400, 404, 409, 422)
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.accounts.update(id, body);
  }

  @Requires('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a user and end their sessions (not the last admin)' })
  @ApiNoContent()
  @ApiErrors(400, 404, 409)
  remove(@Param('id', IdPipe) id: number): Promise<void> {
    return this.accounts.remove(id);
  }

  @Requires('admin')
  @Delete(':id/two-factor')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Turn off a user’s two-factor sign-in (a lost authenticator); their recovery codes are deleted',
    description: '409 when the user does not use two-factor sign-in. Their sessions are not ended.',
  })
  @ApiNoContent()
  @ApiErrors(400, 404, 409)
  resetTwoFactor(@Param('id', IdPipe) id: number): Promise<void> {
    return this.twoFactor.reset(id);
  }
}
