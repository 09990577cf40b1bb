import { CloudProvider, ProviderField, ProviderValues } from './providers/provider';

const MAX_LENGTH: Record<string, number> = { string: 2048, password: 4096, text: 16_384, select: 64 };

export interface CheckedProviderConfig {
  /** Fields that are not secret, defaults filled in. */
  settings: Record<string, string | number | boolean>;
  /** Secret fields in the clear: the stored ones, replaced by what the request gave. */
  secrets: Record<string, string>;
  /** Per field ("provider_config.bucket_name"), empty when all is well. */
  problems: Record<string, string[]>;
}

/**
 * Checks a request's provider_config against the provider's fields. A secret left out keeps its stored value (so an
 * edit need not repeat it); an empty string removes it.
 */
export function checkProviderConfig(
  provider: CloudProvider,
  input: Record<string, unknown>,
  storedSecrets: Record<string, string>,
): CheckedProviderConfig {
  const problems: Record<string, string[]> = {};
  const settings: Record<string, string | number | boolean> = {};
  const secrets: Record<string, string> = { ...storedSecrets };
  const fields = new Map(provider.fields.map((field) => [field.name, field]));
  const say = (name: string, message: string) => (problems[`provider_config.${name}`] ??= []).push(message);

  for (const name of Object.keys(input)) if (!fields.has(name)) say(name, `Unknown field "${name}" for ${provider.name}`);
  for (const field of provider.fields) {
    const value = input[field.name];
    if (field.secret) {
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') say(field.name, `${field.name} must be a string`);
      else if (value === '') delete secrets[field.name];
      else if (value.length > MAX_LENGTH[field.type]) say(field.name, `${field.name} must be at most ${MAX_LENGTH[field.type]} characters`);
      else secrets[field.name] = value;
      continue;
    }
    const problem = value === undefined || value === null || value === '' ? null : valueProblem(field, value);
    if (problem) say(field.name, problem);
    else if (value !== undefined && value !== null && value !== '') settings[field.name] = value as string | number | boolean;
    else if (field.default !== null && field.default !== '') settings[field.name] = field.default;
  }
  for (const field of provider.fields) {
    const present = field.secret ? Boolean(secrets[field.name]) : settings[field.name] !== undefined;
    if (field.required && !present && !problems[`provider_config.${field.name}`]) say(field.name, `${field.name} is required`);
  }
  if (Object.keys(problems).length === 0) {
    for (const [name, message] of Object.entries(provider.problems?.({ ...settings, ...secrets } as ProviderValues) ?? {}))
      say(name, message);
  }
  return { settings, secrets, problems };
}

function valueProblem(field: ProviderField, value: unknown): string | null {
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `${field.name} must be true or false`;
    case 'integer':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65_535
        ? null
        : `${field.name} must be a whole number from 1 to 65535`;
    case 'select':
      return typeof value === 'string' && field.options?.some((option) => option.value === value)
        ? null
        : `${field.name} must be one of ${(field.options ?? []).map((option) => option.value || '""').join(', ')}`;
    default:
      if (typeof value !== 'string') return `${field.name} must be a string`;
      if (value.length > MAX_LENGTH[field.type]) return `${field.name} must be at most ${MAX_LENGTH[field.type]} characters`;
      if (/[\0]/.test(value)) return `${field.name} cannot contain NUL`;
      if (field.pattern && !field.pattern.regex.test(value)) return field.pattern.message;
      return field.check?.(value) ?? null;
  }
}
