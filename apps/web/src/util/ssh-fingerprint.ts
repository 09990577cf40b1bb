import { useEffect, useState } from 'react';

/**
 * The SHA256 fingerprint of a public key line ("ssh-ed25519 AAAA…"), as
 * `ssh-keygen -lf` prints it; null where the browser cannot hash (WebCrypto
 * is only there on https and localhost) or the line holds no key.
 */
export async function sshFingerprint(keyLine: string): Promise<string | null> {
  const blob = keyLine.split(/\s+/).find((word) => /^AAAA[A-Za-z0-9+/]+=*$/.test(word));
  if (!blob || !globalThis.crypto?.subtle) return null;
  const bytes = Uint8Array.from(atob(blob), (char) => char.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `SHA256:${btoa(String.fromCharCode(...digest)).replace(/=+$/, '')}`;
}

/** The fingerprint of a key line, once it is worked out (see sshFingerprint). */
export function useSshFingerprint(keyLine: string): string | null {
  const [fingerprint, setFingerprint] = useState<{ line: string; value: string | null } | null>(null);
  useEffect(() => {
    let current = true;
    void sshFingerprint(keyLine).then((value) => {
      if (current) setFingerprint({ line: keyLine, value });
    });
    return () => {
      current = false;
    };
  }, [keyLine]);
  return fingerprint?.line === keyLine ? fingerprint.value : null;
}
