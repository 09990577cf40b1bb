import type { Channel, ChannelInput, ChannelType, EventName, NotificationService, NotificationServiceField } from '../../api/notifications';
import type { FieldErrors } from '../../forms/form-errors';
import { buildAppriseUrl, parseUrlTemplate, rawFields, schemeOf } from './apprise-url-values';

/** The channel form's values; numbers as typed text. */
export interface ChannelFormValues {
  name: string;
  type: ChannelType;
  /** The Apprise service chosen; '' until one is. */
  service: string;
  /** What was typed into each service's fields, kept while another service is tried. */
  fields: Record<string, Record<string, string>>;
  webhookUrl: string;
  webhookSecret: string;
  /** The secret was made by Generate: it is shown, to be copied into the receiver. */
  secretGenerated: boolean;
  events: EventName[];
  /** null: every repository. */
  repositoryIds: number[] | null;
  enabled: boolean;
  title: string;
  body: string;
  throttleMinutes: string;
}

/** What a new channel subscribes to: everything that needs someone, and recoveries; not every completed backup. */
export const DEFAULT_EVENTS: readonly EventName[] = [
  'backup.warning',
  'backup.failed',
  'job.failed',
  'check.failed',
  'prune.failed',
  'cloud_sync.failed',
  'schedule.skipped',
  'repository.overdue',
  'repository.recovered',
  'repository.unreachable',
  'repository.low_space',
];

export const DEFAULT_THROTTLE_MINUTES = 60;

export function newChannelValues(): ChannelFormValues {
  return {
    name: '',
    type: 'apprise',
    service: '',
    fields: {},
    webhookUrl: '',
    webhookSecret: '',
    secretGenerated: false,
    events: [...DEFAULT_EVENTS],
    repositoryIds: null,
    enabled: true,
    title: '',
    body: '',
    throttleMinutes: String(DEFAULT_THROTTLE_MINUTES),
  };
}

/** The form's values for changing a channel: its settings; its secrets empty (kept unless given anew). */
export function channelFormValues(channel: Channel, services: readonly NotificationService[]): ChannelFormValues {
  const webhookUrl = channel.type === 'webhook' ? channel.config['url'] : undefined;
  return {
    ...newChannelValues(),
    name: channel.name,
    type: channel.type,
    service: channel.type === 'apprise' ? serviceOfTarget(channel.target, services) : '',
    webhookUrl: typeof webhookUrl === 'string' ? webhookUrl : '',
    events: [...channel.events],
    repositoryIds: channel.repository_ids === null ? null : [...channel.repository_ids],
    enabled: channel.enabled,
    title: channel.template.title ?? '',
    body: channel.template.body ?? '',
    throttleMinutes: String(channel.throttle_minutes),
  };
}

/**
 * The service whose URLs start with the scheme of a stored channel's target (masked, but with its scheme): the
 * scheme its template starts with, or one its `scheme` field offers. Otherwise the one that takes any URL as
 * typed, or '' if there is none.
 */
export function serviceOfTarget(target: string, services: readonly NotificationService[]): string {
  const scheme = schemeOf(target);
  const bySchemes = services.find((service) => scheme !== null && schemesOf(service).includes(scheme));
  const anyUrl = services.find((service) => {
    const parts = parseUrlTemplate(service.url_template);
    return parts.length === 1 && 'encoding' in parts[0] && parts[0].encoding === 'raw';
  });
  return (bySchemes ?? anyUrl)?.name ?? '';
}

function schemesOf(service: NotificationService): string[] {
  const fixed = schemeOf(service.url_template);
  if (fixed) return [fixed];
  if (!service.url_template.startsWith('{scheme}://')) return [];
  const field = service.fields.find((candidate) => candidate.name === 'scheme');
  return field?.options?.map((option) => option.value.toLowerCase()) ?? [];
}

/** What a service field holds: what was typed for the chosen service, or else the field's default. */
export function serviceFieldValue(values: ChannelFormValues, field: NotificationServiceField): string {
  return values.fields[values.service]?.[field.name] ?? field.default ?? '';
}

/** The values with one field of the chosen service typed. */
export function withServiceField(values: ChannelFormValues, name: string, value: string): ChannelFormValues {
  return { ...values, fields: { ...values.fields, [values.service]: { ...values.fields[values.service], [name]: value } } };
}

/** Whether anything was typed into the chosen service's fields (on an edit: the stored URL is to be replaced). */
export function serviceFieldsTyped(values: ChannelFormValues): boolean {
  return Object.values(values.fields[values.service] ?? {}).some((value) => value.trim() !== '');
}

