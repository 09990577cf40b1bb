import { RefusedDestinationError } from '@borgitory/remote-host';
import { HostKeyScanner } from './host-key-scanner';

describe('HostKeyScanner', () => {
  it.each([
    ['-V', 22],
    ['-oProxyCommand=touch$IFS"pwned"', 22],
    ['localhost -oX', 22],
    ['nas', 0],
  ])('starts no ssh-keyscan for host %j port %i: RefusedDestinationError', async (host, port) => {
    const error = await new HostKeyScanner().scan(host, port).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedDestinationError);
  });
});
