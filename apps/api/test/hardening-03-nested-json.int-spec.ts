import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@borgitory/borg-runner/testing';
import { MAX_JSON_DEPTH } from '../src/platform/http/json-depth';
import { exited, startServerProcess } from './support/server-process';

const STACK_TRACE = /\n\s+at |RangeError|Maximum call stack/;
/** How long the four attacking clients keep at it (the report measured 10 s; a few show the same). */
const ATTACK_MS = Number(process.env.HARDENING_ATTACK_MS ?? 3000);
// The goal on a quiet machine. When other test workers already slow the server down while nobody attacks it, the
// attack may add no more than that slowness again: the unfixed server's p50 was about 1 s, 100 times its idle p50.
const STATUS_P50_LIMIT_MS = 20;
const IDLE_FACTOR = 3;

/** `{"username": [[[…]]], "password": "x"}` of about `bytes` bytes: the attack of issue 13, item 3. */
function nestedArraysBody(bytes: number): string {
  const depth = Math.floor(bytes / 2);
  return `{"username":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}`;
}

/** A value nested `depth` levels deep, arrays and objects in turn (the body object itself is one level). */
function nestedValue(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 1; level <= depth; level++) value = level % 2 ? [value] : { inner: value };
  return value;
}

interface Attack {
  /** The child has built its body and sends. */
  started: Promise<void>;
  /** The status of every answer the attackers got. */
  statuses: Promise<number[]>;
}

/**
 * `clients` loops that POST the 900 KB attack to `url` for `ms`, in a child
 * process so that this process's event loop times only the server.
 */
