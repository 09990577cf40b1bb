import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { descendantsOf } from './testing/helpers';
import { RealBorgFixture } from './testing/real-borg';

interface ProcSnapshot {
  pid: number;
  cmdline: string;
  environ: string;
}

function snapshot(pid: number): ProcSnapshot | null {
  try {
    return {
      pid,
      cmdline: readFileSync(`/proc/${pid}/cmdline`).toString('utf8').split('\0').join(' '),
      environ: readFileSync(`/proc/${pid}/environ`).toString('utf8'),
    };
  } catch {
    return null; // already gone
  }
}

jest.setTimeout(30_000);

describe('BorgRunner on real borg: the passphrase', () => {
  let fx: RealBorgFixture;
  beforeEach(() => (fx = new RealBorgFixture()));
  afterEach(() => fx.cleanup());

  it('is in the environment of the running borg, never on its command line or its descendants’', async () => {
    const passphrase = `pp-${randomBytes(12).toString('hex')}`;
    const conn = { ...fx.connection('repo'), passphrase };
    await fx.runner.init(conn, { encryption: 'repokey' });
    const src = fx.sourceTree({ 'big.bin': randomBytes(8_000_000), 'small.txt': 'x' });

    const seen: ProcSnapshot[] = [];
    let borgPid = 0;
    const outcome = await fx.runner.create(conn, {
      archive: 'a',
      paths: [src],
      onSpawn: (pid) => {
        borgPid = pid;
        const own = snapshot(pid);
        if (own) seen.push(own);
      },
      onEvent: (event) => {
        if (event.type !== 'archive_progress' || event.finished) return;
        for (const pid of [borgPid, ...descendantsOf(borgPid)]) {
          const s = snapshot(pid);
          if (s) seen.push(s);
        }
      },
    });
    expect(outcome.exitCode).toBe(0);

    expect(seen.length).toBeGreaterThan(0); // at spawn, plus (timing permitting) while archiving
    const own = seen[0];
    expect(own.pid).toBe(borgPid);
    expect(own.cmdline).toMatch(/borg --log-json --progress create --json -- \S+::a /);
    expect(own.environ.split('\0')).toContain(`BORG_PASSPHRASE=${passphrase}`);
    for (const s of seen) expect(s.cmdline).not.toContain(passphrase);
  });
});
