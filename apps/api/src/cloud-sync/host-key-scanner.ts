import { execFile } from 'node:child_process';
import { Injectable } from '@nestjs/common';
import { assertDestination } from '@borgitory/remote-host';

const SCAN_TIMEOUT_SECONDS = 10;

/** Reads an SSH server's public host keys (`ssh-keyscan`), for a first connection that trusts what it sees. */
@Injectable()
export class HostKeyScanner {
  /**
   * "ssh-ed25519 AAAA…" lines, or an error saying why none could be read. A host or port that is not plainly one
   * rejects with RefusedDestinationError before ssh-keyscan is started.
   */
  async scan(host: string, port: number): Promise<string[]> {
    assertDestination({ host, port }, 'bare');
    return new Promise((resolve, reject) => {
      execFile(
        'ssh-keyscan',
        ['-T', String(SCAN_TIMEOUT_SECONDS), '-p', String(port), '--', host],
        { timeout: (SCAN_TIMEOUT_SECONDS + 5) * 1000, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' } },
        (error, stdout) => {
          const keys = stdout
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== '' && !line.startsWith('#'))
            .map((line) => line.split(/\s+/).slice(1, 3).join(' '));
          if (keys.length > 0) return resolve(keys);
          reject(new Error(error?.code === 'ENOENT' ? 'ssh-keyscan is not installed' : `no SSH server answered at ${host}:${port}`));
        },
      );
    });
  }
}
