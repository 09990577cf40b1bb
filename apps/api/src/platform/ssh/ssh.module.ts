import { Global, Module } from '@nestjs/common';
import { SshRunner } from '@borgitory/ssh-runner';

/** The OpenSSH client as hosts are reached with it (connection test, key installation, SFTP, pull-mode tunnels). */
@Global()
@Module({
  providers: [{ provide: SshRunner, useFactory: () => new SshRunner() }],
  exports: [SshRunner],
})
export class SshModule {}
