import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupAdmin, startTestApp } from './support/test-app';

const PASSPHRASE = 'argv-canary-passphrase-9f3b';

interface Seen {
  borgProcesses: number;
  leaks: string[];
  passphraseInEnviron: number;
}

/** Reads every process's command line (and borg's environment) until stopped. */
function watchProcesses(): { stop: () => Seen } {
  const seen: Seen = { borgProcesses: 0, leaks: [], passphraseInEnviron: 0 };
  const pids = new Set<string>();
  const timer = setInterval(() => {
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        if (cmdline.includes(PASSPHRASE)) seen.leaks.push(cmdline);
        if (/\bborg\b/.test(cmdline) && !pids.has(pid) && !cmdline.includes('jest')) {
          pids.add(pid);
          seen.borgProcesses++;
          if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`BORG_PASSPHRASE=${PASSPHRASE}`)) seen.passphraseInEnviron++;
        }
      } catch {
        // the process ended while we looked
      }
    }
  }, 5);
  return { stop: () => (clearInterval(timer), seen) };
}

describe('passphrases and process arguments', () => {
  it('never appear in the command line of a borg child, only in its environment', async () => {
    const testApp = await startTestApp();
    const work = mkdtempSync(join(tmpdir(), 'borgitory-argv-'));
    const watcher = watchProcesses();
    try {
      const agent = await setupAdmin(testApp);
      const created = await agent
        .post('/api/repositories')
        .send({ name: 'Canary', path: join(work, 'repo'), encryption: 'repokey', passphrase: PASSPHRASE })
        .expect(201);
      const id = created.body.data.id;
      for (let i = 0; i < 3; i++) {
        await agent.post(`/api/repositories/${id}/test`).expect(200);
        await agent.get(`/api/repositories/${id}/info`).expect(200);
        await agent.get(`/api/repositories/${id}/key`).expect(200);
      }
    } finally {
      const seen = watcher.stop();
      await testApp.close();
      rmSync(work, { recursive: true, force: true });
      expect(seen.leaks).toEqual([]);
      expect(seen.borgProcesses).toBeGreaterThan(0);
      expect(seen.passphraseInEnviron).toBeGreaterThan(0);
    }
  });
});