/** What the form says about values it cannot send, by the name it shows them at. */
export type FormProblems = FieldErrors;

interface AppriseConfig {
  config: { url?: string };
  problems: FormProblems;
}

/**
 * The Apprise config: the URL the service's template makes of its fields, or nothing (`{}`, so the stored URL is
 * kept) when `keepStored` and no field was typed. Text is trimmed, passwords taken as typed (unless only spaces),
 * a URL as typed trimmed too. Problems (`service.<field>`): a required field left empty, a number that is not one.
 */
export function appriseConfig(values: ChannelFormValues, service: NotificationService, keepStored: boolean): AppriseConfig {
  if (keepStored && !serviceFieldsTyped(values)) return { config: {}, problems: {} };
  const raw = rawFields(service.url_template);
  const problems: FormProblems = {};
  const texts: Record<string, string> = {};
  for (const field of service.fields) {
    const typed = serviceFieldValue(values, field);
    const text = field.type === 'password' && !raw.includes(field.name) && typed.trim() !== '' ? typed : typed.trim();
    if (text === '' && field.required) problems[`service.${field.name}`] = [`${field.label} is required.`];
    else if (text !== '' && field.type === 'integer' && !/^\d+$/.test(text)) {
      problems[`service.${field.name}`] = [`${field.label} must be a whole number.`];
    }
    texts[field.name] = text;
  }
  return { config: { url: buildAppriseUrl(service.url_template, texts) }, problems };
}

/** What the channel being changed holds that an edit may keep. */
export interface SavedChannel {
  type: ChannelType;
  secrets_set: readonly string[];
}

export interface ChannelRequest {
  input: ChannelInput;
  /** Why it cannot be sent, by the field the form shows it at (`service`, `service.port`, `repository_ids`, `throttle_minutes`). */
  problems: FormProblems;
}

/**
 * The request body, and what stops it being sent. A stored secret is kept (left out of `config`) when the type
 * stays and nothing new is given: an Apprise channel's URL while no service field is typed, a webhook's secret
 * while the secret is empty. An empty template is the default (null); an empty throttle is left to the server (60).
 */
export function channelRequest(values: ChannelFormValues, services: readonly NotificationService[], saved?: SavedChannel): ChannelRequest {
  const problems: FormProblems = {};
  const keeps = (secret: string) => saved !== undefined && saved.type === values.type && saved.secrets_set.includes(secret);

  let config: ChannelInput['config'];
  if (values.type === 'webhook') {
    config = { url: values.webhookUrl.trim() };
    if (values.webhookSecret !== '' || !keeps('secret')) config['secret'] = values.webhookSecret;
  } else {
    const service = services.find((candidate) => candidate.name === values.service);
    if (service) {
      const apprise = appriseConfig(values, service, keeps('url'));
      config = apprise.config;
      Object.assign(problems, apprise.problems);
    } else {
      config = {};
      if (!keeps('url')) problems['service'] = ['Choose a service.'];
    }
  }

  if (values.repositoryIds !== null && values.repositoryIds.length === 0) {
    problems['repository_ids'] = ['Choose at least one repository, or all of them.'];
  }
  const throttle = values.throttleMinutes.trim();
  if (throttle !== '' && !/^\d+$/.test(throttle)) problems['throttle_minutes'] = ['Enter a whole number of minutes.'];

  const input: ChannelInput = {
    name: values.name.trim(),
    type: values.type,
    config,
    events: values.events,
    repository_ids: values.repositoryIds,
    enabled: values.enabled,
    template: { title: values.title.trim() || null, body: values.body.trim() === '' ? null : values.body },
  };
  if (/^\d+$/.test(throttle)) input.throttle_minutes = Number(throttle);
  return { input, problems };
}

/** The values with an event subscribed to or not, in the order of `order` (the catalog's). */
export function withEvent(values: ChannelFormValues, event: EventName, chosen: boolean, order: readonly EventName[]): ChannelFormValues {
  const events = new Set(values.events);
  if (chosen) events.add(event);
  else events.delete(event);
  return { ...values, events: order.filter((name) => events.has(name)) };
}

/** The values with a repository chosen or not (the filter stays a list, even an empty one). */
export function withRepository(values: ChannelFormValues, id: number, chosen: boolean): ChannelFormValues {
  const others = (values.repositoryIds ?? []).filter((candidate) => candidate !== id);
  return { ...values, repositoryIds: chosen ? [...others, id].sort((a, b) => a - b) : others };
}

/** A signing secret for a webhook: 32 random bytes, base64url (43 characters). */
export function generateSecret(fill: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = fill(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
