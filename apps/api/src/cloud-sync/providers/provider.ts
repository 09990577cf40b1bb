import { hostProblem } from '@borgitory/remote-host';
import type { RcloneRemote } from '@borgitory/rclone-runner';

export const PROVIDER_NAMES = ['s3', 'sftp', 'webdav', 'smb', 'local'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export type ProviderFieldType = 'string' | 'integer' | 'boolean' | 'select' | 'password' | 'text';

/** One field of a provider's form: the SPA renders the form from these. */
export interface ProviderField {
  name: string;
  label: string;
  type: ProviderFieldType;
  required: boolean;
  /** Write-only: stored sealed, never shown again. */
  secret: boolean;
  default: string | number | boolean | null;
  help: string;
  /** For select. */
  options?: Array<{ value: string; label: string }>;
  /** For string: what a value must look like, and what to say otherwise. */
  pattern?: { regex: RegExp; message: string };
  /** For string, after the pattern: why the value is refused, or null. */
  check?: (value: string) => string | null;
}

/** Values that fill a provider's fields for a known service (S3 presets). */
export interface ProviderPreset {
  name: string;
  label: string;
  values: Record<string, string | boolean>;
  help: string;
}

/** A config's settings as the provider reads them: plain fields and secrets in the clear (only while a call runs). */
export type ProviderValues = Record<string, string | number | boolean>;

/** What building a remote may need from outside: passwords in rclone's obscured form, a known_hosts file. */
export interface RemoteTools {
  obscure(secret: string): Promise<string>;
  /** Writes the known_hosts file for these host key lines and returns its path. */
  knownHostsFile(lines: string[]): Promise<string>;
}

export interface CloudProvider {
  name: ProviderName;
  label: string;
  description: string;
  fields: ProviderField[];
  presets: ProviderPreset[];
  /** The rclone remote and the path on it below which repositories go ("bucket/prefix"). */
  remote(values: ProviderValues, pathPrefix: string, tools: RemoteTools): Promise<{ remote: RcloneRemote; basePath: string }>;
  /** Problems that involve several fields, by field name. */
  problems?(values: ProviderValues): Record<string, string>;
}

/** prefix/segments joined with single slashes, without a leading one unless the first part has it. */
/** The server of a provider reached by name or address (SFTP, SMB), refused when ssh or rclone could read it as more. */
export const HOST_FIELD: ProviderField = {
  name: 'host',
  label: 'Host',
  type: 'string',
  required: true,
  secret: false,
  default: null,
  help: 'Name or address of the server',
  check: (value) => hostProblem(value, 'bare'),
};

export function joinPath(...parts: string[]): string {
  const kept = parts.filter((part) => part !== '');
  const joined = kept
    .map((part, index) => (index === 0 ? part.replace(/\/+$/, '') : part.replace(/^\/+|\/+$/g, '')))
    .filter((part, index) => part !== '' || index === 0);
  return joined.join('/');
}

/** Why the host of a URL field is refused (the same rule as for ssh hosts, on the URL's parsed host), or null. */
export function urlHostProblem(url: string): string | null {
  if (!URL.canParse(url)) return `${JSON.stringify(url)} is not a URL`;
  return hostProblem(new URL(url).hostname, 'bracketed');
}

export const str = (values: ProviderValues, name: string): string => {
  const value = values[name];
  return value === undefined || value === null ? '' : String(value);
};

/**
 * Sets rclone's `user` and obscured `pass` options from the user and password fields when they are filled, and returns
 * the secrets (the password in both forms) that must never show in rclone's output.
 */
export async function addLogin(values: ProviderValues, options: Record<string, string>, tools: RemoteTools): Promise<string[]> {
  if (str(values, 'user')) options['user'] = str(values, 'user');
  const password = str(values, 'password');
  if (!password) return [];
  options['pass'] = await tools.obscure(password);
  return [password, options['pass']];
}
