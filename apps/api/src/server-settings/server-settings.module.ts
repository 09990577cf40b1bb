import { Module } from '@nestjs/common';
import { ServerSettingsController } from './server-settings.controller';

@Module({ controllers: [ServerSettingsController] })
export class ServerSettingsModule {}
