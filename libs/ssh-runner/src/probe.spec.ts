import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeBytesOf, parseProbe, PROBE_SCRIPT } from './probe';

describe('parseProbe', () => {
  it('reads every fact', () => {
    const probe = parseProbe(
      [
        'user=backup',
        'home=/home/backup',
        'borg=borg 1.2.4',
        'socat=socat version 1.7.4.4 on 06 Nov 2022 08:15:51',
        'df=/dev/sda1   102400  51200  40960  56% /',
      ].join('\n') + '\n',
    );
    expect(probe).toEqual({
      user: 'backup',
      home: '/home/backup',
      borgVersion: '1.2.4',
      socatVersion: '1.7.4.4',
      freeBytes: 40960 * 1024,
      missing: [],
    });
  });

  it('lists missing tools with the command that installs them', () => {
    const probe = parseProbe('user=u\nhome=/h\ndf=\n');
    expect(probe.borgVersion).toBeNull();
    expect(probe.freeBytes).toBeNull();
    expect(probe.missing).toEqual([
      { tool: 'borg', install: 'sudo apt install borgbackup' },
      { tool: 'socat', install: 'sudo apt install socat' },
    ]);
  });

  it('takes an odd version line for missing', () => {
    expect(parseProbe('borg=command not found\n').borgVersion).toBeNull();
  });

  it('reads this machine', () => {
    const probe = parseProbe(execFileSync('sh', ['-c', PROBE_SCRIPT]).toString());
    expect(probe.user).toBe(execFileSync('id', ['-un']).toString().trim());
    expect(probe.freeBytes).toBeGreaterThan(0);
  });

  it('reads a machine without borg and socat', () => {
    const bin = mkdtempSync(join(tmpdir(), 'probe-path-'));
    try {
      for (const tool of ['id', 'df', 'head', 'tail', 'grep']) {
        symlinkSync(
          execFileSync('sh', ['-c', `command -v ${tool}`])
            .toString()
            .trim(),
          join(bin, tool),
        );
      }
      const out = execFileSync('/bin/sh', ['-c', PROBE_SCRIPT], { env: { PATH: bin, HOME: '/' } }).toString();
      const probe = parseProbe(out);
      expect(probe.home).toBe('/');
      expect(probe.missing.map((m) => m.tool)).toEqual(['borg', 'socat']);
      expect(probe.freeBytes).toBeGreaterThan(0);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});

describe('freeBytesOf', () => {
  it.each([
    ['/dev/sda1 1000 500 400 56% /', 400 * 1024],
    ['my fs name 1000 500 400 56% /mnt/with space', 400 * 1024],
    ['overlay 1000 500 0 100% /', 0],
    ['Filesystem 1024-blocks Used Available Capacity Mounted on', null],
    ['', null],
  ])('%j → %s', (line, bytes) => {
    expect(freeBytesOf(line)).toBe(bytes);
  });
});
