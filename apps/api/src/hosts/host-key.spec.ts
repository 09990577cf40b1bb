import { checkHostKey, fingerprintOf } from './host-key';

const ED25519 = 'AAAAC3NzaC1lZDI1NTE5AAAAIGNolOm0SGmQAGUKqebocpeMyE8yBh++E+dxypXCmXRd';

describe('checkHostKey', () => {
  it('takes one key line, with or without a comment, and keeps its type and blob', () => {
    expect(checkHostKey(`ssh-ed25519 ${ED25519}`)).toEqual({ ok: true, key: { type: 'ssh-ed25519', key: ED25519 } });
    expect(checkHostKey(`  ssh-ed25519 ${ED25519} root@nas\n`)).toEqual({ ok: true, key: { type: 'ssh-ed25519', key: ED25519 } });
  });

  it.each([
    ['', 'Must start with a key type'],
    [ED25519, 'Must start with a key type'],
    [`ssh-dss ${ED25519}`, 'Must start with a key type'],
    [`[nas]:22 ssh-ed25519 ${ED25519}`, 'Must start with a key type'],
    ['ssh-ed25519', 'is not a ssh-ed25519 public key'],
    ['ssh-ed25519 AAAA-not-base64', 'is not a ssh-ed25519 public key'],
    [`ssh-rsa ${ED25519}`, 'is not a ssh-rsa public key'],
    ['ssh-ed25519 AAAA', 'is not a ssh-ed25519 public key'],
    [`ssh-ed25519 ${ED25519}\nssh-ed25519 ${ED25519}`, 'one line'],
  ])('refuses %j', (text, problem) => {
    const checked = checkHostKey(text);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toContain(problem);
  });
});

describe('fingerprintOf', () => {
  it('is what ssh-keygen -l -E sha256 prints', () => {
    expect(fingerprintOf({ type: 'ssh-ed25519', key: ED25519 })).toBe('SHA256:yy0xIkzGe2lqS7HiIbKhcjSf+z1RyjfEUmHpRNQ7nnY');
  });
});
