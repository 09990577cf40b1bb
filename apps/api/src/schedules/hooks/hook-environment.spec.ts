import { buildHookEnvironment, hookEnvProblem } from './hook-environment';

describe('hook environment', () => {
  it('passes the basics of the server environment, never the rest of it', () => {
    const env = buildHookEnvironment(
      { PGHOST: 'db' },
      { JOB_ID: 12, ARCHIVE_NAME: null, STATUS: 'running' },
      { PATH: '/usr/bin', HOME: '/root', BORGITORY_SECRET_KEY: 'x'.repeat(40), BORG_PASSPHRASE: 'secret', AWS_SECRET_ACCESS_KEY: 'k' },
    );
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/root', PGHOST: 'db', BORGITORY_JOB_ID: '12', BORGITORY_STATUS: 'running' });
  });

  it("lets a hook's own env set PATH, but not a BORGITORY_ fact", () => {
    const env = buildHookEnvironment({ PATH: '/opt/tools/bin' }, { STATUS: 'completed' }, { PATH: '/usr/bin' });
    expect(env).toEqual({ PATH: '/opt/tools/bin', BORGITORY_STATUS: 'completed' });
    expect(hookEnvProblem({ BORGITORY_STATUS: 'fake' })).toContain('BORGITORY_');
    expect(hookEnvProblem({ borgitory_status: 'fake' })).toContain('BORGITORY_');
  });

  it('refuses what is not a map of names to strings', () => {
    expect(hookEnvProblem({ PGHOST: 'db', _X1: '' })).toBeNull();
    expect(hookEnvProblem(['A=b'])).toContain('object');
    expect(hookEnvProblem({ '1ABC': 'x' })).toContain('not a variable name');
    expect(hookEnvProblem({ 'A-B': 'x' })).toContain('not a variable name');
    expect(hookEnvProblem({ A: 1 })).toContain('must be a string');
    expect(hookEnvProblem({ A: 'x\0y' })).toContain('without NUL');
    expect(hookEnvProblem(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`V${i}`, 'x'])))).toContain('at most 50');
  });
});
