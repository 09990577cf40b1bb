import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../../platform/openapi/api-responses';
import { SshPublicKeyDto } from '../dto/repository-results.dto';
import { SshKeysService } from './ssh-keys.service';
import { Requires } from '../../auth/roles/requires.decorator';

@ApiTags('ssh')
@Controller('ssh')
export class SshController {
  constructor(private readonly sshKeys: SshKeysService) {}

  @Requires('viewer')
  @Get('public-key')
  @ApiOperation({ summary: "Borgitory's own ssh public key (made on first use): add it to the backup server's authorized_keys" })
  @ApiEnvelope(SshPublicKeyDto)
  async publicKey(): Promise<SshPublicKeyDto> {
    const key = await this.sshKeys.serverPublicKey();
    return { public_key: key.publicKey, fingerprint: key.fingerprint };
  }
}
