import { SecretsService } from '../platform/secrets/secrets.service';
import { DEVICE_TOKEN_MAX_AGE_MS, DeviceTokens } from './device-tokens';

describe('DeviceTokens', () => {
  let now = Date.UTC(2026, 0, 1);
  const tokens = new DeviceTokens(new SecretsService(Buffer.alloc(32, 7)), () => now);

  it('recognises its own token for the user it was issued to, and gives each browser its own id', () => {
    const token = tokens.issue(1);
    expect(tokens.deviceOf(token, 1)).toMatch(/^[\w-]{22}$/);
    expect(tokens.deviceOf(tokens.issue(1), 1)).not.toBe(tokens.deviceOf(token, 1));
    expect(tokens.deviceOf(token, 2)).toBeNull();
  });

  it('refuses forged, altered, foreign and expired tokens', () => {
    const token = tokens.issue(1);
    const [, issued, device, signature] = token.split('.');
    expect(tokens.deviceOf(`2.${issued}.${device}.${signature}`, 2)).toBeNull();
    expect(tokens.deviceOf(`${token}x`, 1)).toBeNull();
    expect(tokens.deviceOf(token.replace(device, 'another-device-id-12345'), 1)).toBeNull();
    expect(tokens.deviceOf(new DeviceTokens(new SecretsService(Buffer.alloc(32, 8))).issue(1), 1)).toBeNull();
    expect(tokens.deviceOf(undefined, 1)).toBeNull();
    expect(tokens.deviceOf('x'.repeat(10_000), 1)).toBeNull();
    now += DEVICE_TOKEN_MAX_AGE_MS;
    expect(tokens.deviceOf(token, 1)).toBeNull();
  });
});
