import type {
  CloudProvider,
  CloudSyncConfig,
  CloudSyncConfigInput,
  CloudSyncMode,
  ProviderField,
  ProviderName,
  ProviderPreset,
} from '../../api/cloud-sync';

/** A provider field as the form holds it: a checkbox's state, or text as typed. */
export type FieldValue = string | boolean;
export type FieldValues = Record<string, FieldValue>;

/** The cloud sync form's values. */
export interface CloudSyncFormValues {
  name: string;
  /** '' until a provider is chosen. */
  provider: ProviderName | '';
  /** What was typed into each provider's fields, kept while another provider is tried. */
  fields: Partial<Record<ProviderName, FieldValues>>;
  /** Secret fields whose stored value is to be removed. */
  clearSecrets: string[];
  /** The preset last applied, for its advice. */
  preset: string;
  pathPrefix: string;
  mode: CloudSyncMode;
  bandwidthLimit: string;
}

export function newCloudSyncValues(): CloudSyncFormValues {
  return {
    name: '',
    provider: '',
    fields: {},
    clearSecrets: [],
    preset: '',
    pathPrefix: '',
    mode: 'copy',
    bandwidthLimit: '',
  };
}

/** The form's values for changing a configuration: its settings as text; its secrets empty (kept unless typed anew). */
export function cloudSyncFormValues(config: CloudSyncConfig): CloudSyncFormValues {
  const settings = Object.fromEntries(Object.entries(config.provider_config).map(([name, value]) => [name, asFieldValue(value)]));
  return {
    name: config.name,
    provider: config.provider,
    fields: { [config.provider]: settings },
    clearSecrets: [],
    preset: '',
    pathPrefix: config.path_prefix,
    mode: config.mode,
    bandwidthLimit: config.bandwidth_limit ?? '',
  };
}

/** What a field holds: what was typed, or else the provider's default. */
export function fieldValue(values: CloudSyncFormValues, field: ProviderField): FieldValue {
  const typed = values.provider === '' ? undefined : values.fields[values.provider]?.[field.name];
  if (typed !== undefined) return typed;
  return field.type === 'boolean' ? field.default === true : asFieldValue(field.default);
}

/** The values with a preset's settings filled into the chosen provider's fields. */
export function withPreset(values: CloudSyncFormValues, preset: ProviderPreset): CloudSyncFormValues {
  if (values.provider === '') return values;
  const filled = Object.fromEntries(Object.entries(preset.values).map(([name, value]) => [name, asFieldValue(value)]));
  return {
    ...values,
    preset: preset.name,
    fields: { ...values.fields, [values.provider]: { ...values.fields[values.provider], ...filled } },
  };
}

/**
 * The request body. A secret left empty is left out, so a stored one is kept;
 * one to be removed is sent as "". Other empty fields are left out, so the
 * server's default applies; a port that is not a number is sent as typed, for
 * the server to say why.
 */
export function cloudSyncInput(values: CloudSyncFormValues, provider: CloudProvider): CloudSyncConfigInput {
  const providerConfig: Record<string, unknown> = {};
  for (const field of provider.fields) {
    const removed = field.secret && values.clearSecrets.includes(field.name);
    const value = removed ? '' : fieldInput(field, fieldValue(values, field));
    if (value !== undefined) providerConfig[field.name] = value;
  }
  const bandwidthLimit = values.bandwidthLimit.trim();
  return {
    name: values.name.trim(),
    provider: provider.name,
    provider_config: providerConfig,
    path_prefix: values.pathPrefix.trim(),
    mode: values.mode,
    bandwidth_limit: bandwidthLimit === '' ? null : bandwidthLimit,
  };
}

function fieldInput(field: ProviderField, value: FieldValue): unknown {
  if (field.type === 'boolean') return value === true;
  if (typeof value !== 'string') return undefined;
  if (field.type === 'select') return value;
  const text = field.secret ? value : value.trim();
  if (text.trim() === '') return undefined;
  if (field.type === 'integer' && /^\d+$/.test(text)) return Number(text);
  return text;
}

function asFieldValue(value: unknown): FieldValue {
  if (typeof value === 'boolean') return value;
  return value === null || value === undefined ? '' : String(value);
}
