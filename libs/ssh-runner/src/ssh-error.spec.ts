import { classifySshFailure, sshFailure } from './ssh-error';

const WHERE = 'u@nas:22';

describe('classifySshFailure', () => {
  it.each([
    [
      '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n' +
        'Host key for [127.0.0.1]:2222 has changed and you have requested strict checking.\nHost key verification failed.\n',
      'HOST_KEY_MISMATCH',
    ],
    [
      'No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\nHost key verification failed.\n',
      'HOST_KEY_UNKNOWN',
    ],
    ['u@127.0.0.1: Permission denied (publickey,password).\n', 'AUTH_FAILED'],
    ['ssh: connect to host 127.0.0.1 port 1: Connection refused\n', 'UNREACHABLE'],
    ['ssh: connect to host 10.9.9.9 port 22: No route to host\n', 'UNREACHABLE'],
    ['ssh: Could not resolve hostname nope.invalid: Name or service not known\n', 'UNREACHABLE'],
    ['ssh: connect to host 10.9.9.9 port 22: Connection timed out\n', 'TIMEOUT'],
    ['Timeout, server 127.0.0.1 not responding.\n', 'UNREACHABLE'],
    ['Connection to 127.0.0.1 closed by remote host.\n', 'UNREACHABLE'],
  ])('reads %j as %s', (stderr, code) => {
    const error = classifySshFailure(255, stderr, WHERE);
    expect(error?.code).toBe(code);
    expect(error?.stderr).toBe(stderr);
    expect(error?.message).toContain(WHERE);
  });

  it("leaves a remote command's own exit codes alone", () => {
    expect(classifySshFailure(1, 'Permission denied', WHERE)).toBeNull();
    expect(classifySshFailure(255, 'my tool failed\n', WHERE)).toBeNull();
  });
});

describe('sshFailure', () => {
  it('takes any 255 for a failure of ssh', () => {
    expect(sshFailure(255, 'something odd\n', WHERE)?.message).toBe(`ssh to ${WHERE} failed: something odd.`);
    expect(sshFailure(0, '', WHERE)).toBeNull();
  });
});
