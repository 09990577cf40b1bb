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
      borgBin: 'borg',
      rcloneBin: 'rclone',
      webDir: '/srv/borgitory/dist/apps/web',
      allowedOrigins: [],
    });
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
        BORGITORY_WEB_DIR: 'none',
        BORGITORY_ALLOWED_ORIGINS: 'https://backup.example.org/, http://nas:8000',
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
      borgBin: '/opt/borg',
      webDir: null,
      allowedOrigins: ['https://backup.example.org', 'http://nas:8000'],
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
        BORGITORY_JOB_RETENTION_DAYS: '0',
      });
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.problems).toHaveLength(5);
    expect(error?.message).toContain('PORT must be a whole number');
    expect(error?.message).toContain('BORGITORY_SECRET_KEY must be at least 32 characters');
    expect(error?.message).toContain('BORGITORY_JOB_RETENTION_DAYS must be a whole number from 1 to 36500');
  });
});
