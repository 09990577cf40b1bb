import type { CloudSyncConfig } from '../../api/cloud-sync';

/**
 * Where a configuration puts its copies, as people write such places:
 * `s3://bucket/prefix on endpoint`, `user@host:prefix (port 2222)`,
 * `//host/share/prefix`, `/mnt/usb/prefix`. Each repository goes into a folder below it.
 */
export function configTarget(config: CloudSyncConfig): string {
  const setting = (name: string) => {
    const value = config.provider_config[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
  const prefix = config.path_prefix;
  switch (config.provider) {
    case 's3': {
      const endpoint = setting('endpoint')
        .replace(/^https?:\/\//, '')
        .replace(/\/+$/, '');
      return `s3://${joinPath(setting('bucket_name'), prefix)}${endpoint ? ` on ${endpoint}` : ''}`;
    }
    case 'sftp': {
      // As scp writes it, which tells a path below the home directory (or the home directory, ~) from an absolute one.
      const port = setting('port');
      return `${setting('user')}@${setting('host')}:${prefix || '~'}${port && port !== '22' ? ` (port ${port})` : ''}`;
    }
    case 'webdav':
      return joinPath(setting('url'), prefix);
    case 'smb':
      return `//${joinPath(setting('host'), setting('share'), prefix)}`;
    case 'local':
      return joinPath(setting('path'), prefix);
    default:
      return prefix;
  }
}

/** Parts joined with single slashes; the first keeps its leading ones (`/mnt`, `https://`). */
function joinPath(...parts: string[]): string {
  return parts
    .filter((part) => part !== '')
    .map((part, index) => (index === 0 ? part.replace(/\/+$/, '') : part.replace(/^\/+|\/+$/g, '')))
    .join('/');
}
