import type { ScheduleHook } from '../../../api/schedules';
import {
  DEFAULT_HOOK_TIMEOUT_SECONDS,
  emptyHook,
  hookFormValues,
  keptHooks,
  parseEnv,
  postHookInput,
  preHookInput,
  type HookFormValues,
} from './hook-values';

const hook = (changes: Partial<HookFormValues>): HookFormValues => ({ ...emptyHook(0), ...changes });

describe('emptyHook', () => {
  it('is a program hook with the default timeout, neither critical nor run on failure', () => {
    expect(emptyHook(4)).toEqual({
      key: 4,
      name: '',
      shell: false,
      line: '',
      argv: '',
      timeout: String(DEFAULT_HOOK_TIMEOUT_SECONDS),
      critical: false,
      runOnFailure: false,
      env: '',
    });
  });
});

describe('hookFormValues', () => {
  const dump: ScheduleHook = {
    name: 'Dump the database',
    command: ['pg_dump', '--file=/var/backups/app.sql', 'my app'],
    shell: false,
    timeout_seconds: 120,
    critical: true,
    run_on_failure: false,
    env: { PGHOST: 'localhost', PGOPTIONS: '-c statement_timeout=0' },
  };

  it('puts a program and its arguments one per line', () => {
    expect(hookFormValues(dump, 7)).toEqual({
      key: 7,
      name: 'Dump the database',
      shell: false,
      line: '',
      argv: 'pg_dump\n--file=/var/backups/app.sql\nmy app',
      timeout: '120',
      critical: true,
      runOnFailure: false,
      env: 'PGHOST=localhost\nPGOPTIONS=-c statement_timeout=0',
    });
  });

  it('puts a shell hook on its line', () => {
    const form = hookFormValues(
      { ...dump, shell: true, command: ['pg_dump app | gzip > /var/backups/app.sql.gz'], env: {}, run_on_failure: true },
      0,
    );
    expect(form.line).toBe('pg_dump app | gzip > /var/backups/app.sql.gz');
    expect(form.argv).toBe('');
    expect(form.env).toBe('');
    expect(form.runOnFailure).toBe(true);
  });

  it('gives a shell hook without a command an empty line', () => {
    expect(hookFormValues({ ...dump, shell: true, command: [] }, 0).line).toBe('');
  });

  it('gives back the stored hook after a round trip through the form', () => {
    expect(postHookInput(hookFormValues(dump, 0))).toEqual({
      name: dump.name,
      shell: dump.shell,
      command: dump.command,
      timeout_seconds: dump.timeout_seconds,
      critical: dump.critical,
      run_on_failure: dump.run_on_failure,
      env: dump.env,
    });
  });
});

describe('preHookInput', () => {
  it('sends each line of the argument list as one argument, exactly as typed', () => {
    const input = preHookInput(hook({ name: ' Notify ', argv: 'curl\n\n  -d\n"a b" c\r\n\nhttps://example.org/hook\n' }));
    expect(input.name).toBe('Notify');
    expect(input.command).toEqual(['curl', '  -d', '"a b" c', 'https://example.org/hook']);
    expect(input.shell).toBe(false);
  });

  it('sends the shell line as the one element, untouched', () => {
    const input = preHookInput(hook({ shell: true, line: ' echo "$HOME" > /tmp/x ', argv: 'kept\nfor later' }));
    expect(input.command).toEqual([' echo "$HOME" > /tmp/x ']);
    expect(input.shell).toBe(true);
  });

  it('sends an empty timeout as the default, and any other as typed', () => {
    expect(preHookInput(hook({ timeout: '' })).timeout_seconds).toBe(DEFAULT_HOOK_TIMEOUT_SECONDS);
    expect(preHookInput(hook({ timeout: '  ' })).timeout_seconds).toBe(DEFAULT_HOOK_TIMEOUT_SECONDS);
    expect(preHookInput(hook({ timeout: ' 30 ' })).timeout_seconds).toBe(30);
    expect(preHookInput(hook({ timeout: '0' })).timeout_seconds).toBe(0);
    expect(preHookInput(hook({ timeout: '-5' })).timeout_seconds).toBe(-5);
  });

  it('sends the environment as an object, and whether the hook is critical', () => {
    const input = preHookInput(hook({ critical: true, env: 'A=1\nB=two words' }));
    expect(input.env).toEqual({ A: '1', B: 'two words' });
    expect(input.critical).toBe(true);
  });

  it('never says a pre-hook runs on failure', () => {
    expect(preHookInput(hook({ runOnFailure: true }))).not.toHaveProperty('run_on_failure');
  });
});

describe('postHookInput', () => {
  it('is sent as a pre-hook, with whether it runs on failure too', () => {
    const values = hook({ name: 'Unmount', argv: 'umount\n/mnt/snap', runOnFailure: true });
    expect(postHookInput(values)).toEqual({ ...preHookInput(values), run_on_failure: true });
    expect(postHookInput({ ...values, runOnFailure: false }).run_on_failure).toBe(false);
  });
});

describe('parseEnv', () => {
  it('reads NAME=value lines', () => {
    expect(parseEnv('PGHOST=localhost\nPGPORT=5432')).toEqual({ env: { PGHOST: 'localhost', PGPORT: '5432' }, problems: [] });
  });

  it('splits at the first "=" and keeps the value as typed', () => {
    expect(parseEnv('URL=https://x.org/?a=b\nPAD=  spaced  \nEMPTY=').env).toEqual({
      URL: 'https://x.org/?a=b',
      PAD: '  spaced  ',
      EMPTY: '',
    });
  });

  it('trims the name, leaves out empty lines and Windows line ends', () => {
    expect(parseEnv('\n  NAME =x\r\n   \n\nOTHER=y\r')).toEqual({ env: { NAME: 'x', OTHER: 'y' }, problems: [] });
  });

  it('reads nothing from empty text', () => {
    expect(parseEnv('')).toEqual({ env: {}, problems: [] });
  });

  it('says which line has no "=", counting empty lines', () => {
    expect(parseEnv('A=1\n\nexport B')).toEqual({ env: { A: '1' }, problems: ['Line 3 has no “=”: write NAME=value.'] });
  });

  it('says when a name is set twice, and keeps the last value', () => {
    expect(parseEnv('A=1\nA=2\n A =3')).toEqual({ env: { A: '3' }, problems: ['A is set twice.', 'A is set twice.'] });
  });
});

describe('keptHooks', () => {
  const stored: ScheduleHook = {
    name: 'dump',
    command: ['pg_dump', 'app'],
    shell: false,
    timeout_seconds: 60,
    critical: true,
    run_on_failure: false,
    env: { PGHOST: 'db', A: '1' },
  };

  it('sends every stored hook back as it is, a pre-hook without run_on_failure', () => {
    const post = { ...stored, name: 'report', run_on_failure: true, shell: true, command: ['echo $BORGITORY_STATUS'] };
    expect(keptHooks({ pre_hooks: [stored], post_hooks: [post] })).toEqual({
      pre_hooks: [
        { name: 'dump', command: ['pg_dump', 'app'], shell: false, timeout_seconds: 60, critical: true, env: { PGHOST: 'db', A: '1' } },
      ],
      post_hooks: [post],
    });
  });

  it('keeps no hooks when there are none', () => {
    expect(keptHooks({ pre_hooks: [], post_hooks: [] })).toEqual({ pre_hooks: [], post_hooks: [] });
  });
});