function attackFromChild(url: string, clients: number, ms: number): Attack {
  const script = `
    const [url, clients, ms] = process.argv.slice(1);
    const depth = Math.floor((900 * 1024) / 2);
    const body = '{"username":' + '['.repeat(depth) + ']'.repeat(depth) + ',"password":"x"}';
    const end = Date.now() + Number(ms);
    const statuses = [];
    const client = async () => {
      while (Date.now() < end) {
        const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
    };
    process.stdout.write('started\\n');
    Promise.all(Array.from({ length: Number(clients) }, client)).then(() => process.stdout.write(JSON.stringify(statuses)));
  `;
  const child = spawn(process.execPath, ['-e', script, url, String(clients), String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.startsWith('started\n')) markStarted();
  });
  const statuses = new Promise<number[]>((resolve, reject) =>
    child.once('close', (code) =>
      code === 0 ? resolve(JSON.parse(output.slice('started\n'.length)) as number[]) : reject(new Error(`attacker exited ${code}`)),
    ),
  );
  return { started, statuses };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('deeply nested JSON bodies (issue 13, item 3)', () => {
  let dataDir: string;
  let server: ChildProcess;
  let base: string;
  let serverOutput = '';

  const post = (path: string, body: string, method = 'POST') =>
    fetch(`${base}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'borgitory-nested-json-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await startServerProcess(dataDir, port, { onOutput: (text) => (serverOutput += text) });
  });
  afterAll(async () => {
    server?.kill('SIGTERM');
    if (server) await exited(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Latencies of /api/auth/status, one request every 20 ms while `go` says so. */
  async function timeStatusWhile(go: (latencies: number[]) => boolean): Promise<number[]> {
    const latencies: number[] = [];
    while (go(latencies)) {
      const started = performance.now();
      const response = await fetch(`${base}/api/auth/status`);
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      expect(response.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return latencies;
  }

  it('answers 900 KB of nested arrays to /api/auth/login with 400 naming the limit, and logs no stack', async () => {
    const response = await post('/api/auth/login', nestedArraysBody(900 * 1024));
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.error).toEqual({
      code: 'BAD_REQUEST',
      message: `JSON body is nested more than ${MAX_JSON_DEPTH} levels deep`,
      details: { max_depth: MAX_JSON_DEPTH },
    });
    expect(serverOutput).not.toMatch(STACK_TRACE);
  });

  it.each([
    ['POST', '/api/auth/setup'],
    ['POST', '/api/repositories'],
    ['PUT', '/api/schedules/1'],
    ['POST', '/api/no-such-route'],
  ])('refuses nesting past the limit on %s %s before anything else looks at the body', async (method, path) => {
    const tooDeep = await post(path, JSON.stringify({ name: nestedValue(MAX_JSON_DEPTH) }), method);
    expect(tooDeep.status).toBe(400);
    expect((await tooDeep.json()).error.details).toEqual({ max_depth: MAX_JSON_DEPTH });
  });

  it('decodes the charset before counting (a UTF-16 body is refused the same way)', async () => {
    const tooDeep = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-16le' },
      body: Buffer.from(JSON.stringify({ username: nestedValue(MAX_JSON_DEPTH) }), 'utf16le'),
    });
    expect(tooDeep.status).toBe(400);
    expect((await tooDeep.json()).error.details).toEqual({ max_depth: MAX_JSON_DEPTH });
  });

  it('lets a body at the limit, and brackets inside strings, through to validation', async () => {
    const atLimit = await post('/api/auth/setup', JSON.stringify({ username: nestedValue(MAX_JSON_DEPTH - 1), password: 'x' }));
    expect(atLimit.status).toBe(422);
    expect((await atLimit.json()).error.details).toHaveProperty('username');

    const bracketsInStrings = await post('/api/auth/setup', JSON.stringify({ username: '[{'.repeat(5000), password: '\\"[[[' }));
    expect(bracketsInStrings.status).toBe(422);
  });

  it('accepts a real body with nested hooks (the deepest the API takes)', async () => {
    const setup = await post('/api/auth/setup', JSON.stringify({ username: 'admin', password: 'correct horse battery staple' }));
    expect(setup.status).toBe(201);
    const cookie = setup.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .find((pair) => pair.startsWith('borgitory.sid='));
    const headers = { 'Content-Type': 'application/json', Cookie: cookie ?? '' };
    const repository = await fetch(`${base}/api/repositories`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'nested', path: join(dataDir, 'repo'), encryption: 'none' }),
    });
    expect(repository.status).toBe(201);
    const { data } = await repository.json();
    const schedule = await fetch(`${base}/api/schedules`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'Nightly',
        repository_id: data.id,
        source_paths: [dataDir],
        cron_expression: '0 3 * * *',
        pre_hooks: [{ name: 'db dump', command: ['/bin/true', '--quiet'], timeout_seconds: 30 }],
      }),
    });
    expect(schedule.status).toBe(201);
  });

  it(`keeps /api/auth/status answering in under ${STATUS_P50_LIMIT_MS} ms (p50, or ${IDLE_FACTOR}× its idle p50 on a busy machine) while four clients send the attack`, async () => {
    const idle = await timeStatusWhile((latencies) => latencies.length < 20);
    const attack = attackFromChild(`${base}/api/auth/login`, 4, ATTACK_MS);
    let attacking = true;
    const attackStatuses = attack.statuses.finally(() => (attacking = false));
    await attack.started;
    const latencies = await timeStatusWhile(() => attacking);
    const statuses = await attackStatuses;
    const p50 = median(latencies);
    console.log(
      `/api/auth/status p50 ${median(idle).toFixed(1)} ms idle, ${p50.toFixed(1)} ms (${latencies.length} requests) ` +
        `during ${statuses.length} attacking requests in ${ATTACK_MS} ms`,
    );
    expect(statuses.length).toBeGreaterThan(8);
    expect(new Set(statuses)).toEqual(new Set([400]));
    expect(p50).toBeLessThan(Math.max(STATUS_P50_LIMIT_MS, IDLE_FACTOR * median(idle)));
    expect(serverOutput).not.toMatch(STACK_TRACE);
  });
});
