import { backupSourcesKey, estimateProgress } from './backup-estimate';

describe('backupSourcesKey', () => {
  it('is the same for the same sources and exclusions in any order, and differs when either changes', () => {
    const key = backupSourcesKey(['/home', '/etc'], ['*.tmp', '*.cache']);
    expect(backupSourcesKey(['/etc', '/home'], ['*.cache', '*.tmp'])).toBe(key);
    expect(backupSourcesKey(['/etc'], ['*.cache', '*.tmp'])).not.toBe(key);
    expect(backupSourcesKey(['/etc', '/home'], [])).not.toBe(key);
  });
});

describe('estimateProgress', () => {
  const basis = { files: 1000, originalSize: 10_000_000 };

  it('is the mean of the shares of files and bytes, and scales the time so far by what remains', () => {
    // 40 % of the files and 60 % of the bytes: 50 % in 30 s, so 30 s to go.
    expect(estimateProgress(basis, { files: 400, originalSize: 6_000_000, elapsedSeconds: 30 })).toEqual({ percent: 50, eta_seconds: 30 });
    expect(estimateProgress(basis, { files: 750, originalSize: 7_500_000, elapsedSeconds: 9 })).toEqual({ percent: 75, eta_seconds: 3 });
  });

  it('rounds the percentage down to one decimal', () => {
    expect(estimateProgress(basis, { files: 333, originalSize: 3_330_000, elapsedSeconds: 10 })?.percent).toBe(33.3);
  });

  it('tells no time left while too little is known: under 1 % or under 2 seconds in', () => {
    expect(estimateProgress(basis, { files: 5, originalSize: 50_000, elapsedSeconds: 10 })).toEqual({ percent: 0.5, eta_seconds: null });
    expect(estimateProgress(basis, { files: 500, originalSize: 5_000_000, elapsedSeconds: 1 })).toEqual({ percent: 50, eta_seconds: null });
  });

  it('never says 100 % before borg has finished, and tells no time left once past the previous archive', () => {
    expect(estimateProgress(basis, { files: 1200, originalSize: 13_000_000, elapsedSeconds: 40 })).toEqual({
      percent: 99.9,
      eta_seconds: null,
    });
  });

  it('measures by the one figure the previous archive had when the other is zero, and not at all without either', () => {
    expect(estimateProgress({ files: 10, originalSize: 0 }, { files: 5, originalSize: 0, elapsedSeconds: 4 })).toEqual({
      percent: 50,
      eta_seconds: 4,
    });
    expect(estimateProgress({ files: 0, originalSize: 0 }, { files: 5, originalSize: 10, elapsedSeconds: 4 })).toBeNull();
  });
});
