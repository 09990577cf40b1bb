import { keysFor, knownHostsName, withOnlyKey, withoutName } from './known-hosts-text';

const KEY = { type: 'ssh-ed25519', key: 'AAAAC3NzaC1lZDI1NTE5AAAAIGNolOm0SGmQAGUKqebocpeMyE8yBh++E+dxypXCmXRd' };
const OTHER = { type: 'ssh-ed25519', key: 'AAAAC3NzaC1lZDI1NTE5AAAAIOtherOtherOtherOtherOtherOtherOtherOther' };
/** What `ssh-keygen -H` made of "[127.0.0.1]:2222 KEY" and "nas.local KEY". */
const HASHED = [
  `|1|RSeQTdg+8B1UnRJqbCl/eBDOjHc=|A6A75XB+dfjn4A94tZi6ei6BG+o= ${KEY.type} ${KEY.key}`,
  `|1|tXcR+Wik4MVGYc4dHgfLnijyHJQ=|5UqcEU2bY7oGRTHuYwUrCU8tfYE= ${KEY.type} ${KEY.key}`,
].join('\n');

describe('knownHostsName', () => {
  it('is the bare host on port 22 and [host]:port elsewhere', () => {
    expect(knownHostsName('nas', 22)).toBe('nas');
    expect(knownHostsName('nas', 2222)).toBe('[nas]:2222');
    expect(knownHostsName('::1', 2222)).toBe('[::1]:2222');
  });
});

describe('keysFor', () => {
  it('finds plain and hashed lines of exactly that name', () => {
    const text = `# a comment\n[nas]:2222 ${OTHER.type} ${OTHER.key}\nnas,backup ${KEY.type} ${KEY.key} learned\n${HASHED}\n`;
    expect(keysFor(text, 'nas')).toEqual([KEY]);
    expect(keysFor(text, '[nas]:2222')).toEqual([OTHER]);
    expect(keysFor(text, '[127.0.0.1]:2222')).toEqual([KEY]);
    expect(keysFor(text, 'nas.local')).toEqual([KEY]);
    expect(keysFor(text, '[127.0.0.1]:2223')).toEqual([]);
    expect(keysFor(text, 'nas.lan')).toEqual([]);
  });

  it('reads neither markers nor half lines', () => {
    expect(keysFor(`@revoked nas ${KEY.type} ${KEY.key}\nnas ssh-ed25519\n`, 'nas')).toEqual([]);
  });
});

describe('withoutName and withOnlyKey', () => {
  it('removes the name from plain and hashed lines and keeps the rest as written', () => {
    const text = `nas,backup ${KEY.type} ${KEY.key}\nnas ${OTHER.type} ${OTHER.key}\n@cert-authority nas ${KEY.type} ${KEY.key}\n${HASHED}\n`;
    expect(withoutName(text, 'nas')).toBe(`backup ${KEY.type} ${KEY.key}\n@cert-authority nas ${KEY.type} ${KEY.key}\n${HASHED}\n`);
    expect(withoutName(HASHED, '[127.0.0.1]:2222')).toBe(`${HASHED.split('\n')[1]}\n`);
    expect(withoutName(`nas ${KEY.type} ${KEY.key}\n`, 'nas')).toBe('');
  });

  it('leaves the given key as the only one of the name', () => {
    const text = `${HASHED}\n[nas]:2222 ${KEY.type} ${KEY.key}\n`;
    const next = withOnlyKey(text, '[127.0.0.1]:2222', OTHER);
    expect(keysFor(next, '[127.0.0.1]:2222')).toEqual([OTHER]);
    expect(keysFor(next, '[nas]:2222')).toEqual([KEY]);
    expect(keysFor(next, 'nas.local')).toEqual([KEY]);
    expect(next.endsWith(`[127.0.0.1]:2222 ${OTHER.type} ${OTHER.key}\n`)).toBe(true);
  });
});
