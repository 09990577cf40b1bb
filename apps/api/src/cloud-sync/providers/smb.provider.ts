import { addLogin, CloudProvider, HOST_FIELD, joinPath, str } from './provider';

export const SMB_PROVIDER: CloudProvider = {
  name: 'smb',
  label: 'SMB / Windows share',
  description: 'A share on a Windows machine, a NAS or Samba',
  presets: [],
  fields: [
    HOST_FIELD,
    { name: 'port', label: 'Port', type: 'integer', required: false, secret: false, default: 445, help: '' },
    {
      name: 'share',
      label: 'Share',
      type: 'string',
      required: true,
      secret: false,
      default: null,
      help: 'The share name, e.g. backups',
      pattern: { regex: /^[^/\\\s][^/\\]{0,79}$/, message: 'share is the share name alone, without slashes' },
    },
    { name: 'user', label: 'User', type: 'string', required: false, secret: false, default: null, help: '' },
    { name: 'password', label: 'Password', type: 'password', required: false, secret: true, default: null, help: '' },
    { name: 'domain', label: 'Domain', type: 'string', required: false, secret: false, default: 'WORKGROUP', help: '' },
  ],
  async remote(values, pathPrefix, tools) {
    const options: Record<string, string> = {
      host: str(values, 'host'),
      port: String(values['port'] ?? 445),
      domain: str(values, 'domain') || 'WORKGROUP',
    };
    const secrets = await addLogin(values, options, tools);
    return { remote: { type: 'smb', options, secrets }, basePath: joinPath(str(values, 'share'), pathPrefix) };
  },
};
