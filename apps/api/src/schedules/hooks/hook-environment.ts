import { ENV_ALLOWLIST } from '@borgitory/borg-runner';

export const MAX_ENV_ENTRIES = 50;
export const MAX_ENV_VALUE_LENGTH = 10_000;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
const RESERVED_PREFIX = 'BORGITORY_';

/** Why a hook's env is refused, or null when it is fine. */
export function hookEnvProblem(env: unknown): string | null {
  if (typeof env !== 'object' || env === null || Array.isArray(env)) return 'env must be an object of names to string values';
  const entries = Object.entries(env);
  if (entries.length > MAX_ENV_ENTRIES) return `env can have at most ${MAX_ENV_ENTRIES} variables`;
  for (const [name, value] of entries) {
    if (!ENV_NAME.test(name)) return `"${name}" is not a variable name (letters, digits and _, not starting with a digit)`;
    if (name.toUpperCase().startsWith(RESERVED_PREFIX)) return `${name}: names starting with ${RESERVED_PREFIX} are set by Borgitory`;
    if (typeof value !== 'string') return `The value of ${name} must be a string`;
    if (value.length > MAX_ENV_VALUE_LENGTH || value.includes('\0')) {
      return `The value of ${name} must be at most ${MAX_ENV_VALUE_LENGTH} characters, without NUL`;
    }
  }
  return null;
}

/** What a hook is told about the run; `BORGITORY_` is prefixed to each name. */
export type RunFacts = Record<string, string | number | null | undefined>;

/**
 * The complete environment of a hook: the server's basic variables (never the rest of its environment, which can
 * hold BORGITORY_SECRET_KEY), the hook's own env, and BORGITORY_* facts about the run. No passphrase is ever in it.
 */
export function buildHookEnvironment(
  hookEnv: Record<string, string>,
  facts: RunFacts,
  base: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ENV_ALLOWLIST) {
    const value = base[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, hookEnv);
  for (const [name, value] of Object.entries(facts)) {
    if (value !== null && value !== undefined) env[`${RESERVED_PREFIX}${name}`] = String(value);
  }
  return env;
}
