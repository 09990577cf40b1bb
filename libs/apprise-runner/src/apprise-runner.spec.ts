import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveMembersOf } from '@borgitory/process-group';
import { APPRISE_SCHEMES } from './apprise-schemes';
import { AppriseRunner } from './apprise-runner';
import { startHttpReceiver, startSmtpReceiver, type TestHttpReceiver } from './testing';

jest.setTimeout(60_000);

/** Every process's argv that can be read, as text. */
function allCommandLines(): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        return [readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')];
      } catch {
        return [];
      }
    });
}

const token = () => `tok${randomBytes(12).toString('hex')}`;

/** The real apprise 1.2.0 sending to real receivers on 127.0.0.1. */
describe('AppriseRunner', () => {
  let root: string;
  let workDir: string;
  let runner: AppriseRunner;
  let receivers: Array<{ stop(): Promise<void> }>;
  const callDirs = () => (existsSync(workDir) ? readdirSync(workDir) : []);
  async function receiver(...args: Parameters<typeof startHttpReceiver>): Promise<TestHttpReceiver> {
    const started = await startHttpReceiver(...args);
    receivers.push(started);
    return started;
  }

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'apprise-runner-'));
    workDir = join(root, 'notifications');
    runner = new AppriseRunner({ workDir });
  });
  beforeEach(() => {
    receivers = [];
  });
  afterEach(async () => {
    await Promise.all(receivers.map((started) => started.stop()));
    expect(callDirs()).toEqual([]);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('tells the version', async () => {
    await expect(runner.version()).resolves.toBe('1.2.0');
  });

  it('delivers the title, the body and the type; a title like an option is a title', async () => {
    const http = await receiver();
    const message = { title: '-n success --title=x', body: '  first line\nsecond ünï € "quoted" \\n', type: 'failure' as const };
    await expect(runner.send(http.appriseUrl('hook'), message)).resolves.toEqual({ ok: true });
    expect(http.received).toHaveLength(1);
    expect(http.received[0]).toMatchObject({ method: 'POST', path: '/hook' });
    expect(JSON.parse(http.received[0].body)).toEqual({
      version: '1.0',
      title: message.title,
      message: message.body,
      attachments: [],
      type: 'failure',
    });
  });

  it('says a service answered 500, without its token', async () => {
    const secret = token();
    const http = await receiver(() => 500);
    const outcome = await runner.send(http.appriseUrl(`hook/${secret}`), { title: 'T', body: 'B', type: 'info' });
    expect(outcome).toEqual({ ok: false, reason: expect.stringContaining('500') });
    expect(JSON.stringify(outcome)).not.toContain(secret);
    expect(http.received).toHaveLength(1);
  });

  it('says it could not connect to a closed port', async () => {
    const http = await receiver();
    const url = http.appriseUrl('hook');
    await http.stop();
    await expect(runner.send(url, { title: 'T', body: 'B', type: 'info' })).resolves.toEqual({
      ok: false,
      reason: expect.stringMatching(/Connection error occurred sending JSON notification to 127\.0\.0\.1/),
    });
  });

  it("gives apprise's complaint about a URL it cannot use", async () => {
    await expect(runner.send('discord://x', { title: 'T', body: 'B', type: 'info' })).resolves.toEqual({
      ok: false,
      reason: 'An invalid Discord Webhook Token (None) was specified.',
    });
  });

  it('refuses a URL that would add a line to the configuration, without starting apprise', async () => {
    const onSpawn = jest.fn();
    const outcome = await runner.send('json://127.0.0.1:1/a\ninclude file:///etc/x', { title: 'T', body: 'B', type: 'info' }, { onSpawn });
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/^the URL cannot be used: .*line breaks/) });
    expect(onSpawn).not.toHaveBeenCalled();
  });

  it('keeps the URL off every argv and the server’s environment from apprise; the file is 0600 in a 0700 directory while apprise runs', async () => {
    const secret = token();
    const serverSecret = token();
    const saved = process.env['BORGITORY_SECRET_KEY'];
    process.env['BORGITORY_SECRET_KEY'] = serverSecret;
    let pid = 0;
    const seen: Record<string, unknown> = {};
    // Looked at while apprise waits for the answer.
    const http = await receiver(() => {
      const commandLines = allCommandLines();
      seen['argvWithToken'] = commandLines.filter((line) => line.includes(secret));
      // The scan does see apprise.
      seen['scanSawApprise'] = commandLines.some((line) => line.includes('--tag=borgitory'));
      seen['appriseArgv'] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
      const [dir] = callDirs();
      seen['environment'] = environment;
      seen['dirMode'] = statSync(join(workDir, dir)).mode & 0o777;
      seen['files'] = readdirSync(join(workDir, dir)).map((name) => [name, statSync(join(workDir, dir, name)).mode & 0o777]);
      seen['config'] = readFileSync(join(workDir, dir, 'urls.txt'), 'utf8');
      seen['home'] = join(workDir, dir);
      return 200;
    });
    const url = http.appriseUrl(`hook/${secret}`);
    try {
      const outcome = await runner.send(url, { title: 'T', body: 'B', type: 'info' }, { onSpawn: (started) => (pid = started) });
      expect(outcome).toEqual({ ok: true });
    } finally {
      if (saved === undefined) delete process.env['BORGITORY_SECRET_KEY'];
      else process.env['BORGITORY_SECRET_KEY'] = saved;
    }
    expect(http.received[0].path).toBe(`/hook/${secret}`);
    expect(seen['scanSawApprise']).toBe(true);
    expect(seen['argvWithToken']).toEqual([]);
    expect(seen['appriseArgv']).toEqual(expect.arrayContaining(['--title=T', '--tag=borgitory', '--recursion-depth=0']));
    expect(seen['dirMode']).toBe(0o700);
    expect(seen['files']).toEqual([['urls.txt', 0o600]]);
    expect(seen['config']).toBe(`borgitory=${url}\n`);
    expect((seen['environment'] as string[]).sort()).toEqual(
      [`HOME=${seen['home']}`, 'LANG=C.UTF-8', 'LC_ALL=C.UTF-8', `PATH=${process.env['PATH']}`, `TMPDIR=${seen['home']}`].sort(),
    );
    expect(JSON.stringify(seen['environment'])).not.toContain(serverSecret);
  });

  it('sends mail through a real SMTP server, and says why the server refused a login, without the password', async () => {
    const smtp = await startSmtpReceiver();
    receivers.push(smtp);
    await expect(
      runner.send(smtp.appriseUrl('admin@example.org'), { title: 'Backup failed', body: 'Repository gone', type: 'failure' }),
    ).resolves.toEqual({
      ok: true,
    });
    const mail = await smtp.mail(0);
    expect(mail.to).toEqual(['admin@example.org']);
    expect(mail.raw).toMatch(/^Subject: Backup failed$/m);
    expect(mail.raw).toContain('Repository gone');

    const wrong = `wrong${token()}`;
    const outcome = await runner.send(smtp.appriseUrl('admin@example.org', { password: wrong }), { title: 'T', body: 'B', type: 'info' });
    expect(outcome).toEqual({ ok: false, reason: expect.stringContaining('535') });
    expect(JSON.stringify(outcome)).not.toContain(wrong);
  });

  it('ends apprise and its process group when it takes too long', async () => {
    const http = await receiver(() => new Promise<number>(() => undefined));
    let pid = 0;
    const started = Date.now();
    // Long enough for apprise (Python) to start and make its request on a busy machine, where that took over 1.5 s.
    const outcome = await runner.send(
      http.appriseUrl('hook'),
      { title: 'T', body: 'B', type: 'info' },
      { timeoutMs: 4000, onSpawn: (p) => (pid = p) },
    );
    expect(outcome).toEqual({ ok: false, reason: 'timed out' });
    expect(Date.now() - started).toBeLessThan(7000);
    expect(http.received).toHaveLength(1);
    expect(pid).toBeGreaterThan(0);
    expect(liveMembersOf(pid)).toEqual([]);
  });

  it('rejects with the reason when aborted, and ends apprise', async () => {
    const http = await receiver(() => new Promise<number>(() => undefined));
    const controller = new AbortController();
    let pid = 0;
    const sending = runner.send(
      http.appriseUrl('hook'),
      { title: 'T', body: 'B', type: 'info' },
      { signal: controller.signal, onSpawn: (p) => (pid = p) },
    );
    await http.request(0);
    controller.abort(new Error('shutting down'));
    await expect(sending).rejects.toThrow('shutting down');
    expect(liveMembersOf(pid)).toEqual([]);
    await expect(
      runner.send(http.appriseUrl('hook'), { title: 'T', body: 'B', type: 'info' }, { signal: controller.signal }),
    ).rejects.toThrow('shutting down');
  });

  it('says when apprise is not installed', async () => {
    const missing = new AppriseRunner({ workDir, binary: join(root, 'no-such-apprise') });
    await expect(missing.send('json://127.0.0.1:1/hook', { title: 'T', body: 'B', type: 'info' })).resolves.toEqual({
      ok: false,
      reason: 'apprise is not installed',
    });
    await expect(missing.version()).resolves.toBeNull();
  });

  it('removes the call directories a killed server left behind, and nothing else', async () => {
    mkdirSync(join(workDir, 'apprise-left'), { recursive: true });
    writeFileSync(join(workDir, 'apprise-left', 'urls.txt'), 'borgitory=json://127.0.0.1:1/hook\n', { mode: 0o600 });
    writeFileSync(join(workDir, 'other'), '');
    await expect(runner.removeLeftovers()).resolves.toBe(1);
    expect(callDirs()).toEqual(['other']);
    rmSync(join(workDir, 'other'));
    await expect(new AppriseRunner({ workDir: join(root, 'never-made') }).removeLeftovers()).resolves.toBe(0);
  });

  it('knows the same schemes as the installed apprise', () => {
    const home = mkdtempSync(join(root, 'home-'));
    const details = execFileSync('apprise', ['--details'], {
      env: { PATH: process.env['PATH'], HOME: home, LANG: 'C.UTF-8' },
      encoding: 'utf8',
    });
    rmSync(home, { recursive: true });
    const listed = new Set<string>();
    for (const match of details.matchAll(/Schema\(s\): (.*)/g))
      for (const scheme of match[1].split(',')) if (scheme.trim()) listed.add(scheme.trim());
    for (const match of details.matchAll(/^\s+- ([a-z0-9]+):\/\//gm)) listed.add(match[1]);
    expect([...APPRISE_SCHEMES].sort()).toEqual([...listed].sort());
    // Apprise's TEXT configuration reads a URL only with a scheme of 2 to 9 characters.
    for (const scheme of APPRISE_SCHEMES) expect(scheme).toMatch(/^[a-z0-9]{2,9}$/);
  });
});
