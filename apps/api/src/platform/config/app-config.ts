import { isAbsolute, resolve } from 'node:path';

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
  borgBin: string;
  rcloneBin: string;
  /** Directory holding the built SPA; null when the SPA is not served (API-only runs). */
  webDir: string | null;
  /** Origins allowed to make cookie-authenticated mutating requests besides the server's own. */
  allowedOrigins: string[];
  /** Express "trust proxy" setting: which hops may set X-Forwarded-* headers. */
  trustProxy: string;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

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

  const webDirSetting = text('BORGITORY_WEB_DIR', 'dist/apps/web');

  const config: AppConfig = {
    port: integer('PORT', 8000, 0, 65535),
    host: text('HOST', '0.0.0.0'),
    dataDir: directory(text('BORGITORY_DATA_DIR', 'data')),
    secretKey,
    maxConcurrentJobs: integer('BORGITORY_MAX_CONCURRENT_JOBS', 2, 1, 64),
    indexBudgetBytes: integer('BORGITORY_INDEX_BUDGET_MB', 2048, 1, 10_000_000) * 1024 * 1024,
    jobRetentionDays: integer('BORGITORY_JOB_RETENTION_DAYS', 90, 1, 36_500),
    borgBin: text('BORG_BIN', 'borg'),
    rcloneBin: text('RCLONE_BIN', 'rclone'),
    webDir: webDirSetting === 'none' ? null : directory(webDirSetting),
    allowedOrigins: allowedOrigins.map((origin) => (URL.canParse(origin) ? new URL(origin).origin : origin)),
    trustProxy: text('BORGITORY_TRUST_PROXY', 'loopback'),
    logLevel,
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
