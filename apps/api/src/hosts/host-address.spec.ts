import { checkHostAddress, formatHostAddress } from './host-address';

describe('checkHostAddress', () => {
  it.each([
    ['ssh://backup@nas.local:2222', { user: 'backup', hostname: 'nas.local', port: 2222 }],
    ['ssh://backup@nas.local', { user: 'backup', hostname: 'nas.local', port: 22 }],
    ['ssh://root@192.168.1.10:22', { user: 'root', hostname: '192.168.1.10', port: 22 }],
    ['ssh://u@[2001:DB8::1]:2200', { user: 'u', hostname: '2001:db8::1', port: 2200 }],
    ['ssh://u@[::1]', { user: 'u', hostname: '::1', port: 22 }],
    ['ssh://u@NAS.Example', { user: 'u', hostname: 'nas.example', port: 22 }],
  ])('reads %s', (address, endpoint) => {
    expect(checkHostAddress(address)).toEqual({ ok: true, endpoint });
  });

  it.each([
    ['ssh://-oProxyCommand=x@h', 'The user is refused'],
    ['ssh://u@-oProxyCommand=x', 'The host is refused'],
    ['ssh://u@h:0', 'The port is refused: 0 is not a port'],
    ['ssh://u@h:99999', 'The port is refused: 99999 is not a port'],
    ['ssh://u@h:', 'The port is refused: "" is not a port'],
    ['ssh://u@h:22x', 'The port is refused: "22x" is not a port'],
    ['ssh://u@h;rm', 'The host is refused'],
    ['ssh://u@h ost', 'The host is refused'],
    [' ssh://u@h', 'Must be ssh://user@host'],
    ['ssh://u@h\n', 'The host is refused'],
    ['ssh://h:22', 'A user is required'],
    ['ssh://@h', 'The user is refused'],
    ['http://u@h', 'Must be ssh://user@host'],
    ['u@h', 'Must be ssh://user@host'],
    ['ssh://u@h/path', 'without a path'],
    ['ssh://u@h:22/', 'without a path'],
    ['ssh://u@2001:db8::1', 'an IPv6 address in brackets'],
    ['ssh://u@[2001:db8::1', 'The host is refused'],
    ['ssh://u@[2001:db8::1]x', 'The host is refused'],
    ['ssh://u@[nas]:22', 'The host is refused'],
    ['ssh://a@b@h', 'The host is refused'],
  ])('refuses %j', (address, problem) => {
    const checked = checkHostAddress(address);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toContain(problem);
  });
});

describe('formatHostAddress', () => {
  it('writes the port always and IPv6 addresses in brackets', () => {
    expect(formatHostAddress({ user: 'u', hostname: 'nas', port: 22 })).toBe('ssh://u@nas:22');
    expect(formatHostAddress({ user: 'u', hostname: '2001:db8::1', port: 2200 })).toBe('ssh://u@[2001:db8::1]:2200');
  });
});
