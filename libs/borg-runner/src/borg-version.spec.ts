import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBorgVersion } from './borg-version';

describe('readBorgVersion', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'borg-version-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the version of the real borg binary', async () => {
    await expect(readBorgVersion('borg')).resolves.toMatch(/^1\.\d+\.\d+/);
  });

  it('says when the binary is missing', async () => {
    await expect(readBorgVersion(join(dir, 'no-such-borg'))).rejects.toThrow(/was not found/);
  });

  it('refuses output that carries no version', async () => {
    const fake = join(dir, 'fake-borg');
    writeFileSync(fake, '#!/bin/sh\necho hello\n');
    chmodSync(fake, 0o755);
    await expect(readBorgVersion(fake)).rejects.toThrow(/Unexpected output/);
  });
});
