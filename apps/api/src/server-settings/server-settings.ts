import { AppConfig } from '../platform/config/app-config';

export const SERVER_SETTING_GROUPS = ['server', 'jobs', 'monitoring', 'sign_in', 'programs'] as const;
export type ServerSettingGroup = (typeof SERVER_SETTING_GROUPS)[number];

interface ServerSetting {
  name: string;
  group: ServerSettingGroup;
  description: string;
  value: (config: AppConfig) => string | number | boolean | string[] | null;
  /** Only whether it is set is told. */
  secret?: boolean;
}

const SETTINGS: ServerSetting[] = [
  { name: 'HOST', group: 'server', description: 'The address the server listens on', value: (c) => c.host },
  { name: 'PORT', group: 'server', description: 'The port the server listens on', value: (c) => c.port },
  { name: 'BORGITORY_DATA_DIR', group: 'server', description: 'Database, keys, indexes and logs', value: (c) => c.dataDir },
  { name: 'BORGITORY_PUBLIC_URL', group: 'server', description: 'The address in links of notifications', value: (c) => c.publicUrl },
  {
    name: 'BORGITORY_ALLOWED_ORIGINS',
    group: 'server',
    description: 'Other origins allowed to make changes with a session',
    value: (c) => c.allowedOrigins,
  },
  {
    name: 'BORGITORY_ALLOWED_HOSTS',
    group: 'server',
    description: 'Host names through which first-run setup is allowed',
    value: (c) => c.allowedHosts,
  },
  {
    name: 'BORGITORY_TRUST_PROXY',
    group: 'server',
    description: 'Which proxies may tell the client’s address',
    value: (c) => c.trustProxy,
  },
  { name: 'BORGITORY_RESTORE_ROOTS', group: 'server', description: 'Where operators may restore', value: (c) => c.restoreRoots },
  {
    name: 'BORGITORY_SECRET_KEY',
    group: 'server',
    description: 'Encrypts stored passphrases and credentials (else a key file in the data directory)',
    value: (c) => c.secretKey,
    secret: true,
  },
  { name: 'LOG_LEVEL', group: 'server', description: 'How much the server logs', value: (c) => c.logLevel },
  {
    name: 'BORGITORY_MAX_CONCURRENT_JOBS',
    group: 'jobs',
    description: 'Jobs that run at once (one per repository)',
    value: (c) => c.maxConcurrentJobs,
  },
  {
    name: 'BORGITORY_JOB_RETENTION_DAYS',
    group: 'jobs',
    description: 'Finished jobs older than this many days are removed, with their logs',
    value: (c) => c.jobRetentionDays,
  },
  {
    name: 'BORGITORY_AUDIT_RETENTION_DAYS',
    group: 'jobs',
    description: 'Audit entries older than this many days are removed',
    value: (c) => c.auditRetentionDays,
  },
  {
    name: 'BORGITORY_INDEX_BUDGET_MB',
    group: 'jobs',
    description: 'Disk space the archive indexes may take together (MB)',
    value: (c) => Math.round(c.indexBudgetBytes / 1024 / 1024),
  },
  {
    name: 'BORGITORY_RCLONE_TIMEOUT_SECONDS',
    group: 'jobs',
    description: 'How long rclone waits for a connection or an answer (seconds)',
    value: (c) => c.rcloneTimeoutSeconds,
  },
  {
    name: 'BORGITORY_STALL_TIMEOUT_SECONDS',
    group: 'jobs',
    description: 'A cloud sync without progress for this long fails (seconds)',
    value: (c) => c.stallTimeoutSeconds,
  },
  {
    name: 'BORGITORY_MONITOR_INTERVAL_SECONDS',
    group: 'monitoring',
    description: 'How often repositories are checked for overdue backups and low space (seconds)',
    value: (c) => c.monitorIntervalSeconds,
  },
  {
    name: 'BORGITORY_ARCHIVE_REFRESH_MINUTES',
    group: 'monitoring',
    description: 'How often archive lists are read again from borg (minutes)',
    value: (c) => c.archiveRefreshMinutes,
  },
  {
    name: 'BORGITORY_LOW_SPACE_PERCENT',
    group: 'monitoring',
    description: 'Free space below this percent of a repository’s size is an alert (0: never)',
    value: (c) => c.lowSpacePercent,
  },
  {
    name: 'BORGITORY_NOTIFICATION_RETRY_SECONDS',
    group: 'monitoring',
    description: 'The first wait before a failed notification is sent again (seconds)',
    value: (c) => c.notificationRetrySeconds,
  },
  {
    name: 'BORGITORY_METRICS_TOKEN',
    group: 'monitoring',
    description: 'A token that may read /metrics without a session',
    value: (c) => c.metricsToken,
    secret: true,
  },
  {
    name: 'BORGITORY_PASSWORD_LOGIN',
    group: 'sign_in',
    description: 'Whether users may sign in with a password',
    value: (c) => c.passwordLogin,
  },
  {
    name: 'BORGITORY_OIDC_ISSUER',
    group: 'sign_in',
    description: 'The single sign-on provider (none: off)',
    value: (c) => c.oidc?.issuer ?? null,
  },
  {
    name: 'BORGITORY_OIDC_CLIENT_ID',
    group: 'sign_in',
    description: 'The client registered at the provider',
    value: (c) => c.oidc?.clientId ?? null,
  },
  {
    name: 'BORGITORY_OIDC_CLIENT_SECRET',
    group: 'sign_in',
    description: 'The client’s secret at the provider',
    value: (c) => c.oidc?.clientSecret ?? null,
    secret: true,
  },
  {
    name: 'BORGITORY_API_KEY_RATE_LIMIT',
    group: 'sign_in',
    description: 'Requests each API key may make per minute',
    value: (c) => c.apiKeyRateLimit,
  },
  { name: 'BORG_BIN', group: 'programs', description: 'The borg program', value: (c) => c.borgBin },
  { name: 'RCLONE_BIN', group: 'programs', description: 'The rclone program', value: (c) => c.rcloneBin },
  { name: 'APPRISE_BIN', group: 'programs', description: 'The apprise program', value: (c) => c.appriseBin },
];

/** The server's settings as an admin reads them: each value in words, a secret only as set or not. */
export function serverSettings(config: AppConfig): { name: string; group: ServerSettingGroup; value: string; description: string }[] {
  return SETTINGS.map(({ name, group, description, value, secret }) => ({
    name,
    group,
    description,
    value: secret ? (value(config) ? 'set' : 'not set') : words(value(config)),
  }));
}

function words(value: string | number | boolean | string[] | null): string {
  if (value === null) return 'not set';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return String(value);
}
