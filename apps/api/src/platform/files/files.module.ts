import { Global, Module } from '@nestjs/common';
import { ServerFiles } from './server-files';

@Global()
@Module({ providers: [ServerFiles], exports: [ServerFiles] })
export class FilesModule {}
