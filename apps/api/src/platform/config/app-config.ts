import { isIP } from 'node:net';
import { isAbsolute, join, normalize, resolve } from 'node:path';
import { OidcConfig, readOidcConfig, readPasswordLogin } from './oidc-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Raw key material from BORGITORY_SECRET_KEY; null means "use the key file in dataDir". */
  secretKey: string | null;
  maxConcurrentJobs: number;
  /** Disk space archive indexes may take together; the least recently used go first beyond it. */
  indexBudgetBytes: number;
  /** Finished jobs created longer ago than this are removed, with their logs (the newest of each repository and schedule stay). */
  jobRetentionDays: number;
  /** Audit entries older than this are removed. */
  auditRetentionDays: number;
  borgBin: string;
  rcloneBin: string;
  /** rclone's --contimeout and --timeout: how long a connection may take to open, or stay silent, before an attempt fails. */
  rcloneTimeoutSeconds: number;
  /** A cloud sync (or verify) whose progress has not moved for this long is stopped and fails (CLOUD_SYNC_STALLED). */
  stallTimeoutSeconds: number;
  /** Directory holding the built SPA; null when the SPA is not served (API-only runs). */
  webDir: string | null;
  /** Origins allowed to make cookie-authenticated mutating requests besides the server's own. */
  allowedOrigins: string[];
  /** Host names (lower case, no port) through which first-run setup is allowed besides IP addresses and localhost. */
  allowedHosts: string[];
  /**
   * Express "trust proxy" setting: which hops may set X-Forwarded-* headers. `false` (the default) trusts none,
   * so the client address is the connection's and no client can choose the address the login throttle counts.
   */
  trustProxy: false | number | string;
  logLevel: string;
  /** The address people open Borgitory at, for links in notifications (BORGITORY_PUBLIC_URL; by default this server's own). */
  publicUrl: string;
  appriseBin: string;
  /** How often repositories are checked for overdue backups and low space (at start, then every this many seconds). */
  monitorIntervalSeconds: number;
  /** How often the archive lists of repositories are read again from borg, to see archives other machines made. */
  archiveRefreshMinutes: number;
  /** A local repository whose file system has less than this percent of its size free fires repository.low_space (0: never). */
  lowSpacePercent: number;
  /** The wait before a failed notification is sent again; each later wait is four times longer. */
  notificationRetrySeconds: number;
  /** A bearer token that may read GET /metrics without a session (BORGITORY_METRICS_TOKEN); null: sessions only. */
  metricsToken: string | null;
  /** Requests each API key may make per minute (BORGITORY_API_KEY_RATE_LIMIT); beyond it the answer is 429. */
  apiKeyRateLimit: number;
  /** Single sign-on; null when not configured. */
  oidc: OidcConfig | null;
  /** Whether users may sign in with a password (BORGITORY_PASSWORD_LOGIN; false only with single sign-on). */
  passwordLogin: boolean;
  /** The directories an operator may restore into (BORGITORY_RESTORE_ROOTS; by default `restores` in the data directory). Admins restore anywhere. */
  restoreRoots: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** A DNS name: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Reads and validates the environment once at start-up. Every problem is
 * reported together so that a misconfigured server says everything at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const text = (name: string, fallback: string): string => {
    const raw = env[name]?.trim();
    return raw ? raw : fallback;
  };
  const directory = (value: string): string => (isAbsolute(value) ? value : resolve(cwd, value));

  const secretKey = env.BORGITORY_SECRET_KEY ?? null;
  if (secretKey !== null && secretKey.length < 32) {
    problems.push('BORGITORY_SECRET_KEY must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  }

  const metricsToken = env.BORGITORY_METRICS_TOKEN?.trim() || null;
  if (metricsToken !== null && (metricsToken.length < 32 || /\s/.test(metricsToken))) {
    problems.push('BORGITORY_METRICS_TOKEN must be at least 32 characters without spaces (e.g. `openssl rand -hex 32`)');
  }

  const logLevel = text('LOG_LEVEL', 'info');
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }

  const allowedOrigins = text('BORGITORY_ALLOWED_ORIGINS', '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!URL.canParse(origin)) problems.push(`BORGITORY_ALLOWED_ORIGINS has an invalid origin "${origin}"`);
  }

  const allowedHosts = text('BORGITORY_ALLOWED_HOSTS', '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  for (const host of allowedHosts) {
    if (!HOST_NAME.test(host))
      problems.push(`BORGITORY_ALLOWED_HOSTS has an invalid host name "${host}" (a name such as nas.example, without port)`);
  }

  const webDirSetting = text('BORGITORY_WEB_DIR', 'dist/apps/web');

  const trustProxy = parseTrustProxy(text('BORGITORY_TRUST_PROXY', 'false'));
  if (trustProxy === null) {
    problems.push(
      'BORGITORY_TRUST_PROXY must be a number of proxy hops, or comma-separated addresses, subnets ' +
        `(10.0.0.0/8) and ${PROXY_NAMES.join(', ')}; "true" would trust any client's X-Forwarded-For ` +
        `(got "${env.BORGITORY_TRUST_PROXY}")`,
    );
  }

  const oidc = readOidcConfig(env, problems);
  const passwordLogin = readPasswordLogin(env, oidc, problems);

  const dataDir = directory(text('BORGITORY_DATA_DIR', 'data'));
  const restoreRoots = text('BORGITORY_RESTORE_ROOTS', defaultRestoreRoot(dataDir))
    .split(',')
    .map((root) => root.trim())
    .filter(Boolean);
  for (const root of restoreRoots) {
    if (!isAbsolute(root)) problems.push(`BORGITORY_RESTORE_ROOTS must list absolute directories (got "${root}")`);
  }

  const config: AppConfig = {
    port: integer('PORT', 8000, 0, 65535),
    host: text('HOST', '0.0.0.0'),
    dataDir,
    secretKey,
    maxConcurrentJobs: integer('BORGITORY_MAX_CONCURRENT_JOBS', 2, 1, 64),
    indexBudgetBytes: integer('BORGITORY_INDEX_BUDGET_MB', 2048, 1, 10_000_000) * 1024 * 1024,
    jobRetentionDays: integer('BORGITORY_JOB_RETENTION_DAYS', 90, 1, 36_500),
    auditRetentionDays: integer('BORGITORY_AUDIT_RETENTION_DAYS', 365, 1, 36_500),
    borgBin: text('BORG_BIN', 'borg'),
    rcloneBin: text('RCLONE_BIN', 'rclone'),
    rcloneTimeoutSeconds: integer('BORGITORY_RCLONE_TIMEOUT_SECONDS', 30, 1, 3600),
    stallTimeoutSeconds: integer('BORGITORY_STALL_TIMEOUT_SECONDS', 120, 1, 86_400),
    webDir: webDirSetting === 'none' ? null : directory(webDirSetting),
    allowedOrigins: allowedOrigins.map((origin) => (URL.canParse(origin) ? new URL(origin).origin : origin)),
    allowedHosts,
    trustProxy: trustProxy ?? false,
    logLevel,
    publicUrl: '',
    appriseBin: text('APPRISE_BIN', 'apprise'),
    monitorIntervalSeconds: integer('BORGITORY_MONITOR_INTERVAL_SECONDS', 60, 1, 86_400),
    archiveRefreshMinutes: integer('BORGITORY_ARCHIVE_REFRESH_MINUTES', 15, 1, 10_080),
    lowSpacePercent: integer('BORGITORY_LOW_SPACE_PERCENT', 10, 0, 99),
    notificationRetrySeconds: integer('BORGITORY_NOTIFICATION_RETRY_SECONDS', 30, 1, 3600),
    metricsToken,
    apiKeyRateLimit: integer('BORGITORY_API_KEY_RATE_LIMIT', 600, 1, 1_000_000),
    oidc,
    passwordLogin,
    restoreRoots: restoreRoots.map((root) => normalize(root).replace(/(?<=.)\/+$/, '')),
  };

  const publicUrl = text('BORGITORY_PUBLIC_URL', `http://${ownHost(config.host)}:${config.port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl) || !URL.canParse(publicUrl)) {
    problems.push(`BORGITORY_PUBLIC_URL must be an http:// or https:// address (got "${publicUrl}")`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({ ...config, publicUrl });
}

/** The host in links to this server when it listens on every address. */
function ownHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** The Express "trust proxy" value for a setting, or null when it is not one Borgitory accepts. */
function parseTrustProxy(setting: string): false | number | string | null {
  if (setting === 'false') return false;
  if (/^\d{1,2}$/.test(setting)) return Number(setting);
  const entries = setting.split(',').map((entry) => entry.trim());
  return entries.every(isProxyEntry) ? entries.join(',') : null;
}

function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Where operators restore when BORGITORY_RESTORE_ROOTS is not set: made at start. */
export function defaultRestoreRoot(dataDir: string): string {
  return join(dataDir, 'restores');
}
