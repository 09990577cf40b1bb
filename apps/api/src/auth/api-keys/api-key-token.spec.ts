import { apiKeyHash, apiKeyPrefix, bearerCredential, generateApiKey } from './api-key-token';

describe('API key tokens', () => {
  it('are the mark and 256 random bits, shown by their first 12 characters', () => {
    const key = generateApiKey();
    expect(key).toMatch(/^bgk_[A-Za-z0-9_-]{43}$/);
    expect(generateApiKey()).not.toBe(key);
    expect(apiKeyPrefix(key)).toBe(key.slice(0, 12));
  });

  it('are stored as their SHA-256 in hex', () => {
    expect(apiKeyHash('bgk_abc')).toBe('a5892c381980bb6c8f3073edec9d3e6a021bf2db48f7d8af16d0f9805dbe1b99');
  });

  it('are read from a bearer Authorization header only', () => {
    expect(bearerCredential(undefined)).toBeNull();
    expect(bearerCredential('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerCredential('Bearer bgk_abc')).toBe('bgk_abc');
    expect(bearerCredential('  bearer   bgk_abc ')).toBe('bgk_abc');
    expect(bearerCredential('Bearer')).toBe('');
    expect(bearerCredential('Bearer a b')).toBe('');
  });
});
