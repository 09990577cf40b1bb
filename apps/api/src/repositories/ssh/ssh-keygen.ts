import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Injectable } from '@nestjs/common';

const run = promisify(execFile);

/** The ssh-keygen binary: generating the server's key, reading public keys and fingerprints. */
@Injectable()
export class SshKeygen {
  async generateEd25519(privateKeyFile: string, comment: string): Promise<void> {
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', privateKeyFile], { timeout: 30_000 });
  }

  /** The public key of a private key file; rejects when the file is not a usable unencrypted private key. */
  async publicKeyOf(privateKeyFile: string): Promise<string> {
    const { stdout } = await run('ssh-keygen', ['-y', '-P', '', '-f', privateKeyFile], { timeout: 30_000 });
    return stdout.trim();
  }

  async fingerprintOf(publicKeyFile: string): Promise<string> {
    const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyFile], { timeout: 30_000 });
    return stdout.trim().split(/\s+/)[1] ?? '';
  }
}
