import type { Host } from '../../api/hosts';
import { hostChanges, hostEndpoint, hostFormValues, hostInput, NEW_HOST_VALUES, shownHostFields } from './host-form-values';

const HOST: Host = {
  id: 3,
  name: 'NAS',
  address: 'ssh://backup@nas.local:22',
  ssh_user: 'backup',
  hostname: 'nas.local',
  port: 22,
  host_key_policy: 'accept-new',
  host_key_fingerprint: null,
  last_test: null,
  created_at: '2026-12-01T10:00:00.000Z',
  updated_at: '2026-12-01T10:00:00.000Z',
};
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGNolOm0SGmQAGUKqebocpeMyE8yBh++E+dxypXCmXRd root@nas';

describe('a new host', () => {
  it('sends the name, the address without blanks around it and the policy', () => {
    expect(hostInput({ ...NEW_HOST_VALUES, name: 'NAS', address: ' ssh://backup@nas.local ' })).toEqual({
      name: 'NAS',
      address: 'ssh://backup@nas.local',
      host_key_policy: 'accept-new',
    });
  });

  it('sends a host key only with the strict policy, and only when one was pasted', () => {
    const values = { ...NEW_HOST_VALUES, name: 'NAS', address: 'ssh://backup@nas.local', hostKey: `  ${KEY}\n` };
    expect(hostInput(values).host_key).toBeUndefined();
    expect(hostInput({ ...values, hostKeyPolicy: 'strict' }).host_key).toBe(KEY);
    expect(hostInput({ ...values, hostKeyPolicy: 'strict', hostKey: ' \n' })).not.toHaveProperty('host_key');
  });

  it('shows the host key messages only where the box is', () => {
    expect(shownHostFields(NEW_HOST_VALUES)).toEqual(['name', 'address', 'host_key_policy']);
    expect(shownHostFields({ ...NEW_HOST_VALUES, hostKeyPolicy: 'strict' })).toContain('host_key');
  });
});

describe('a changed host', () => {
  it('starts from the host, the key box empty', () => {
    expect(hostFormValues({ ...HOST, host_key_policy: 'strict' })).toEqual({
      name: 'NAS',
      address: 'ssh://backup@nas.local:22',
      hostKeyPolicy: 'strict',
      hostKey: '',
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(hostChanges(HOST, hostFormValues(HOST))).toEqual({});
    expect(hostChanges(HOST, { ...hostFormValues(HOST), name: ' NAS ', address: 'ssh://backup@nas.local:22 ' })).toEqual({});
  });

  it('sends only what changed', () => {
    expect(hostChanges(HOST, { ...hostFormValues(HOST), name: 'Attic' })).toEqual({ name: 'Attic' });
    expect(hostChanges(HOST, { ...hostFormValues(HOST), address: 'ssh://borg@nas.local:2222' })).toEqual({
      address: 'ssh://borg@nas.local:2222',
    });
    expect(hostChanges(HOST, { ...hostFormValues(HOST), hostKeyPolicy: 'strict' })).toEqual({ host_key_policy: 'strict' });
    expect(hostChanges(HOST, { ...hostFormValues(HOST), hostKeyPolicy: 'strict', hostKey: KEY })).toEqual({
      host_key_policy: 'strict',
      host_key: KEY,
    });
  });

  it('sends a new key for a strict host that stays strict', () => {
    const strict = { ...HOST, host_key_policy: 'strict' as const };
    expect(hostChanges(strict, { ...hostFormValues(strict), hostKey: KEY })).toEqual({ host_key: KEY });
  });
});

describe('where a host is', () => {
  it('reads as user@host:port, an IPv6 address in brackets', () => {
    expect(hostEndpoint(HOST)).toBe('backup@nas.local:22');
    expect(hostEndpoint({ ssh_user: 'backup', hostname: '2001:db8::7', port: 2222 })).toBe('backup@[2001:db8::7]:2222');
  });
});
