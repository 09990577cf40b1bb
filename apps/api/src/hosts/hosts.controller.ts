import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/roles/requires.decorator';
import { NamedListQueryDto } from '../platform/filtering/named-list';
import { Page } from '../platform/http/envelope';
import { IdPipe } from '../platform/http/id.pipe';
import { SuccessMessage } from '../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../platform/openapi/api-responses';
import { DirectoryListingDto } from '../backups/dto/directory-listing.dto';
import { AuthorizedKeyDto, HostDto, HostTestDto } from './dto/host.dto';
import { HostDirectoryQueryDto, HostInputDto, HostUpdateDto, InstallKeyDto } from './dto/host-input.dto';
import { HostDirectories } from './host-directories';
import { HostKeyInstallation } from './host-key-installation';
import { HostTests } from './host-tests';
import { HostsService } from './hosts.service';

const AUTHORIZED_KEY_DESCRIPTION = [
  "Borgitory's own ssh public key (the one remote repositories use, `GET /api/v1/ssh/public-key`), written as the line to",
  "append to `~/.ssh/authorized_keys` of the host's user. `restrict` turns off everything optional for this key:",
  'port, agent and X11 forwarding, a pseudo-terminal, and `~/.ssh/rc`. `port-forwarding` then allows forwarding',
  'again, because pull mode needs it: Borgitory forwards a UNIX socket from the host back to its own `borg serve`, and',
  "the host's borg reaches the repository only through it. Commands still run as that user.",
].join(' ');

@ApiTags('hosts')
@Controller('hosts')
export class HostsController {
  constructor(
    private readonly hosts: HostsService,
    private readonly tests: HostTests,
    private readonly keyInstallation: HostKeyInstallation,
    private readonly directories: HostDirectories,
  ) {}

  @Requires('viewer')
  @Get()
  @ApiOperation({ summary: 'List hosts, with the fingerprint of the host key known for each' })
  @ApiEnvelope(HostDto, { paginated: true })
  @ApiErrors(400)
  list(@Query() query: NamedListQueryDto): Promise<Page<HostDto>> {
    return this.hosts.list(query);
  }

  @Requires('admin')
  @Post()
  @SuccessMessage('Host added')
  @ApiOperation({ summary: 'Add a host reached over ssh; host_key (required for strict) goes into known_hosts for its address' })
  @ApiEnvelope(HostDto, { status: 201 })
  @ApiErrors(409, 422)
  create(@Body() body: HostInputDto): Promise<HostDto> {
    return this.hosts.create(body);
  }

  // Before ':id', so that /hosts/authorized-key is not taken for a host id.
  @Requires('admin')
  @Get('authorized-key')
  @ApiOperation({
    summary: "The authorized_keys line that lets Borgitory log in to a host's user",
    description: AUTHORIZED_KEY_DESCRIPTION,
  })
  @ApiEnvelope(AuthorizedKeyDto)
  authorizedKey(): Promise<AuthorizedKeyDto> {
    return this.hosts.authorizedKey();
  }

  @Requires('viewer')
  @Get(':id')
  @ApiOperation({ summary: 'One host' })
  @ApiEnvelope(HostDto)
  @ApiErrors(400, 404)
  get(@Param('id', IdPipe) id: number): Promise<HostDto> {
    return this.hosts.get(id);
  }

  @Requires('admin')
  @Put(':id')
  @SuccessMessage('Host updated')
  @ApiOperation({ summary: "Change a host; a new address leaves the old one's host key behind unless a repository or host uses it" })
  @ApiEnvelope(HostDto)
  @ApiErrors(400, 404, 409, 422)
  update(@Param('id', IdPipe) id: number, @Body() body: HostUpdateDto): Promise<HostDto> {
    return this.hosts.update(id, body);
  }

  @Requires('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Forget a host and its host key (kept while a repository or another host uses the same address)',
    description: 'Refused with 409 HOST_IN_USE while schedules back the host up; `details.used_by` names them.',
  })
  @ApiNoContent()
  @ApiErrors(400, 404, 409)
  remove(@Param('id', IdPipe) id: number): Promise<void> {
    return this.hosts.remove(id);
  }

  @Requires('operator')
  @Post(':id/test')
  @HttpCode(200)
  @SuccessMessage('Host tested')
  @ApiOperation({
    summary: 'Test a host: reachable, Borgitory let in, borg and socat installed, the remote user and its free space',
    description:
      "A host that fails is an answer (ok false, each problem with what fixes it), not an error. The outcome is kept as the host's last_test.",
  })
  @ApiEnvelope(HostTestDto)
  @ApiErrors(400, 404)
  async test(@Param('id', IdPipe) id: number): Promise<HostTestDto> {
    return this.tests.test(await this.hosts.find(id));
  }

  @Requires('admin')
  @Post(':id/install-key')
  @HttpCode(200)
  @SuccessMessage('Key installed')
  @ApiOperation({
    summary: "Add Borgitory's key line to the host user's authorized_keys with that user's password, then test the host",
    description:
      'The password is used once for one ssh login and is never stored, logged or recorded in the audit trail. A refused password is 422 SSH_AUTHENTICATION_FAILED.',
  })
  @ApiEnvelope(HostTestDto)
  @ApiErrors(400, 404, 422)
  async installKey(@Param('id', IdPipe) id: number, @Body() body: InstallKeyDto): Promise<HostTestDto> {
    const host = await this.hosts.find(id);
    const { authorized_key } = await this.hosts.authorizedKey();
    await this.keyInstallation.install(host, body.password, authorized_key);
    return this.tests.test(host);
  }

  @Requires('operator')
  @Get(':id/directories')
  @ApiOperation({
    summary: 'List a directory of the host over SFTP, as its user sees it (to choose what to back up); at most 1000 entries',
  })
  @ApiEnvelope(DirectoryListingDto)
  @ApiErrors(400, 403, 404, 422)
  async directory(@Param('id', IdPipe) id: number, @Query() query: HostDirectoryQueryDto): Promise<DirectoryListingDto> {
    return this.directories.list(await this.hosts.find(id), query.path);
  }
}
