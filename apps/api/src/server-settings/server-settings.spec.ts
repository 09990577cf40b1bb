import { loadConfig } from '../platform/config/app-config';
import { serverSettings } from './server-settings';

describe('serverSettings', () => {
  const secrets = {
    BORGITORY_SECRET_KEY: 'k'.repeat(40),
    BORGITORY_METRICS_TOKEN: 'm'.repeat(40),
    BORGITORY_OIDC_ISSUER: 'https://id.example.org',
    BORGITORY_OIDC_CLIENT_ID: 'borgitory',
    BORGITORY_OIDC_CLIENT_SECRET: 'c'.repeat(40),
    BORGITORY_OIDC_ADMIN_VALUES: 'admins',
  };

  it('says the values in use, in words', () => {
    const settings = serverSettings(loadConfig({ BORGITORY_RESTORE_ROOTS: '/srv/a,/srv/b' }, '/srv/borgitory'));
    const value = (name: string) => settings.find((setting) => setting.name === name)?.value;
    expect(value('BORGITORY_RESTORE_ROOTS')).toBe('/srv/a, /srv/b');
    expect(value('BORGITORY_JOB_RETENTION_DAYS')).toBe('90');
    expect(value('BORGITORY_INDEX_BUDGET_MB')).toBe('2048');
    expect(value('BORGITORY_ALLOWED_ORIGINS')).toBe('none');
    expect(value('BORGITORY_OIDC_ISSUER')).toBe('not set');
    expect(value('BORGITORY_SECRET_KEY')).toBe('not set');
  });

  it('tells of a secret only that it is set', () => {
    const settings = serverSettings(loadConfig(secrets));
    const text = JSON.stringify(settings);
    for (const secret of [secrets.BORGITORY_SECRET_KEY, secrets.BORGITORY_METRICS_TOKEN, secrets.BORGITORY_OIDC_CLIENT_SECRET]) {
      expect(text).not.toContain(secret);
    }
    expect(settings.find((setting) => setting.name === 'BORGITORY_OIDC_CLIENT_SECRET')?.value).toBe('set');
    expect(settings.find((setting) => setting.name === 'BORGITORY_OIDC_CLIENT_ID')?.value).toBe('borgitory');
  });
});
