import type { SshConnection } from '../types';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What Borgitory keeps for ssh: a key pair and a known_hosts file (not yet written), in a fresh directory. */
export interface TestClient {
  dir: string;
  identityFile: string;
  /** The public key line, for authorized_keys. */
  publicKey: string;
  knownHostsFile: string;
  /** Another key pair in the same directory (a key the host does not know). */
  newKey(name: string): { identityFile: string; publicKey: string };
  remove(): void;
}

export function makeTestClient(): TestClient {
  const dir = mkdtempSync(join(tmpdir(), 'borgitory-ssh-client-'));
  const newKey = (name: string) => {
    const identityFile = join(dir, name);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `test-${name}`, '-f', identityFile]);
    return { identityFile, publicKey: readFileSync(`${identityFile}.pub`, 'utf8').trim() };
  };
  const main = newKey('id_ed25519');
  return {
    dir,
    ...main,
    knownHostsFile: join(dir, 'known_hosts'),
    newKey,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** How the client reaches a test host's user at 127.0.0.1, learning its host key at the first connection. */
export function connectionTo(host: { user: string; port: number }, client: TestClient): SshConnection {
  return {
    user: host.user,
    host: '127.0.0.1',
    port: host.port,
    knownHostsFile: client.knownHostsFile,
    hostKeyPolicy: 'accept-new',
    identityFile: client.identityFile,
  };
}
