import { CloudProvider, joinPath, str, urlHostProblem } from './provider';

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** S3 and the services that speak it; presets fill rclone's provider and the endpoint pattern. */
export const S3_PROVIDER: CloudProvider = {
  name: 's3',
  label: 'Amazon S3 or S3-compatible',
  description: 'AWS, Backblaze B2, Cloudflare R2, Wasabi, MinIO or any other service with an S3 API',
  presets: [
    {
      name: 'aws',
      label: 'Amazon S3',
      values: { service: 'AWS', path_style: false },
      help: 'Give the region; the endpoint follows from it.',
    },
    {
      name: 'backblaze_b2',
      label: 'Backblaze B2',
      values: { service: 'Other', endpoint: 'https://s3.us-west-004.backblazeb2.com', path_style: false },
      help: "Use the bucket's S3 endpoint from the Backblaze console, and an application key.",
    },
    {
      name: 'cloudflare_r2',
      label: 'Cloudflare R2',
      values: { service: 'Cloudflare', endpoint: 'https://ACCOUNT_ID.r2.cloudflarestorage.com', region: 'auto', path_style: false },
      help: 'Put your account id in the endpoint; create an R2 API token with read and write access.',
    },
    {
      name: 'wasabi',
      label: 'Wasabi',
      values: { service: 'Wasabi', endpoint: 'https://s3.wasabisys.com', path_style: false },
      help: "Use the endpoint of your bucket's region, e.g. s3.eu-central-1.wasabisys.com.",
    },
    {
      name: 'minio',
      label: 'MinIO',
      values: { service: 'Minio', endpoint: 'http://minio.local:9000', path_style: true },
      help: "Your MinIO server's address.",
    },
    {
      name: 'other',
      label: 'Other S3-compatible',
      values: { service: 'Other', path_style: true },
      help: 'Any service with an S3 API: give its endpoint.',
    },
  ],
  fields: [
    {
      name: 'service',
      label: 'Service',
      type: 'select',
      required: true,
      secret: false,
      default: 'AWS',
      help: 'Which S3 implementation it is (rclone adapts to each)',
      options: ['AWS', 'Cloudflare', 'Wasabi', 'Minio', 'Ceph', 'DigitalOcean', 'Scaleway', 'Other'].map((value) => ({
        value,
        label: value,
      })),
    },
    {
      name: 'endpoint',
      label: 'Endpoint',
      type: 'string',
      required: false,
      secret: false,
      default: null,
      help: 'https://… of the service; leave empty for Amazon S3',
      pattern: { regex: /^https?:\/\/\S+$/, message: 'endpoint must start with http:// or https://' },
      check: urlHostProblem,
    },
    {
      name: 'region',
      label: 'Region',
      type: 'string',
      required: false,
      secret: false,
      default: null,
      help: 'e.g. eu-central-1; needed for Amazon S3',
      pattern: { regex: /^[a-z0-9-]{1,64}$/, message: 'region is letters, digits and -, e.g. eu-central-1' },
    },
    {
      name: 'bucket_name',
      label: 'Bucket',
      type: 'string',
      required: true,
      secret: false,
      default: null,
      help: 'The bucket must exist; Borgitory does not create it',
      pattern: { regex: BUCKET, message: 'bucket_name must be 3–63 lower-case letters, digits, dots and hyphens' },
    },
    { name: 'access_key_id', label: 'Access key ID', type: 'string', required: true, secret: false, default: null, help: '' },
    { name: 'secret_access_key', label: 'Secret access key', type: 'password', required: true, secret: true, default: null, help: '' },
    {
      name: 'path_style',
      label: 'Path-style addressing',
      type: 'boolean',
      required: false,
      secret: false,
      default: false,
      help: 'host/bucket instead of bucket.host (MinIO and most self-hosted servers)',
    },
    {
      name: 'storage_class',
      label: 'Storage class',
      type: 'select',
      required: false,
      secret: false,
      default: '',
      help: 'Cold classes cost less to keep but more (or long) to read back',
      options: [
        { value: '', label: 'Default' },
        ...['STANDARD', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR'].map((value) => ({ value, label: value })),
      ],
    },
  ],
  async remote(values, pathPrefix) {
    const secret = str(values, 'secret_access_key');
    const options: Record<string, string> = {
      provider: str(values, 'service') || 'AWS',
      access_key_id: str(values, 'access_key_id'),
      secret_access_key: secret,
      force_path_style: values['path_style'] ? 'true' : 'false',
      // A typo in the bucket name should be an error, not a new bucket.
      no_check_bucket: 'true',
    };
    for (const name of ['endpoint', 'region', 'storage_class']) if (str(values, name)) options[name] = str(values, name);
    return { remote: { type: 's3', options, secrets: [secret] }, basePath: joinPath(str(values, 'bucket_name'), pathPrefix) };
  },
  problems(values) {
    const problems: Record<string, string> = {};
    if (values['service'] !== 'AWS' && !str(values, 'endpoint')) problems['endpoint'] = 'An S3-compatible service needs its endpoint';
    return problems;
  },
};
