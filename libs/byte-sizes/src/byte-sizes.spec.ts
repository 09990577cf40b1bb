import { formatBytes } from './byte-sizes';

const KB = 1000;
const MB = KB * 1000;
const GB = MB * 1000;
const TB = GB * 1000;

describe('formatBytes', () => {
  it('writes fewer than 1000 bytes as whole bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1)).toBe('1 B');
    expect(formatBytes(999)).toBe('999 B');
  });

  it('steps by 1000 with one decimal, in the units borg writes', () => {
    expect(formatBytes(KB)).toBe('1.0 kB');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(1024)).toBe('1.0 kB');
    expect(formatBytes(200 * MB)).toBe('200.0 MB');
    expect(formatBytes(3 * GB)).toBe('3.0 GB');
    expect(formatBytes(2.5 * TB)).toBe('2.5 TB');
  });

  it('agrees with borg: 51.05 MB in borg’s output is 51.0 MB or 51.1 MB here, not 48.7', () => {
    expect(formatBytes(51_050_000)).toBe('51.0 MB');
    expect(formatBytes(51_060_000)).toBe('51.1 MB');
  });

  it('moves to the next unit where rounding would give 1000.0', () => {
    expect(formatBytes(MB - 1)).toBe('1.0 MB');
    expect(formatBytes(GB - 1)).toBe('1.0 GB');
    expect(formatBytes(TB - 1)).toBe('1.0 TB');
    expect(formatBytes(999.9 * KB)).toBe('999.9 kB');
  });

  it('stays in TB above 1000 TB', () => {
    expect(formatBytes(1000 * TB)).toBe('1000.0 TB');
    expect(formatBytes(5000 * TB)).toBe('5000.0 TB');
  });

  it('shows a dash for a count that cannot be one', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
