import {
  assertDestination,
  destinationProblem,
  hostProblem,
  parseHost,
  portProblem,
  RefusedDestinationError,
  userProblem,
} from './remote-host';

describe('parseHost', () => {
  it.each([
    ['nas', 'name'],
    ['nas.local', 'name'],
    ['backup-01.example.com', 'name'],
    ['my_nas', 'name'],
    ['xn--bcher-kva.example', 'name'],
    ['127.0.0.1', 'ipv4'],
    ['255.255.255.255', 'ipv4'],
  ])('takes %s as a %s', (text, kind) => {
    expect(parseHost(text, 'bracketed')).toEqual({ kind, address: text });
    expect(parseHost(text, 'bare')).toEqual({ kind, address: text });
  });

  it('takes IPv6 addresses in brackets inside locations and bare in host fields, never the other way round', () => {
    expect(parseHost('[::1]', 'bracketed')).toEqual({ kind: 'ipv6', address: '::1' });
    expect(parseHost('[2001:db8::7:1]', 'bracketed')).toEqual({ kind: 'ipv6', address: '2001:db8::7:1' });
    expect(parseHost('::1', 'bare')).toEqual({ kind: 'ipv6', address: '::1' });
    expect(parseHost('::ffff:10.0.0.1', 'bare')).toEqual({ kind: 'ipv6', address: '::ffff:10.0.0.1' });
    expect(parseHost('::1', 'bracketed')).toBeNull();
    expect(parseHost('[::1]', 'bare')).toBeNull();
  });

  it.each([
    '',
    '-oProxyCommand=id',
    '-V',
    '-J',
    'nas-',
    'nas.-x',
    '_nas',
    'localhost -oX',
    'local\thost',
    'local\nhost',
    'local\0host',
    'localhost\u00a0x',
    'localhost\u3000x',
    'localhost\u2028x',
    'localhost.',
    '.localhost',
    'nas..local',
    'bücher.example',
    '%2dV',
    'user@host',
    'host:22',
    'host/x',
    '{hostname}',
    '0x7f.1',
    '127.1',
    '2130706433',
    '010.0.0.1',
    '256.1.1.1',
    '1.2.3.4.5',
    'nas.123',
    '[::1',
    '[fe80::1%eth0]',
    '[::1 -oX]',
    '[nas]',
    `${'a'.repeat(64)}.example`,
    `${'a.'.repeat(127)}ab`,
  ])('refuses %j', (text) => {
    expect(parseHost(text, 'bracketed')).toBeNull();
    expect(parseHost(text, 'bare')).toBeNull();
    expect(hostProblem(text, 'bracketed')).toContain('is not a host');
  });
});

describe('userProblem and portProblem', () => {
  it.each(['backup', 'root', 'u123456-sub1', 'first.last', '_borg', 'A1'])('accepts the user %s', (user) => {
    expect(userProblem(user)).toBeNull();
  });

  it.each([
    '',
    '-oProxyCommand=id',
    '-F/dev/null',
    '.hidden',
    'a@b',
    'a b',
    'a\tb',
    'a:b',
    'a/b',
    '%2dx',
    'bäcker',
    '{user}',
    'x'.repeat(65),
  ])('refuses the user %j', (user) => {
    expect(userProblem(user)).toContain('is not a user name');
  });

  it.each([[1], [22], [65535]])('accepts the port %i', (port) => expect(portProblem(port)).toBeNull());
  it.each([[0], [-1], [65536], [22.5], [Number.NaN]])('refuses the port %d', (port) =>
    expect(portProblem(port)).toContain('is not a port'),
  );
});

describe('destinationProblem', () => {
  it('names the first part that is refused: user, then host, then port', () => {
    expect(destinationProblem({ user: 'backup', host: 'nas', port: 22 }, 'bracketed')).toBeNull();
    expect(destinationProblem({ host: '[::1]' }, 'bracketed')).toBeNull();
    expect(destinationProblem({ user: '-oX', host: '-V', port: 0 }, 'bracketed')).toMatchObject({ part: 'user' });
    expect(destinationProblem({ user: null, host: '-V', port: 0 }, 'bracketed')).toMatchObject({ part: 'host' });
    expect(destinationProblem({ host: 'nas', port: 70000 }, 'bracketed')).toMatchObject({ part: 'port' });
  });
});

describe('assertDestination', () => {
  it('throws a RefusedDestinationError that names the part', () => {
    expect(() => assertDestination({ host: '::1' }, 'bare')).not.toThrow();
    expect(() => assertDestination({ host: '-oProxyCommand=id' }, 'bare')).toThrow(RefusedDestinationError);
    let thrown: unknown = null;
    try {
      assertDestination({ user: '-F/dev/null', host: 'nas' }, 'bare');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'RefusedDestinationError', problem: { part: 'user' } });
  });
});
