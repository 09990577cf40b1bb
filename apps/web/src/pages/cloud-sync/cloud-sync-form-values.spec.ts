import type { CloudProvider, CloudSyncConfig, ProviderField } from '../../api/cloud-sync';
import {
  cloudSyncFormValues,
  cloudSyncInput,
  fieldValue,
  newCloudSyncValues,
  withPreset,
  type CloudSyncFormValues,
} from './cloud-sync-form-values';

const field = (name: string, type: ProviderField['type'], changes: Partial<ProviderField> = {}): ProviderField => ({
  name,
  label: name,
  type,
  required: false,
  secret: false,
  default: null,
  help: '',
  ...changes,
});

/** A cut-down S3 provider, as GET /api/cloud-sync/providers describes it. */
const S3: CloudProvider = {
  name: 's3',
  label: 'Amazon S3 or S3-compatible',
  description: '',
  fields: [
    field('service', 'select', {
      default: 'AWS',
      options: [
        { value: 'AWS', label: 'AWS' },
        { value: 'Minio', label: 'MinIO' },
      ],
    }),
    field('endpoint', 'string'),
    field('bucket_name', 'string', { required: true }),
    field('access_key_id', 'string', { required: true }),
    field('secret_access_key', 'password', { required: true, secret: true }),
    field('path_style', 'boolean', { default: false }),
    field('storage_class', 'select', { default: '' }),
  ],
  presets: [
    { name: 'minio', label: 'MinIO', values: { service: 'Minio', endpoint: 'http://minio.local:9000', path_style: true }, help: '' },
  ],
};

const SFTP: CloudProvider = {
  name: 'sftp',
  label: 'SFTP (SSH server)',
  description: '',
  fields: [
    field('host', 'string', { required: true }),
    field('port', 'integer', { default: 22 }),
    field('user', 'string', { required: true }),
    field('password', 'password', { secret: true }),
    field('private_key', 'text', { secret: true }),
  ],
  presets: [],
};

