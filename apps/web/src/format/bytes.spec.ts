import { formatBytes } from './bytes';

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;
const TB = GB * 1024;

describe('formatBytes', () => {
  it('writes fewer than 1024 bytes as whole bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1)).toBe('1 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('steps by 1024 with one decimal', () => {
    expect(formatBytes(KB)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * MB)).toBe('200.0 MB');
    expect(formatBytes(3 * GB)).toBe('3.0 GB');
    expect(formatBytes(2.5 * TB)).toBe('2.5 TB');
  });

  it('moves to the next unit where rounding would give 1024.0', () => {
    expect(formatBytes(MB - 1)).toBe('1.0 MB');
    expect(formatBytes(GB - 1)).toBe('1.0 GB');
    expect(formatBytes(TB - 1)).toBe('1.0 TB');
    expect(formatBytes(1023.9 * KB)).toBe('1023.9 KB');
  });

  it('stays in TB above 1024 TB', () => {
    expect(formatBytes(1024 * TB)).toBe('1024.0 TB');
    expect(formatBytes(5000 * TB)).toBe('5000.0 TB');
  });

  it('shows a dash for a count that cannot be one', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
