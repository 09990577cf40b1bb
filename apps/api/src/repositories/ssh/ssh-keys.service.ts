import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { DomainError } from '../../platform/errors/domain-error';
import { ServerFiles } from '../../platform/files/server-files';
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
    private readonly files: ServerFiles,
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
    const publicKey = (await this.files.readText(`${file}.pub`)).trim();
    return { publicKey, fingerprint: await this.keygen.fingerprintOf(`${file}.pub`) };
  }

  /** Refuses (422) a private key that ssh could not use: malformed, or protected by a passphrase. */
  async assertUsablePrivateKey(privateKey: string): Promise<void> {
    await this.withPrivateKeyFile(privateKey, async (file) => {
      try {
        await this.keygen.publicKeyOf(file);
      } catch {
        throw DomainError.invalidInput({
          ssh_private_key: ['Not an unencrypted OpenSSH or PEM private key (keys with a passphrase are not supported)'],
        });
      }
    });
  }

  /** Writes the key to a 0600 file for the duration of `use`, then removes it. */
  async withPrivateKeyFile<T>(privateKey: string, use: (file: string) => Promise<T>): Promise<T> {
    const file = join(this.dir, 'tmp', `key-${randomUUID()}`);
    await this.files.writePrivate(file, privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`);
    try {
      return await use(file);
    } finally {
      await this.files.remove(file);
    }
  }

  private async ensureServerKey(): Promise<string> {
    await this.files.makePrivateDirectory(this.dir);
    const file = join(this.dir, 'id_ed25519');
    if (!(await this.files.exists(file))) await this.keygen.generateEd25519(file, `borgitory@${hostname()}`);
    return file;
  }
}
