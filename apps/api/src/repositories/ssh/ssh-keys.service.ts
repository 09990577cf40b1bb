import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { DomainError } from '../../platform/errors/domain-error';
import { SshKeygen } from './ssh-keygen';

export interface ServerPublicKey {
  publicKey: string;
  fingerprint: string;
}

/**
 * Everything ssh under <data dir>/ssh: the server's own ed25519 key (made on
 * first use), the known_hosts file, and short-lived files for user-supplied
 * private keys, which exist only while a borg command runs.
 */
@Injectable()
export class SshKeysService {
  private readonly dir: string;
  private serverKey: Promise<string> | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly keygen: SshKeygen,
  ) {
    this.dir = join(config.dataDir, 'ssh');
  }

  get knownHostsFile(): string {
    return join(this.dir, 'known_hosts');
  }

  /** The server's private key file, generated the first time it is needed. */
  serverKeyFile(): Promise<string> {
    this.serverKey ??= this.ensureServerKey().catch((error: unknown) => {
      this.serverKey = undefined;
      throw error;
    });
    return this.serverKey;
  }

  async serverPublicKey(): Promise<ServerPublicKey> {
    const file = await this.serverKeyFile();
    const publicKey = (await readFile(`${file}.pub`, 'utf8')).trim();
    return { publicKey, fingerprint: await this.keygen.fingerprintOf(`${file}.pub`) };
  }

  /** Refuses (422) a private key that ssh could not use: malformed, or protected by a passphrase. */
  async assertUsablePrivateKey(privateKey: string): Promise<void> {
    await this.withPrivateKeyFile(privateKey, async (file) => {
      try {
        await this.keygen.publicKeyOf(file);
      } catch {
        throw DomainError.validation('Invalid input data: ssh_private_key', {
          ssh_private_key: ['Not an unencrypted OpenSSH or PEM private key (keys with a passphrase are not supported)'],
        });
      }
    });
  }

  /** Writes the key to a 0600 file for the duration of `use`, then removes it. */
  async withPrivateKeyFile<T>(privateKey: string, use: (file: string) => Promise<T>): Promise<T> {
    const tempDir = join(this.dir, 'tmp');
    await mkdir(tempDir, { recursive: true, mode: 0o700 });
    const file = join(tempDir, `key-${randomUUID()}`);
    await writeFile(file, privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`, { mode: 0o600 });
    try {
      return await use(file);
    } finally {
      await rm(file, { force: true });
    }
  }

  private async ensureServerKey(): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, 'id_ed25519');
    if (!existsSync(file)) await this.keygen.generateEd25519(file, `borgitory@${hostname()}`);
    return file;
  }
}