const STORED: CloudSyncConfig = {
  id: 5,
  name: 'Off-site',
  provider: 'sftp',
  provider_config: { host: 'nas.local', port: 2222, user: 'backup', note: null },
  secrets_set: ['password'],
  path_prefix: 'borgitory/',
  mode: 'sync',
  bandwidth_limit: '10M',
  last_sync: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

const withFields = (
  provider: CloudSyncFormValues['provider'],
  fields: CloudSyncFormValues['fields'],
  changes: Partial<CloudSyncFormValues> = {},
) => ({
  ...newCloudSyncValues(),
  provider,
  fields,
  ...changes,
});

describe('newCloudSyncValues', () => {
  it('has no provider yet, and copies rather than mirrors', () => {
    expect(newCloudSyncValues()).toEqual({
      name: '',
      provider: '',
      fields: {},
      clearSecrets: [],
      preset: '',
      pathPrefix: '',
      mode: 'copy',
      bandwidthLimit: '',
    });
  });
});

describe('cloudSyncFormValues', () => {
  it('holds the stored settings as text under their provider, and no secrets', () => {
    expect(cloudSyncFormValues(STORED)).toEqual({
      name: 'Off-site',
      provider: 'sftp',
      fields: { sftp: { host: 'nas.local', port: '2222', user: 'backup', note: '' } },
      clearSecrets: [],
      preset: '',
      pathPrefix: 'borgitory/',
      mode: 'sync',
      bandwidthLimit: '10M',
    });
  });

  it('keeps a boolean setting a boolean, and no limit as empty text', () => {
    const values = cloudSyncFormValues({ ...STORED, provider: 's3', provider_config: { path_style: true }, bandwidth_limit: null });
    expect(values.fields).toEqual({ s3: { path_style: true } });
    expect(values.bandwidthLimit).toBe('');
  });
});

describe('fieldValue', () => {
  const port = SFTP.fields[1];
  const pathStyle = S3.fields[5];

  it('is what was typed', () => {
    expect(fieldValue(withFields('sftp', { sftp: { port: '2222' } }), port)).toBe('2222');
    expect(fieldValue(withFields('sftp', { sftp: { port: '' } }), port)).toBe('');
  });

  it("is the provider's default, as text, until something is typed", () => {
    expect(fieldValue(withFields('sftp', {}), port)).toBe('22');
    expect(fieldValue(withFields('sftp', { sftp: { host: 'nas' } }), port)).toBe('22');
    expect(fieldValue(withFields('sftp', {}), SFTP.fields[0])).toBe('');
  });

  it('gives a checkbox its default as a boolean', () => {
    expect(fieldValue(withFields('s3', {}), pathStyle)).toBe(false);
    expect(fieldValue(withFields('s3', {}), { ...pathStyle, default: true })).toBe(true);
    expect(fieldValue(withFields('s3', {}), { ...pathStyle, default: null })).toBe(false);
    expect(fieldValue(withFields('s3', { s3: { path_style: true } }), pathStyle)).toBe(true);
  });

  it('reads only what was typed for the chosen provider', () => {
    expect(fieldValue(withFields('sftp', { s3: { port: '9000' } }), port)).toBe('22');
    expect(fieldValue(withFields('', { sftp: { port: '2222' } }), port)).toBe('22');
  });
});

describe('withPreset', () => {
  it("fills the preset's settings in, keeping what else was typed for this and other providers", () => {
    const before = withFields('s3', { s3: { bucket_name: 'backups', endpoint: 'typed' }, sftp: { host: 'nas' } });
    const after = withPreset(before, S3.presets[0]);
    expect(after.preset).toBe('minio');
    expect(after.fields).toEqual({
      s3: { bucket_name: 'backups', endpoint: 'http://minio.local:9000', service: 'Minio', path_style: true },
      sftp: { host: 'nas' },
    });
    expect(before.fields.s3).toEqual({ bucket_name: 'backups', endpoint: 'typed' });
  });

  it('does nothing before a provider is chosen', () => {
    const before = newCloudSyncValues();
    expect(withPreset(before, S3.presets[0])).toBe(before);
  });
});

describe('cloudSyncInput', () => {
  it("sends the provider's fields as typed, numbers as numbers and text trimmed", () => {
    const values = withFields(
      'sftp',
      { sftp: { host: ' nas.local ', port: ' 2222 ', user: 'backup', password: ' pass word ' }, s3: { bucket_name: 'not sent' } },
      { name: ' Off-site ', pathPrefix: ' borgitory/ ', mode: 'sync', bandwidthLimit: ' 10M ' },
    );
    expect(cloudSyncInput(values, SFTP)).toEqual({
      name: 'Off-site',
      provider: 'sftp',
      provider_config: { host: 'nas.local', port: 2222, user: 'backup', password: ' pass word ' },
      path_prefix: 'borgitory/',
      mode: 'sync',
      bandwidth_limit: '10M',
    });
  });

  it("leaves out empty fields, so the server's defaults apply, and sends no limit as null", () => {
    const values = withFields('sftp', { sftp: { host: 'nas', port: '', user: '  ' } }, { bandwidthLimit: '  ' });
    const input = cloudSyncInput(values, SFTP);
    expect(input.provider_config).toEqual({ host: 'nas' });
    expect(input.bandwidth_limit).toBeNull();
  });

  it("sends a field's default when nothing was typed", () => {
    expect(cloudSyncInput(withFields('sftp', { sftp: { host: 'nas' } }), SFTP).provider_config).toEqual({ host: 'nas', port: 22 });
  });

  it('sends a port that is not a number as typed, for the server to say why', () => {
    expect(cloudSyncInput(withFields('sftp', { sftp: { port: '22a' } }), SFTP).provider_config['port']).toBe('22a');
    expect(cloudSyncInput(withFields('sftp', { sftp: { port: '-1' } }), SFTP).provider_config['port']).toBe('-1');
  });

  it('keeps a stored secret that was left empty, and removes one marked to clear', () => {
    const kept = withFields('sftp', { sftp: { host: 'nas', password: '', private_key: '   ' } });
    expect(cloudSyncInput(kept, SFTP).provider_config).not.toHaveProperty('password');
    expect(cloudSyncInput(kept, SFTP).provider_config).not.toHaveProperty('private_key');

    const cleared = { ...kept, clearSecrets: ['password', 'host'] };
    expect(cloudSyncInput(cleared, SFTP).provider_config).toEqual({ host: 'nas', port: 22, password: '' });
    const retyped = { ...cleared, fields: { sftp: { host: 'nas', password: 'new' } } };
    expect(cloudSyncInput(retyped, SFTP).provider_config['password']).toBe('');
  });

  it('sends checkboxes and selects always, an empty choice included', () => {
    const values = withFields('s3', { s3: { bucket_name: 'b', access_key_id: 'AKIA', secret_access_key: 'wJal' } });
    expect(cloudSyncInput(values, S3).provider_config).toEqual({
      service: 'AWS',
      bucket_name: 'b',
      access_key_id: 'AKIA',
      secret_access_key: 'wJal',
      path_style: false,
      storage_class: '',
    });
    const chosen = withPreset(values, S3.presets[0]);
    expect(cloudSyncInput(chosen, S3).provider_config).toMatchObject({
      service: 'Minio',
      endpoint: 'http://minio.local:9000',
      path_style: true,
    });
  });

  it('ignores a value of the wrong kind for a field', () => {
    expect(cloudSyncInput(withFields('sftp', { sftp: { host: true } }), SFTP).provider_config).not.toHaveProperty('host');
    expect(cloudSyncInput(withFields('s3', { s3: { path_style: 'yes' } }), S3).provider_config['path_style']).toBe(false);
  });
});
