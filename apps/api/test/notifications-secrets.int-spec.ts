import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpReceiver, startSmtpReceiver } from '@borgitory/apprise-runner/testing';
import { freePort } from '@borgitory/borg-runner/testing';
import request, { type Agent, type Response } from 'supertest';
import { waitForFinish } from './support/job-client';
import { exited, startServerProcess } from './support/server-process';
import { ADMIN } from './support/test-app';

jest.setTimeout(120_000);

const APPRISE_TOKEN = 'apprise-token-canary-8b2d';
const WEBHOOK_SECRET = 'webhook-signing-secret-canary-4e1f';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Command lines of every process, read every 5 ms until stopped: those that hold a secret, and how many apprise runs were seen. */
function watchArgv(secrets: string[]): { stop: () => { leaks: string[]; apprises: number } } {
  const seen = { leaks: [] as string[], apprises: 0 };
  const apprisePids = new Set<string>();
  const timer = setInterval(() => {
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (secrets.some((secret) => argv.some((arg) => arg.includes(secret)))) seen.leaks.push(argv.join(' '));
        if (argv.some((arg) => /(^|\/)apprise$/.test(arg)) && !apprisePids.has(pid)) {
          apprisePids.add(pid);
          seen.apprises++;
        }
      } catch {
        // the process ended while we looked
      }
    }
  }, 5);
  return { stop: () => (clearInterval(timer), seen) };
}

/** Every file below dir, as text. */
function filesBelow(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'latin1') }));
}

/**
 * Apprise URLs hold the tokens of services, webhooks a signing secret: through channel tests, a real backup's
 * deliveries and a failing service, on the real server at debug log level, none of them in any process's argv, any
 * answer, the server's log or a file of the data directory.
 */
describe('notification secrets', () => {
  it('appear in no argv, answer, log or stored file', async () => {
    const work = mkdtempSync(join(tmpdir(), 'borgitory-notify-secrets-'));
    const [holding, webhook, smtp] = await Promise.all([
      startHttpReceiver(() => sleep(400).then(() => 200)),
      startHttpReceiver(),
      startSmtpReceiver(),
    ]);
    const secrets = [APPRISE_TOKEN, WEBHOOK_SECRET, smtp.password];
    let output = '';
    const port = await freePort();
    const server = await startServerProcess(join(work, 'data'), port, { logLevel: 'debug', onOutput: (text) => (output += text) });
    const watch = watchArgv(secrets);
    const answers: string[] = [];
    const agent: Agent = request.agent(`http://127.0.0.1:${port}`);
    const call = async (response: Promise<Response>, status: number): Promise<Response> => {
      const answer = await response;
      answers.push(answer.text);
      expect(answer.status).toBe(status);
      return answer;
    };
    let seen: { leaks: string[]; apprises: number } | undefined;
    try {
      await call(agent.post('/api/auth/setup').send(ADMIN), 201);
      const channels = [
        { name: 'JSON', type: 'apprise', config: { url: `json://user:${APPRISE_TOKEN}@127.0.0.1:${holding.port}/alerts` } },
        { name: 'Closed port', type: 'apprise', config: { url: `json://user:${APPRISE_TOKEN}@127.0.0.1:1/alerts` } },
        { name: 'Mail', type: 'apprise', config: { url: smtp.appriseUrl('admin@example.org') } },
        { name: 'Webhook', type: 'webhook', config: { url: `http://127.0.0.1:${webhook.port}/hook`, secret: WEBHOOK_SECRET } },
      ];
      const ids: number[] = [];
      for (const channel of channels) {
        const created = await call(
          agent.post('/api/notifications/channels').send({ ...channel, events: ['backup.completed'], repository_ids: null }),
          201,
        );
        ids.push(created.body.data.id);
      }
      for (const id of ids) await call(agent.post(`/api/notifications/channels/${id}/test`), 200);

      const repository = await call(
        agent.post('/api/repositories').send({ name: 'Docs', path: join(work, 'repo'), encryption: 'none' }),
        201,
      );
      const source = join(work, 'source');
      mkdirSync(source);
      writeFileSync(join(source, 'a.txt'), 'hello');
      const started = await call(
        agent.post('/api/backups/manual').send({ repository_id: repository.body.data.id, source_path: source }),
        201,
      );
      await waitForFinish(agent, started.body.data.id);
      await holding.request(1);
      await webhook.request(1);
      await smtp.mail(1);
      await call(agent.get('/api/notifications/channels'), 200);
      for (const id of ids) await call(agent.get(`/api/notifications/channels/${id}`), 200);
      await call(agent.get('/api/notifications/deliveries?limit=200'), 200);
    } finally {
      seen = watch.stop();
      server.kill('SIGTERM');
      await exited(server);
      await Promise.all([holding.stop(), webhook.stop(), smtp.stop()]);
    }
    try {
      expect(seen.apprises).toBeGreaterThanOrEqual(6);
      expect(seen.leaks).toEqual([]);
      expect(holding.received[0].headers.authorization).toBe(`Basic ${Buffer.from(`user:${APPRISE_TOKEN}`).toString('base64')}`);
      for (const secret of secrets) {
        expect(answers.filter((answer) => answer.includes(secret))).toEqual([]);
        expect(output.includes(secret)).toBe(false);
        expect(
          filesBelow(join(work, 'data'))
            .filter((file) => file.text.includes(secret))
            .map((file) => file.path),
        ).toEqual([]);
      }
      expect(output).toContain('backup.completed');
      expect(readdirSync(join(work, 'data', 'apprise'))).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
