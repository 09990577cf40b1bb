import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/roles/requires.decorator';
import { NamedListQueryDto } from '../platform/filtering/named-list';
import { Page } from '../platform/http/envelope';
import { IdPipe } from '../platform/http/id.pipe';
import { SuccessMessage } from '../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../platform/openapi/api-responses';
import { AuthorizedKeyDto, HostDto } from './dto/host.dto';
import { HostInputDto, HostUpdateDto } from './dto/host-input.dto';
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
  constructor(private readonly hosts: HostsService) {}

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
  @ApiOperation({ summary: 'Forget a host and its host key (kept while a repository or another host uses the same address)' })
  @ApiNoContent()
  @ApiErrors(400, 404)
  remove(@Param('id', IdPipe) id: number): Promise<void> {
    return this.hosts.remove(id);
  }
}
