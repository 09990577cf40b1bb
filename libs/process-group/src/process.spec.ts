import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { spawnGroup } from './process';

const makeTempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `process-group-${prefix}-`));
const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** An executable /bin/sh script in dir. */
function writeScript(dir: string, body: string): string {
  const path = join(dir, 'script');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** True while the process exists and is not a zombie. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('spawnGroup', () => {
  let dir: string;
  beforeEach(() => (dir = makeTempDir('process')));
  afterEach(() => removeDir(dir));

  it('starts the child as leader of its own process group', async () => {
    const bin = writeScript(dir, 'ps -o pgid= -p $$ > "$0.pgid"');
    const child = spawnGroup({ bin, args: [], env: { PATH: process.env['PATH'] ?? '' }, stdout: 'ignore', onStderr: () => undefined });
    await expect(child.exited).resolves.toMatchObject({ code: 0, stoppedBy: null, spawnError: null });
    expect(Number(readFileSync(`${bin}.pgid`, 'utf8').trim())).toBe(child.pid);
  });

  it('feeds stdin when given and closes it', async () => {
    const bin = writeScript(dir, 'cat > "$0.in"');
    const child = spawnGroup({ bin, args: [], env: {}, stdin: 'key text\n', stdout: 'ignore', onStderr: () => undefined });
    await child.exited;
    expect(readFileSync(`${bin}.in`, 'utf8')).toBe('key text\n');
  });

  it('pipes a stream into stdin until it ends', async () => {
    const bin = writeScript(dir, 'cat > "$0.in"');
    const input = new PassThrough();
    const child = spawnGroup({ bin, args: [], env: {}, stdin: input, stdout: 'ignore', onStderr: () => undefined });
    input.write('first ');
    setTimeout(() => input.end('second'), 50);
    await child.exited;
    expect(readFileSync(`${bin}.in`, 'utf8')).toBe('first second');
  });

  it('SIGTERMs running groups when the Node process exits', async () => {
    // Each pid file appears whole (written, then renamed), the child's before the grandchild's that the parent waits for.
    const bin = writeScript(
      dir,
      'echo $$ > "$0.tmp" && mv "$0.tmp" "$0.child"\nsleep 1000 &\necho $! > "$0.tmp" && mv "$0.tmp" "$0.grandchild"\nwait',
    );
    const script = join(dir, 'parent.js');
    writeFileSync(
      script,
      `require(${JSON.stringify(require.resolve('ts-node'))}).register({ transpileOnly: true, skipProject: true, compilerOptions: { module: 'commonjs', target: 'es2022' } });
const { spawnGroup } = require(${JSON.stringify(join(__dirname, 'process.ts'))});
spawnGroup({ bin: ${JSON.stringify(bin)}, args: [], env: {}, stdout: 'ignore', onStderr: () => undefined });
const timer = setInterval(() => {
  if (require('fs').existsSync(${JSON.stringify(`${bin}.grandchild`)})) { clearInterval(timer); process.exit(0); }
}, 20);`,
    );
    await promisify(execFile)(process.execPath, [script], { timeout: 20_000 });
    expect(existsSync(`${bin}.child`)).toBe(true);
    const pids = [`${bin}.child`, `${bin}.grandchild`].map((f) => Number(readFileSync(f, 'utf8').trim()));
    await waitFor(() => pids.every((pid) => !isAlive(pid)), 2000);
  }, 30_000);
});
