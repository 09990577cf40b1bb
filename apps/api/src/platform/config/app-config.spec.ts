import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({}, '/srv/borgitory');
    expect(config).toMatchObject({
      port: 8000,
      host: '0.0.0.0',
      dataDir: '/srv/borgitory/data',
      secretKey: null,
      maxConcurrentJobs: 2,
      indexBudgetBytes: 2048 * 1024 * 1024,
      jobRetentionDays: 90,
      auditRetentionDays: 365,
      borgBin: 'borg',
      rcloneBin: 'rclone',
      rcloneTimeoutSeconds: 30,
      stallTimeoutSeconds: 120,
      webDir: '/srv/borgitory/dist/apps/web',
      allowedOrigins: [],
      allowedHosts: [],
      trustProxy: false,
      publicUrl: 'http://localhost:8000',
      appriseBin: 'apprise',
      monitorIntervalSeconds: 60,
      archiveRefreshMinutes: 15,
      lowSpacePercent: 10,
      notificationRetrySeconds: 30,
      metricsToken: null,
      apiKeyRateLimit: 600,
      restoreRoots: ['/srv/borgitory/data/restores'],
    });
  });

  it('takes restore roots as absolute directories, normalized, and refuses a relative one', () => {
    expect(loadConfig({ BORGITORY_RESTORE_ROOTS: ' /srv/restores/ , /home//shared ' }).restoreRoots).toEqual([
      '/srv/restores',
      '/home/shared',
    ]);
    expect(loadConfig({ BORGITORY_RESTORE_ROOTS: '/' }).restoreRoots).toEqual(['/']);
    expect(() => loadConfig({ BORGITORY_RESTORE_ROOTS: '/srv/restores,restores' })).toThrow(
      'BORGITORY_RESTORE_ROOTS must list absolute directories (got "restores")',
    );
  });

  it('takes a whole number of API key requests per minute', () => {
    expect(loadConfig({ BORGITORY_API_KEY_RATE_LIMIT: '30' }).apiKeyRateLimit).toBe(30);
    expect(() => loadConfig({ BORGITORY_API_KEY_RATE_LIMIT: '0' })).toThrow('BORGITORY_API_KEY_RATE_LIMIT must be a whole number from 1');
  });

  it('takes a metrics token of 32 characters or more, without spaces', () => {
    const token = 'f3a9c1d2e4b5a6978877665544332211';
    expect(loadConfig({ BORGITORY_METRICS_TOKEN: ` ${token}\n` }).metricsToken).toBe(token);
    expect(loadConfig({ BORGITORY_METRICS_TOKEN: '' }).metricsToken).toBeNull();
    for (const weak of [token.slice(1), `${token.slice(0, 16)} ${token.slice(16)}`]) {
      expect(() => loadConfig({ BORGITORY_METRICS_TOKEN: weak })).toThrow(
        'BORGITORY_METRICS_TOKEN must be at least 32 characters without spaces',
      );
    }
  });

  it('links to the address people open, without a trailing slash', () => {
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '9000' }).publicUrl).toBe('http://127.0.0.1:9000');
    expect(loadConfig({ HOST: '::' }).publicUrl).toBe('http://localhost:8000');
    expect(loadConfig({ BORGITORY_PUBLIC_URL: 'https://backup.example.org/' }).publicUrl).toBe('https://backup.example.org');
    expect(() => loadConfig({ BORGITORY_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/BORGITORY_PUBLIC_URL/);
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '127.0.0.1',
        BORGITORY_DATA_DIR: '/var/lib/borgitory',
        BORGITORY_SECRET_KEY: 'x'.repeat(40),
        BORGITORY_MAX_CONCURRENT_JOBS: '4',
        BORGITORY_INDEX_BUDGET_MB: '100',
        BORGITORY_JOB_RETENTION_DAYS: '365',
        BORG_BIN: '/opt/borg',
        BORGITORY_RCLONE_TIMEOUT_SECONDS: '5',
        BORGITORY_STALL_TIMEOUT_SECONDS: '600',
        BORGITORY_WEB_DIR: 'none',
        BORGITORY_ALLOWED_ORIGINS: 'https://backup.example.org/, http://nas:8000',
        BORGITORY_AUDIT_RETENTION_DAYS: '30',
        BORGITORY_ALLOWED_HOSTS: 'Backup.Example.org, nas',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/borgitory',
      maxConcurrentJobs: 4,
      indexBudgetBytes: 100 * 1024 * 1024,
      jobRetentionDays: 365,
      auditRetentionDays: 30,
      borgBin: '/opt/borg',
      rcloneTimeoutSeconds: 5,
      stallTimeoutSeconds: 600,
      webDir: null,
      allowedOrigins: ['https://backup.example.org', 'http://nas:8000'],
      allowedHosts: ['backup.example.org', 'nas'],
    });
  });

  it('reports every invalid setting at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        PORT: 'eighty',
        BORGITORY_MAX_CONCURRENT_JOBS: '0',
        BORGITORY_SECRET_KEY: 'short',
        LOG_LEVEL: 'loud',
        BORGITORY_RCLONE_TIMEOUT_SECONDS: '0',
        BORGITORY_STALL_TIMEOUT_SECONDS: '2.5',
        BORGITORY_JOB_RETENTION_DAYS: '0',
      });
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.problems).toHaveLength(7);
    expect(error?.message).toContain('PORT must be a whole number');
    expect(error?.message).toContain('BORGITORY_RCLONE_TIMEOUT_SECONDS must be a whole number from 1 to 3600 (got "0")');
    expect(error?.message).toContain('BORGITORY_STALL_TIMEOUT_SECONDS must be a whole number from 1 to 86400 (got "2.5")');
    expect(error?.message).toContain('BORGITORY_SECRET_KEY must be at least 32 characters');
    expect(error?.message).toContain('BORGITORY_JOB_RETENTION_DAYS must be a whole number from 1 to 36500');
  });

  it.each(['nas:8000', 'http://nas', '-nas', 'nas..example', 'na_s', '*.example.org'])(
    'refuses "%s" in BORGITORY_ALLOWED_HOSTS',
    (host) => {
      expect(() => loadConfig({ BORGITORY_ALLOWED_HOSTS: `nas.example, ${host}` })).toThrow(
        `BORGITORY_ALLOWED_HOSTS has an invalid host name "${host}"`,
      );
    },
  );
  it.each([
    ['false', false],
    ['loopback', 'loopback'],
    ['1', 1],
    ['10.0.0.0/8, 192.168.1.2 ,loopback', '10.0.0.0/8,192.168.1.2,loopback'],
    ['fd00::/8,::1', 'fd00::/8,::1'],
  ])('takes BORGITORY_TRUST_PROXY=%s as %p', (setting, expected) => {
    expect(loadConfig({ BORGITORY_TRUST_PROXY: setting }).trustProxy).toBe(expected);
  });

  it.each(['true', 'proxy.example', '10.0.0.0/33', '10.0.0.0/8/8', 'loopback,', '-1'])('refuses BORGITORY_TRUST_PROXY=%s', (setting) => {
    expect(() => loadConfig({ BORGITORY_TRUST_PROXY: setting })).toThrow(/BORGITORY_TRUST_PROXY must be/);
  });
});
