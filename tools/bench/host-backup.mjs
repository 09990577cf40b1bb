// Host backup part of `npm run bench`: the same data set backed up through the API from this machine and from a
// "remote" host in pull mode (issue 19), each into a fresh repository, and for comparison the same files sent by a
// plain `borg create` to an ssh:// repository on that host (borg's own remote mode, no Borgitory); prints each
// round's times and the host/local ratio. The host is a throwaway sshd on 127.0.0.1 with a fresh unprivileged user
// (the integration specs' own helper, libs/ssh-runner/src/testing/host-sshd.ts, loaded through jiti), so every
// backup reads the same files from the same disk on the same two cores: what differs is the way to the repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  count,
  fail,
  freePort,
  generate,
  loadAverage,
  log,
  now,
  onPath,
  root,
  runChecked,
  seconds,
  Server,
  sleep,
  table,
  warmCache,
} from './common.mjs';

export const DEFAULT_HOST_FILES = 100_000;
const PASSPHRASE = 'bench host passphrase';
const FINISHED = new Set(['completed', 'warning', 'failed', 'cancelled', 'interrupted']);

/** Why this part cannot run here, or null: it needs root (useradd, sshd), OpenSSH's server and socat. */
export function hostBenchUnavailable() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'it needs root (a throwaway user and sshd)';
  if (!existsSync('/usr/sbin/sshd')) return 'OpenSSH server (/usr/sbin/sshd) is not installed';
  if (!onPath('socat')) return 'socat is not installed';
  return null;
}

async function startHost() {
  const { createJiti } = createRequire(join(root, 'package.json'))('jiti');
  const jiti = createJiti(import.meta.url);
  const { startHostSshd } = await jiti.import(join(root, 'libs/ssh-runner/src/testing/host-sshd.ts'));
  return startHostSshd();
}

/** One backup through the API; its time from the request to the job's end, as the job records it. */
async function timedBackup(server, cookie, body) {
  const started = now();
  let { data: job } = await server.request('POST', '/api/v1/backups/manual', { body, cookie, expected: 201 });
  while (!FINISHED.has(job.status)) {
    if (server.exited !== null) fail(`the server exited (${server.exited}) during the backup:\n${server.tail()}`);
    await sleep(100);
    ({ data: job } = await server.request('GET', `/api/v1/jobs/${job.id}`, { cookie }));
  }
  const polledMs = now() - started;
  if (job.status !== 'completed') {
    const { data: logPage } = await server.request('GET', `/api/v1/jobs/${job.id}/logs?limit=1000`, { cookie });
    const lines = (logPage?.lines ?? []).slice(-20).map((line) => `  ${line.level}: ${line.message}`);
    fail(`the backup ended "${job.status}": ${JSON.stringify(job.error)}\n${lines.join('\n')}`);
  }
  return {
    ms: Date.parse(job.finished_at) - Date.parse(job.created_at),
    polledMs,
    files: job.result?.files ?? null,
  };
}

/**
 * borg's own remote mode, for comparison: this machine's borg reads the files and writes through ssh into a
 * repository on the host, kept by the host's `borg serve`.
 */
async function plainSshBackup(work, host, source, round) {
  const key = join(work, 'host-bench-key');
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    BORG_BASE_DIR: join(work, `borg-base-ssh-${round}`),
    BORG_PASSPHRASE: PASSPHRASE,
    BORG_RSH: `ssh -i ${key} -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR`,
  };
  const repository = `ssh://${host.user}@127.0.0.1:${host.port}${host.home}/ssh-repo-${round}`;
  // borg init's advice on keeping the key (a warning on stderr) is shown only if it fails.
  const init = spawnSync('borg', ['init', '--encryption=repokey', repository], { env, encoding: 'utf8' });
  if (init.status !== 0) fail(`borg init ${repository} failed (exit ${init.status ?? init.signal}): ${init.stderr}`);
  warmCache(source);
  const started = now();
  runChecked('borg', ['create', '--compression', 'lz4', `${repository}::plain`, source], { env });
  return { ms: now() - started, files: null };
}

