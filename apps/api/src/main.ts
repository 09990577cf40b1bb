import 'reflect-metadata';
import { ConfigError, loadConfig } from './platform/config/app-config';
import { createApp } from './platform/create-app';
import { DataDirectoryInUseError } from './platform/data-dir/data-directory-lock';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  process.stdout.write(`Borgitory listening on http://${config.host}:${config.port} (data in ${config.dataDir})\n`);
}

bootstrap().catch((error: unknown) => {
  const expected = error instanceof ConfigError || error instanceof DataDirectoryInUseError;
  process.stderr.write(`${expected ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
