import type { Channel, EventName, NotificationService, NotificationServiceField } from '../../api/notifications';
import {
  appriseConfig,
  channelFormValues,
  channelRequest,
  DEFAULT_EVENTS,
  generateSecret,
  newChannelValues,
  serviceFieldsTyped,
  serviceFieldValue,
  serviceOfTarget,
  withEvent,
  withRepository,
  withServiceField,
  type ChannelFormValues,
} from './channel-form-values';

const field = (name: string, changes: Partial<NotificationServiceField> = {}): NotificationServiceField => ({
  name,
  label: name.charAt(0).toUpperCase() + name.slice(1),
  type: 'string',
  required: true,
  default: null,
  help: '',
  ...changes,
});

/** Cut-down services, as GET /api/notifications/providers describes them. */
const DISCORD: NotificationService = {
  name: 'discord',
  label: 'Discord',
  description: '',
  url_template: 'discord://{webhook_id}/{webhook_token}',
  fields: [field('webhook_id'), field('webhook_token', { type: 'password' })],
  docs_url: 'https://example.org/discord',
};

const JSON_SERVICE: NotificationService = {
  name: 'json',
  label: 'JSON over HTTP',
  description: '',
  url_template: '{scheme}://[{user}:{password}@]{host}[:{port}][/{path/}]',
  fields: [
    field('scheme', {
      type: 'select',
      default: 'jsons',
      options: [
        { value: 'jsons', label: 'HTTPS' },
        { value: 'json', label: 'HTTP' },
      ],
    }),
    field('host'),
    field('port', { type: 'integer', required: false }),
    field('path', { required: false }),
    field('user', { required: false }),
    field('password', { type: 'password', required: false }),
  ],
  docs_url: 'https://example.org/json',
};

const ANY: NotificationService = {
  name: 'apprise',
  label: 'Any Apprise URL',
  description: '',
  url_template: '{url!}',
  fields: [field('url', { label: 'Apprise URL', type: 'password' })],
  docs_url: 'https://example.org/any',
};

const SERVICES = [DISCORD, JSON_SERVICE, ANY];
const ORDER: EventName[] = ['backup.completed', 'backup.failed', 'check.failed', 'repository.overdue'];

