import { userProblem } from '@borgitory/remote-host';
import { addLogin, CloudProvider, HOST_FIELD, joinPath, str } from './provider';

/** An SSH server: password or private key, and a host key that is checked (known_hosts), never ignored. */
export const SFTP_PROVIDER: CloudProvider = {
  name: 'sftp',
  label: 'SFTP (SSH server)',
  description: "A server you can reach over SSH: a NAS, a VPS, a friend's machine, a storage box",
  presets: [],
  fields: [
    HOST_FIELD,
    { name: 'port', label: 'Port', type: 'integer', required: false, secret: false, default: 22, help: '' },
    { name: 'user', label: 'User', type: 'string', required: true, secret: false, default: null, help: '', check: userProblem },
    {
      name: 'password',
      label: 'Password',
      type: 'password',
      required: false,
      secret: true,
      default: null,
      help: 'A password or a private key',
    },
    {
      name: 'private_key',
      label: 'Private key',
      type: 'text',
      required: false,
      secret: true,
      default: null,
      help: 'An OpenSSH private key without a passphrase (-----BEGIN OPENSSH PRIVATE KEY-----…)',
    },
    {
      name: 'host_key',
      label: 'Host key',
      type: 'text',
      required: false,
      secret: false,
      default: null,
      help: "The server's public host key (a line of `ssh-keyscan -p PORT HOST`). Left empty, the key seen at the first connection is stored, and from then on any other key is refused",
    },
  ],
  async remote(values, pathPrefix, tools) {
    const key = str(values, 'private_key');
    const options: Record<string, string> = {
      host: str(values, 'host'),
      port: String(values['port'] ?? 22),
      known_hosts_file: await tools.knownHostsFile(
        knownHostsLines(str(values, 'host'), Number(values['port'] ?? 22), str(values, 'host_key')),
      ),
    };
    const secrets = await addLogin(values, options, tools);
    if (key) {
      // rclone reads key_pem with its line breaks written as \n.
      options['key_pem'] = key.trim().split(/\r?\n/).join('\\n');
      secrets.push(key.trim(), options['key_pem']);
    }
    return { remote: { type: 'sftp', options, secrets }, basePath: joinPath(pathPrefix) };
  },
  problems(values) {
    const problems: Record<string, string> = {};
    if (!str(values, 'password') && !str(values, 'private_key')) problems['password'] = 'Give a password or a private key';
    const hostKey = hostKeyProblem(str(values, 'host_key'));
    if (hostKey) problems['host_key'] = hostKey;
    return problems;
  },
};

const KEY_TYPE = /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-\S+)$/;

/** known_hosts lines for the host from "type key" or "host type key" lines (ssh-keyscan's output). */
export function knownHostsLines(host: string, port: number, hostKeys: string): string[] {
  const name = port === 22 ? host : `[${host}]:${port}`;
  return hostKeys
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const words = line.split(/\s+/);
      const [type, key] = KEY_TYPE.test(words[0]) ? words : words.slice(1);
      return `${name} ${type} ${key}`;
    });
}

/** Why host key text is not usable, or null. */
export function hostKeyProblem(text: string): string | null {
  for (const line of text.split(/\r?\n/).map((part) => part.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const words = line.split(/\s+/);
    const typed = words.findIndex((word) => KEY_TYPE.test(word));
    if (typed < 0 || typed > 1 || !/^[A-Za-z0-9+/]+=*$/.test(words[typed + 1] ?? '')) {
      return 'host_key lines look like "ssh-ed25519 AAAA…" or "host ssh-ed25519 AAAA…" (what ssh-keyscan prints)';
    }
  }
  return null;
}
