import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertAuthorizedKeyLine, installKeyScript, PASSWORD_VARIABLE, writeAskpass } from './install-key';

const LINE = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOr7Jd0HnJc6cRjE0kNQYV3fJ2j4F9e5y7P0u8lQ1xYz borgitory@server';

describe('installKeyScript', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'install-key-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  const run = (line: string) => execFileSync('sh', ['-c', installKeyScript(line)], { env: { PATH: process.env['PATH'], HOME: home } });
  const keys = () => readFileSync(join(home, '.ssh', 'authorized_keys'), 'utf8');

  it('creates ~/.ssh (0700) and authorized_keys (0600) with the line, once however often it runs', () => {
    run(LINE);
    run(LINE);
    expect(keys()).toBe(`${LINE}\n`);
    expect(statSync(join(home, '.ssh')).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, '.ssh', 'authorized_keys')).mode & 0o777).toBe(0o600);
  });

  it('keeps other lines, ends an unfinished last line, and matches whole lines only', () => {
    mkdirSync(join(home, '.ssh'), { mode: 0o755 });
    writeFileSync(join(home, '.ssh', 'authorized_keys'), `${LINE} plus more`, { mode: 0o644 });
    run(LINE);
    expect(keys()).toBe(`${LINE} plus more\n${LINE}\n`);
    expect(statSync(join(home, '.ssh')).mode & 0o777).toBe(0o700);
  });

  it("takes a line's options and quotes literally", () => {
    const line = `restrict,command="echo 'hi' $(id)" ${LINE}`;
    run(line);
    run(line);
    expect(keys()).toBe(`${line}\n`);
  });
});

describe('assertAuthorizedKeyLine', () => {
  it.each([LINE, `from="10.0.0.1" ${LINE}`, 'ecdsa-sha2-nistp256 AAAAE2Vj= x', 'sk-ssh-ed25519@openssh.com AAAA'])('takes %s', (line) => {
    expect(() => assertAuthorizedKeyLine(line)).not.toThrow();
  });

  it.each([`${LINE}\nssh-rsa AAAA`, '# ssh-ed25519 AAAA', 'hello', ''])('refuses %j', (line) => {
    expect(() => assertAuthorizedKeyLine(line)).toThrow(TypeError);
  });
});

describe('writeAskpass', () => {
  it('prints the password from its own environment, holds no secret, and is removed', async () => {
    const askpass = await writeAskpass();
    try {
      expect(statSync(join(askpass.program, '..')).mode & 0o777).toBe(0o700);
      const out = execFileSync(askpass.program, ["u@h's password: "], { env: { [PASSWORD_VARIABLE]: `pa ss'"$(x)` } });
      expect(out.toString()).toBe(`pa ss'"$(x)\n`);
      expect(readFileSync(askpass.program, 'utf8')).not.toContain('pa ss');
    } finally {
      await askpass.remove();
    }
    expect(existsSync(askpass.program)).toBe(false);
  });
});
