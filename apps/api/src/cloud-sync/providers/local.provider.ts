import { CloudProvider, joinPath, str } from './provider';

export const LOCAL_PROVIDER: CloudProvider = {
  name: 'local',
  label: 'A folder on this server',
  description: "A mounted USB disk or network share: a second copy that is not on the repository's disk",
  presets: [],
  fields: [
    {
      name: 'path',
      label: 'Folder',
      type: 'string',
      required: true,
      secret: false,
      default: null,
      help: 'An absolute path, e.g. /mnt/usb-backup',
      pattern: { regex: /^\/\S.*$|^\/$/, message: 'path must be an absolute path' },
    },
  ],
  async remote(values, pathPrefix) {
    return { remote: { type: 'local', options: {} }, basePath: joinPath(str(values, 'path'), pathPrefix) };
  },
};
