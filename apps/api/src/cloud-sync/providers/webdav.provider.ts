import { addLogin, CloudProvider, joinPath, str, urlHostProblem } from './provider';

export const WEBDAV_PROVIDER: CloudProvider = {
  name: 'webdav',
  label: 'WebDAV',
  description: 'Nextcloud, ownCloud, a NAS or any WebDAV server',
  presets: [],
  fields: [
    {
      name: 'url',
      label: 'URL',
      type: 'string',
      required: true,
      secret: false,
      default: null,
      help: 'e.g. https://cloud.example.com/remote.php/dav/files/alice/',
      pattern: { regex: /^https?:\/\/\S+$/, message: 'url must start with http:// or https://' },
      check: urlHostProblem,
    },
    {
      name: 'vendor',
      label: 'Server',
      type: 'select',
      required: false,
      secret: false,
      default: 'other',
      help: 'Lets rclone use what the server can do best (e.g. checksums on Nextcloud)',
      options: [
        { value: 'other', label: 'Other' },
        { value: 'nextcloud', label: 'Nextcloud' },
        { value: 'owncloud', label: 'ownCloud' },
        { value: 'sharepoint', label: 'SharePoint' },
      ],
    },
    { name: 'user', label: 'User', type: 'string', required: false, secret: false, default: null, help: '' },
    {
      name: 'password',
      label: 'Password',
      type: 'password',
      required: false,
      secret: true,
      default: null,
      help: 'An app password where the server offers them',
    },
  ],
  async remote(values, pathPrefix, tools) {
    const options: Record<string, string> = { url: str(values, 'url'), vendor: str(values, 'vendor') || 'other' };
    const secrets = await addLogin(values, options, tools);
    return { remote: { type: 'webdav', options, secrets }, basePath: joinPath(pathPrefix) };
  },
};