const STORED: Channel = {
  id: 4,
  name: 'Team chat',
  type: 'apprise',
  config: {},
  secrets_set: ['url'],
  target: 'discord://****/****',
  events: ['backup.failed'],
  repository_ids: [2, 5],
  enabled: false,
  template: { title: '{title}', body: null },
  throttle_minutes: 15,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

const WEBHOOK: Channel = {
  ...STORED,
  type: 'webhook',
  config: { url: 'https://hooks.example.org/borg' },
  secrets_set: ['secret'],
  target: 'https://hooks.example.org/borg',
  repository_ids: null,
  template: { title: null, body: null },
};

const values = (changes: Partial<ChannelFormValues>): ChannelFormValues => ({ ...newChannelValues(), ...changes });

describe('newChannelValues', () => {
  it('is an enabled Apprise channel for every repository, subscribed to what needs someone, throttled for an hour', () => {
    expect(newChannelValues()).toEqual({
      name: '',
      type: 'apprise',
      service: '',
      fields: {},
      webhookUrl: '',
      webhookSecret: '',
      secretGenerated: false,
      events: DEFAULT_EVENTS,
      repositoryIds: null,
      enabled: true,
      title: '',
      body: '',
      throttleMinutes: '60',
    });
    expect(DEFAULT_EVENTS).not.toContain('backup.completed');
  });
});

describe('channelFormValues', () => {
  it('holds an Apprise channel’s settings, its service guessed from the target, and no URL', () => {
    expect(channelFormValues(STORED, SERVICES)).toEqual({
      ...newChannelValues(),
      name: 'Team chat',
      type: 'apprise',
      service: 'discord',
      events: ['backup.failed'],
      repositoryIds: [2, 5],
      enabled: false,
      title: '{title}',
      body: '',
      throttleMinutes: '15',
    });
  });

  it('holds a webhook’s URL, but not its secret', () => {
    const form = channelFormValues(WEBHOOK, SERVICES);
    expect(form).toMatchObject({ type: 'webhook', service: '', webhookUrl: 'https://hooks.example.org/borg', webhookSecret: '' });
    expect(form.repositoryIds).toBeNull();
    expect(channelFormValues({ ...WEBHOOK, config: {} }, SERVICES).webhookUrl).toBe('');
  });
});

describe('serviceOfTarget', () => {
  it('finds the service by the scheme its template starts with, or one its scheme field offers', () => {
    expect(serviceOfTarget('discord://****/****', SERVICES)).toBe('discord');
    expect(serviceOfTarget('json://127.0.0.1:8080/hook', SERVICES)).toBe('json');
    expect(serviceOfTarget('JSONS://host', SERVICES)).toBe('json');
  });

  it('falls back to the service that takes any URL, or none', () => {
    expect(serviceOfTarget('tgram://****/123', SERVICES)).toBe('apprise');
    expect(serviceOfTarget('garbage', SERVICES)).toBe('apprise');
    expect(serviceOfTarget('tgram://****', [DISCORD])).toBe('');
    expect(serviceOfTarget('x://', [{ ...JSON_SERVICE, url_template: '{host}://' }])).toBe('');
  });

  it('reads no scheme from a template that starts with a scheme field without options', () => {
    const fields = JSON_SERVICE.fields.map((f) => (f.name === 'scheme' ? { ...f, options: undefined } : f));
    expect(serviceOfTarget('json://h', [{ ...JSON_SERVICE, fields }])).toBe('');
  });
});

describe('service fields', () => {
  const scheme = JSON_SERVICE.fields[0];
  const host = JSON_SERVICE.fields[1];

  it('hold what was typed for the chosen service, else the default, else nothing', () => {
    const typed = withServiceField(values({ service: 'json' }), 'host', 'receiver');
    expect(serviceFieldValue(typed, host)).toBe('receiver');
    expect(serviceFieldValue(typed, scheme)).toBe('jsons');
    expect(serviceFieldValue(values({ service: 'json' }), host)).toBe('');
    expect(serviceFieldValue({ ...typed, service: 'discord' }, host)).toBe('');
  });

  it('keep what was typed for another service', () => {
    const typed = withServiceField(withServiceField(values({ service: 'json' }), 'host', 'h'), 'port', '80');
    const other = withServiceField({ ...typed, service: 'discord' }, 'webhook_id', '1');
    expect(other.fields).toEqual({ json: { host: 'h', port: '80' }, discord: { webhook_id: '1' } });
  });

  it('count as typed once one holds more than spaces', () => {
    expect(serviceFieldsTyped(values({ service: 'json' }))).toBe(false);
    expect(serviceFieldsTyped(values({ service: 'json', fields: { json: { host: '  ' } } }))).toBe(false);
    expect(serviceFieldsTyped(values({ service: 'json', fields: { json: { host: 'h' } } }))).toBe(true);
  });
});

describe('appriseConfig', () => {
  const json = (fields: Record<string, string>) => values({ service: 'json', fields: { json: fields } });

  it('makes the URL from the fields, defaults included, text trimmed and optional parts left out', () => {
    expect(appriseConfig(json({ host: ' 127.0.0.1 ', port: '8080', path: 'hook' }), JSON_SERVICE, false)).toEqual({
      config: { url: 'jsons://127.0.0.1:8080/hook' },
      problems: {},
    });
    expect(appriseConfig(json({ scheme: 'json', host: 'h', user: 'me', password: ' p@ss ' }), JSON_SERVICE, false).config.url).toBe(
      'json://me:%20p%40ss%20@h',
    );
  });

  it('takes a password of spaces as empty, and a URL as typed trimmed', () => {
    expect(appriseConfig(json({ host: 'h', user: 'me', password: '   ' }), JSON_SERVICE, false).config.url).toBe('jsons://h');
    const any = values({ service: 'apprise', fields: { apprise: { url: ' pover://u@t ' } } });
    expect(appriseConfig(any, ANY, false).config.url).toBe('pover://u@t');
  });

  it('says which required fields are empty and which numbers are not numbers', () => {
    expect(appriseConfig(json({ host: ' ', port: '80a' }), JSON_SERVICE, false).problems).toEqual({
      'service.host': ['Host is required.'],
      'service.port': ['Port must be a whole number.'],
    });
    expect(appriseConfig(values({ service: 'discord' }), DISCORD, false).problems).toEqual({
      'service.webhook_id': ['Webhook_id is required.'],
      'service.webhook_token': ['Webhook_token is required.'],
    });
  });

  it('keeps the stored URL (config {}) while nothing is typed, and replaces it once something is', () => {
    expect(appriseConfig(values({ service: 'discord' }), DISCORD, true)).toEqual({ config: {}, problems: {} });
    const typed = values({ service: 'discord', fields: { discord: { webhook_id: '1' } } });
    expect(appriseConfig(typed, DISCORD, true)).toEqual({
      config: { url: 'discord://1/' },
      problems: { 'service.webhook_token': ['Webhook_token is required.'] },
    });
  });
});

describe('channelRequest', () => {
  const discord = values({
    name: ' Team chat ',
    service: 'discord',
    fields: { discord: { webhook_id: '123', webhook_token: 'tok/en' } },
    events: ['backup.failed'],
    title: '  ',
    body: '{summary}\n',
  });

  it('sends an Apprise channel with the URL its service makes', () => {
    expect(channelRequest(discord, SERVICES)).toEqual({
      input: {
        name: 'Team chat',
        type: 'apprise',
        config: { url: 'discord://123/tok%2Fen' },
        events: ['backup.failed'],
        repository_ids: null,
        enabled: true,
        template: { title: null, body: '{summary}\n' },
        throttle_minutes: 60,
      },
      problems: {},
    });
  });

  it('asks for a service, unless an edit keeps the stored URL', () => {
    const none = values({ service: '' });
    expect(channelRequest(none, SERVICES).problems).toEqual({ service: ['Choose a service.'] });
    expect(channelRequest(none, SERVICES, { type: 'apprise', secrets_set: ['url'] })).toMatchObject({
      input: { config: {} },
      problems: {},
    });
  });

  it('keeps the stored URL only while the type stays apprise and nothing is typed', () => {
    const untouched = values({ service: 'discord' });
    expect(channelRequest(untouched, SERVICES, { type: 'apprise', secrets_set: ['url'] }).input.config).toEqual({});
    expect(channelRequest(untouched, SERVICES, { type: 'webhook', secrets_set: ['secret'] }).problems).toHaveProperty([
      'service.webhook_id',
    ]);
    expect(channelRequest(discord, SERVICES, { type: 'apprise', secrets_set: ['url'] }).input.config).toEqual({
      url: 'discord://123/tok%2Fen',
    });
  });

  it('sends a webhook’s URL trimmed and its secret as typed, or leaves the secret out to keep the stored one', () => {
    const webhook = values({ type: 'webhook', webhookUrl: ' https://h.example.org/x ', webhookSecret: ' secret ' });
    expect(channelRequest(webhook, SERVICES).input.config).toEqual({ url: 'https://h.example.org/x', secret: ' secret ' });
    const kept = { ...webhook, webhookSecret: '' };
    expect(channelRequest(kept, SERVICES, { type: 'webhook', secrets_set: ['secret'] }).input.config).toEqual({
      url: 'https://h.example.org/x',
    });
    // Nothing stored to keep: the empty secret is sent, for the server to say it is required.
    expect(channelRequest(kept, SERVICES).input.config).toEqual({ url: 'https://h.example.org/x', secret: '' });
    expect(channelRequest(kept, SERVICES, { type: 'apprise', secrets_set: ['url'] }).input.config).toHaveProperty('secret', '');
  });

  it('sends the repository filter, and refuses an empty choice', () => {
    expect(channelRequest({ ...discord, repositoryIds: [3] }, SERVICES).input.repository_ids).toEqual([3]);
    expect(channelRequest({ ...discord, repositoryIds: [] }, SERVICES).problems).toEqual({
      repository_ids: ['Choose at least one repository, or all of them.'],
    });
  });

  it('sends the throttle as a number, leaves an empty one to the server, and refuses one that is not a number', () => {
    expect(channelRequest({ ...discord, throttleMinutes: ' 0 ' }, SERVICES).input.throttle_minutes).toBe(0);
    expect(channelRequest({ ...discord, throttleMinutes: '' }, SERVICES).input).not.toHaveProperty('throttle_minutes');
    const wrong = channelRequest({ ...discord, throttleMinutes: '1.5' }, SERVICES);
    expect(wrong.problems).toEqual({ throttle_minutes: ['Enter a whole number of minutes.'] });
    expect(wrong.input).not.toHaveProperty('throttle_minutes');
  });

  it('sends templates that are given, trimming the title only', () => {
    const input = channelRequest({ ...discord, title: ' {title} ', body: '  \n ' }, SERVICES).input;
    expect(input.template).toEqual({ title: '{title}', body: null });
  });
});

describe('withEvent', () => {
  it('adds or removes an event, in the catalog’s order', () => {
    const form = values({ events: ['repository.overdue'] });
    expect(withEvent(form, 'backup.failed', true, ORDER).events).toEqual(['backup.failed', 'repository.overdue']);
    expect(withEvent(form, 'repository.overdue', false, ORDER).events).toEqual([]);
    expect(withEvent(form, 'repository.overdue', true, ORDER).events).toEqual(['repository.overdue']);
  });
});

describe('withRepository', () => {
  it('chooses repositories in order of id, from every repository too, and keeps an empty choice a list', () => {
    const all = values({ repositoryIds: null });
    expect(withRepository(all, 5, true).repositoryIds).toEqual([5]);
    expect(withRepository(values({ repositoryIds: [5] }), 2, true).repositoryIds).toEqual([2, 5]);
    expect(withRepository(values({ repositoryIds: [5] }), 5, false).repositoryIds).toEqual([]);
    expect(withRepository(all, 5, false).repositoryIds).toEqual([]);
  });
});

describe('generateSecret', () => {
  it('is 32 random bytes in base64url: 43 characters that need no quoting', () => {
    const secret = generateSecret((bytes) => bytes.fill(0xfb));
    expect(secret).toBe('-_v7'.repeat(10) + '-_s');
    expect(secret).toHaveLength(43);
  });

  it('uses the browser’s random numbers by default', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateSecret()).not.toBe(secret);
  });
});
