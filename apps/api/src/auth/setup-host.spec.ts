import { ErrorCode } from '../platform/errors/error-code';
import { hostnameOf, isSetupHostAllowed, setupHostRefused } from './setup-host';
import { HTTP_STATUS } from '../platform/http/error-status';

const allowed = (host: string | undefined, names: string[] = []) => isSetupHostAllowed(hostnameOf(host), names);

describe('hostnameOf', () => {
  it.each([
    ['nas.example', 'nas.example'],
    ['NAS.Example:8000', 'nas.example'],
    ['192.0.2.7:8000', '192.0.2.7'],
    ['[::1]:8000', '[::1]'],
    ['[FE80::1]', '[fe80::1]'],
  ])('reads %s as %s', (host, hostname) => {
    expect(hostnameOf(host)).toBe(hostname);
  });

  it.each([undefined, '', 'nas:port', 'nas:8000:1', '::1', 'user@nas', 'nas/path', '[::1', 'nas example'])(
    'finds no host name in %p',
    (host) => {
      expect(hostnameOf(host)).toBeNull();
    },
  );
});

describe('isSetupHostAllowed', () => {
  it.each(['127.0.0.1:8000', '192.168.1.20', '[::1]:8000', '[2001:db8::7]', 'localhost:8000', 'LOCALHOST'])(
    'allows the IP literal or localhost %s',
    (host) => {
      expect(allowed(host)).toBe(true);
    },
  );

  it.each([
    'attacker.example',
    'attacker.example:8000',
    '127.0.0.1.nip.io:8000',
    '7f000001.rbndr.us',
    'localhost.',
    'app.localhost',
    '127.1',
    '2130706433',
    '0x7f.0.0.1',
    '[not-an-ip]',
    undefined,
  ])('refuses the name %p (what DNS rebinding would use)', (host) => {
    expect(allowed(host)).toBe(false);
  });

  it('allows the names listed in BORGITORY_ALLOWED_HOSTS, whatever the port', () => {
    expect(allowed('nas.example:8000', ['nas.example'])).toBe(true);
    expect(allowed('NAS.example', ['nas.example'])).toBe(true);
    expect(allowed('www.nas.example', ['nas.example'])).toBe(false);
  });
});

describe('setupHostRefused', () => {
  it('says what to set', () => {
    const error = setupHostRefused('nas.example');
    expect(HTTP_STATUS[error.code]).toBe(403);
    expect(error.code).toBe(ErrorCode.HOST_NOT_ALLOWED);
    expect(error.message).toContain('BORGITORY_ALLOWED_HOSTS=nas.example');
    expect(error.details).toEqual({ host: 'nas.example' });
  });
});