export async function hostBackupBench(work, { files = DEFAULT_HOST_FILES, rounds = 3 } = {}) {
  const unavailable = hostBenchUnavailable();
  if (unavailable) {
    log(`Host backup: skipped, ${unavailable}`);
    return;
  }
  log(`Host backup: ${count(files)} files, ${rounds} pairs (load average ${loadAverage()})`);
  const host = await startHost();
  const server = new Server(work, await freePort(), { dataName: 'host-backup-data' });
  try {
    const source = join(host.home, 'data');
    const generating = now();
    generate(source, files);
    execFileSync('chown', ['-R', `${host.user}:`, source]);
    log(`Generated ${count(files)} files in ${source} for ${host.user} in ${seconds(now() - generating)}`);

    await server.waitHealthy();
    const cookie = await server.setup();
    const { data: created } = await server.request('POST', '/api/v1/hosts', {
      body: { name: 'bench-host', address: `ssh://${host.user}@127.0.0.1:${host.port}` },
      cookie,
      expected: 201,
    });
    const { data: tested } = await server.request('POST', `/api/v1/hosts/${created.id}/install-key`, {
      body: { password: host.password },
      cookie,
    });
    if (!tested.ok) fail(`the host's test failed: ${JSON.stringify(tested)}`);
    log(`Host ready: borg ${tested.borg_version ?? '?'} as ${host.user} over ssh to 127.0.0.1:${host.port}`);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(work, 'host-bench-key')]);
    host.authorize(readFileSync(join(work, 'host-bench-key.pub'), 'utf8'));

    const backUp = async (from, round) => {
      const { data: repository } = await server.request('POST', '/api/v1/repositories', {
        body: { name: `${from}-${round}`, path: join(work, `${from}-repo-${round}`), encryption: 'repokey', passphrase: PASSPHRASE },
        cookie,
        expected: 201,
      });
      warmCache(source);
      const body = { repository_id: repository.id, source_path: source, compression: 'lz4' };
      return timedBackup(server, cookie, from === 'host' ? { ...body, host_id: created.id } : body);
    };
    const pairs = [];
    const kinds = ['local', 'host', 'ssh'];
    for (let round = 1; round <= rounds; round++) {
      // Rotated, so that no kind always runs first (on a warmer or a cooler machine).
      const order = kinds.map((_, index) => kinds[(index + round - 1) % kinds.length]);
      const pair = {};
      for (const from of order) {
        pair[from] = from === 'ssh' ? await plainSshBackup(work, host, source, round) : await backUp(from, round);
        log(`  round ${round}: ${from} ${seconds(pair[from].ms)}`);
      }
      pairs.push(pair);
    }

    const ratios = pairs.map((pair) => pair.host.ms / pair.local.ms).sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)];
    console.log('');
    console.log(`Host backup — ${count(files)} files, a fresh repokey repository each (API: from the job's creation to its end)`);
    console.log(
      table([
        ['round', 'local (API)   host, pull mode (API)   host / local   plain borg to ssh:// on the host'],
        ...pairs.map((pair, index) => [
          String(index + 1),
          `${seconds(pair.local.ms).padEnd(14)}${seconds(pair.host.ms).padEnd(24)}${(pair.host.ms / pair.local.ms).toFixed(2).padEnd(15)}${seconds(pair.ssh.ms)}`,
        ]),
      ]),
    );
    console.log(`  median ratio ${median.toFixed(2)}, best ${ratios[0].toFixed(2)} (load average at the end: ${loadAverage()})`);
    console.log('');
    for (const pair of pairs)
      if (pair.host.files !== pair.local.files) fail(`the host backup saw ${pair.host.files} files and the local one ${pair.local.files}`);
  } finally {
    const exit = await server.stop();
    if (exit !== 0 && exit !== 'SIGTERM') log(`the server exited with ${exit}`);
    await host.stop();
  }
}
