import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { freePort, writeTree } from '@borgitory/borg-runner/testing';
import request from 'supertest';
import { waitForFinish } from './support/job-client';
import { waitUntil } from './support/job-executors';
import { exited, startServerProcess } from './support/server-process';
import { ADMIN } from './support/test-app';

jest.setTimeout(120_000);

interface Entry {
  path: string;
  kind: 'directory' | 'file' | 'symlink';
  mode: string;
}

/** Every file and directory under root (symlinks themselves, never what they point to), with its permission bits. */
function modesUnder(root: string): Entry[] {
  const found: Entry[] = [{ path: '.', kind: 'directory', mode: permissions(root) }];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stats = lstatSync(path);
      const kind: Entry['kind'] = stats.isSymbolicLink() ? 'symlink' : stats.isDirectory() ? 'directory' : 'file';
      found.push({ path: relative(root, path), kind, mode: permissions(path) });
      if (kind === 'directory') walk(path);
    }
  };
  walk(root);
  return found;
}

/** Directories must be 0700 and files 0600; links are left as they are. */
function notPrivate(entry: Entry): boolean {
  return entry.kind !== 'symlink' && entry.mode !== (entry.kind === 'directory' ? '0700' : '0600');
}

function permissions(path: string): string {
  return (lstatSync(path).mode & 0o777).toString(8).padStart(4, '0');
}

describe('item 8: the data directory is private to the server’s user', () => {
  let work: string;
  let dataDir: string;
  let port: number;
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('makes a pre-created 0755 directory 0700 and every file in it 0600, including what the server creates later, and logs what it changed', async () => {
    work = mkdtempSync(join(tmpdir(), 'borgitory-modes-'));
    // What an administrator might have prepared: a world-readable directory holding a world-readable file.
    dataDir = join(work, 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'notes.txt'), 'left here by hand\n');
    chmodSync(join(dataDir, 'notes.txt'), 0o644);
    mkdirSync(join(dataDir, 'jobs'));
    chmodSync(join(dataDir, 'jobs'), 0o755);
    // Something outside the data directory that a link inside points to must keep its mode.
    const outside = writeTree(join(work, 'outside'), { 'shared.txt': 'for everyone\n' });
    chmodSync(join(outside, 'shared.txt'), 0o644);
    chmodSync(outside, 0o755);
    symlinkSync(join(outside, 'shared.txt'), join(dataDir, 'link-to-shared.txt'));
    symlinkSync(outside, join(dataDir, 'link-to-outside'));

    let output = '';
    port = await freePort();
    const server = await startServerProcess(dataDir, port, { onOutput: (text) => (output += text) });
    try {
      const agent = request.agent(`http://127.0.0.1:${port}`);
      await agent.post('/api/auth/setup').send(ADMIN).expect(201);
      const source = writeTree(join(work, 'source'), { 'a.txt': 'alpha\n', 'sub/b.txt': 'beta\n' });
      const repository = await agent
        .post('/api/repositories')
        .send({ name: 'Modes', path: join(work, 'repo'), encryption: 'repokey', passphrase: 'a passphrase for the test' })
        .expect(201);
      const repositoryId = repository.body.data.id;
      const started = await agent
        .post('/api/backups/manual')
        .send({ repository_id: repositoryId, source_path: source, archive_name: 'first' })
        .expect(201);
      expect((await waitForFinish(agent, started.body.data.id, 60_000)).status).toBe('completed');
      const archive = `/api/repositories/${repositoryId}/archives/first`;
      expect([200, 202]).toContain((await agent.get(`${archive}/browse`)).status);
      await waitUntil(async () => (await agent.get(`${archive}/index`).expect(200)).body.data.state === 'ready');
      await agent.get('/api/ssh/public-key').expect(200);

      const found = modesUnder(dataDir);
      const paths = found.map((entry) => entry.path);
      // Everything the issue names exists, so the check below covers it.
      for (const expected of [
        'borgitory.db',
        'borgitory.db-wal',
        'borgitory.db-shm',
        'secret.key',
        'jobs/1.log',
        'ssh/id_ed25519',
        'borg',
      ]) {
        expect(paths).toContain(expected);
      }
      expect(paths.some((path) => /^archive-indexes\/\d+\/[0-9a-f]+\.sqlite$/.test(path))).toBe(true);
      expect(found.filter(notPrivate)).toEqual([]);
      expect(permissions(join(outside, 'shared.txt'))).toBe('0644');
      expect(permissions(outside)).toBe('0755');

      const logged = output.split('\n').find((line) => line.includes('group and others'));
      expect(logged).toBeDefined();
      expect(logged).toContain(`${dataDir} 0755 → 0700`);
      expect(logged).toContain('notes.txt 0644 → 0600');
      expect(logged).toContain('jobs 0755 → 0700');
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
  });

  it('says nothing at the next start, when the modes are already right', async () => {
    let output = '';
    const server = await startServerProcess(dataDir, port, { onOutput: (text) => (output += text) });
    try {
      expect(output).not.toContain('group and others');
      expect(modesUnder(dataDir).filter(notPrivate)).toEqual([]);
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
  });
});
