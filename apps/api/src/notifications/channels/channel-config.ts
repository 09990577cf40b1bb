import { appriseUrlProblem, maskAppriseUrl } from '@borgitory/apprise-runner';
import type { ChannelType } from './notification-channel.entity';

export interface CheckedChannelConfig {
  /** Fields that are not secret. */
  settings: Record<string, string>;
  /** Secret fields in the clear: the stored ones, replaced by what the request gave. */
  secrets: Record<string, string>;
  /** Where deliveries go, with secrets masked. */
  target: string;
  /** Per field ("config.url"), empty when all is well. */
  problems: Record<string, string[]>;
}

interface ConfigField {
  secret: boolean;
  check(value: string): string | null;
}

const MIN_WEBHOOK_SECRET = 16;

const FIELDS: Record<ChannelType, Record<string, ConfigField>> = {
  apprise: { url: { secret: true, check: appriseUrlProblem } },
  webhook: {
    url: { secret: false, check: webhookUrlProblem },
    secret: {
      secret: true,
      check: (value) =>
        value.length < MIN_WEBHOOK_SECRET || value.length > 256
          ? `The signing secret must be ${MIN_WEBHOOK_SECRET} to 256 characters`
          : [...value].some((char) => char.charCodeAt(0) < 0x20)
            ? 'The signing secret cannot contain control characters'
            : null,
    },
  },
};

/**
 * Checks a request's config against its channel type. A secret left out keeps its stored value, so an edit need not
 * repeat it; every field is required.
 */
export function checkChannelConfig(
  type: ChannelType,
  input: Record<string, unknown>,
  storedSecrets: Record<string, string>,
): CheckedChannelConfig {
  const fields = FIELDS[type];
  const problems: Record<string, string[]> = {};
  const settings: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  const say = (name: string, message: string) => (problems[`config.${name}`] ??= []).push(message);

  for (const name of Object.keys(input)) if (!(name in fields)) say(name, `Unknown field "${name}" for ${type} channels`);
  for (const [name, field] of Object.entries(fields)) {
    const value = input[name];
    const kept = field.secret ? storedSecrets[name] : undefined;
    if (value === undefined || value === null || value === '') {
      if (kept) secrets[name] = kept;
      else say(name, `${name} is required`);
      continue;
    }
    if (typeof value !== 'string') {
      say(name, `${name} must be a string`);
      continue;
    }
    const problem = field.check(value);
    if (problem) say(name, problem);
    else if (field.secret) secrets[name] = value;
    else settings[name] = value;
  }
  const target = type === 'apprise' ? (secrets['url'] ? maskAppriseUrl(secrets['url']) : '') : maskQuery(settings['url'] ?? '');
  return { settings, secrets, target, problems };
}

function webhookUrlProblem(value: string): string | null {
  if (value.length > 2048) return 'The URL must be at most 2048 characters';
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) return 'The URL must be an http:// or https:// address';
  const url = new URL(value);
  if (url.username || url.password) return 'Put no login in the URL; receivers verify the signature instead';
  return null;
}

/** The address without its query's values, which can carry tokens. */
function maskQuery(value: string): string {
  if (!URL.canParse(value)) return value;
  const url = new URL(value);
  for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '****');
  return url.toString().replace(/%2A/g, '*');
}
