import type { Agent } from 'supertest';
import type { TestHost } from '@borgitory/ssh-runner/testing';

export interface PulledHost {
  repositoryId: number;
  hostId: number;
}

/**
 * A repokey repository at `repositoryPath` and the test host added under `hostName`, Borgitory's key installed with
 * the host user's password (which also tests the host): what a backup of the host in pull mode needs.
 */
export async function addPulledHost(
  admin: Agent,
  host: TestHost,
  { hostName, repositoryPath, passphrase }: { hostName: string; repositoryPath: string; passphrase: string },
): Promise<PulledHost> {
  const repository = await admin
    .post('/api/v1/repositories')
    .send({ name: 'pulled', path: repositoryPath, encryption: 'repokey', passphrase })
    .expect(201);
  const created = await admin
    .post('/api/v1/hosts')
    .send({ name: hostName, address: `ssh://${host.user}@127.0.0.1:${host.port}` })
    .expect(201);
  const hostId = created.body.data.id as number;
  await admin.post(`/api/v1/hosts/${hostId}/install-key`).send({ password: host.password }).expect(200);
  return { repositoryId: repository.body.data.id as number, hostId };
}
