/** @jest-environment jsdom */
import { webcrypto } from 'node:crypto';
import { act, renderHook, waitFor } from '@testing-library/react';
import { sshFingerprint, useSshFingerprint } from './ssh-fingerprint';

// Keys made with ssh-keygen; the fingerprints are what `ssh-keygen -lf` printed for them.
const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAID0qNoUSCiVcvl+q0aqPaJddM/qSFthQ3GAtXUP6wEvR backup@nas';
const ED25519_FINGERPRINT = 'SHA256:XLqV+e3SW05vGihIebWmdL6CccjW48AfD/KAWAwutnI';
const RSA =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDPm6+ZCptt6rNX6BIKWmtGrXwObKUsprMUchFPFqFSHQ2j0SxXSTsUqp5OwIPC0c8i27VWheySGOTciXbOWAE1LeMRwsGwaSOt9fI+FyinoUtSxOOc54Ho8b+XfvSMwm+8HcAUZWqN1y9QpFf9ZvjJzSb9XRYx8EU/1AUmgobwEQ==';
const RSA_FINGERPRINT = 'SHA256:zh8EhrTrpph2TWg+1yh9GmAuLa9yYz1OTvEK0G5rd/k';

describe('sshFingerprint in a browser without WebCrypto (a page not on https or localhost)', () => {
  it('gives null', async () => {
    // jsdom, like such a page, has crypto.getRandomValues but no crypto.subtle.
    expect(globalThis.crypto.subtle).toBeUndefined();
    await expect(sshFingerprint(ED25519)).resolves.toBeNull();
  });
});

describe('with WebCrypto', () => {
  beforeAll(() => {
    Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });
  });
  afterAll(() => {
    Reflect.deleteProperty(globalThis.crypto, 'subtle');
  });

  describe('sshFingerprint', () => {
    it('gives the SHA256 fingerprint ssh-keygen prints, without padding', async () => {
      await expect(sshFingerprint(ED25519)).resolves.toBe(ED25519_FINGERPRINT);
      await expect(sshFingerprint(RSA)).resolves.toBe(RSA_FINGERPRINT);
    });

    it('finds the key among options, comment and extra whitespace', async () => {
      await expect(sshFingerprint(`restrict,command="borg serve --append-only" ${ED25519}\n`)).resolves.toBe(ED25519_FINGERPRINT);
      await expect(sshFingerprint(`  ${ED25519.replace(' ', '\t ')}  `)).resolves.toBe(ED25519_FINGERPRINT);
    });

    it('gives null for a line that holds no key', async () => {
      await expect(sshFingerprint('')).resolves.toBeNull();
      await expect(sshFingerprint('ssh-ed25519')).resolves.toBeNull();
      await expect(sshFingerprint('ssh-ed25519 not-base64! backup@nas')).resolves.toBeNull();
      await expect(sshFingerprint('-----BEGIN OPENSSH PRIVATE KEY-----')).resolves.toBeNull();
    });
  });

  describe('useSshFingerprint', () => {
    it('is null until the fingerprint is worked out, then the fingerprint', async () => {
      const { result } = renderHook(() => useSshFingerprint(ED25519));
      expect(result.current).toBeNull();
      await waitFor(() => expect(result.current).toBe(ED25519_FINGERPRINT));
    });

    it('never shows the fingerprint of the previous line for a new one', async () => {
      const { result, rerender } = renderHook(({ line }) => useSshFingerprint(line), { initialProps: { line: ED25519 } });
      await waitFor(() => expect(result.current).toBe(ED25519_FINGERPRINT));
      rerender({ line: RSA });
      expect(result.current).toBeNull();
      await waitFor(() => expect(result.current).toBe(RSA_FINGERPRINT));
    });

    it('is null for a line that holds no key, also once that is worked out', async () => {
      const { result, rerender } = renderHook(({ line }) => useSshFingerprint(line), { initialProps: { line: ED25519 } });
      await waitFor(() => expect(result.current).toBe(ED25519_FINGERPRINT));
      await act(async () => rerender({ line: 'not a key' }));
      expect(result.current).toBeNull();
    });
  });
});
