import { COMPRESSION_SPEC, excludePatternProblem } from './borg-syntax';

describe('COMPRESSION_SPEC', () => {
  it.each(['none', 'lz4', 'zstd', 'zstd,1', 'zstd,22', 'zlib,9', 'lzma,0', 'auto,zstd,10', 'auto,lz4'])('accepts %s', (spec) => {
    expect(COMPRESSION_SPEC.test(spec)).toBe(true);
  });

  it.each(['', 'zstd,23', 'zstd,0', 'zlib,10', 'gzip', 'auto', 'auto,auto,lz4', 'lz4,1', 'zstd;rm -rf /'])('refuses %j', (spec) => {
    expect(COMPRESSION_SPEC.test(spec)).toBe(false);
  });
});

describe('excludePatternProblem', () => {
  it.each(['*.tmp', 'sh:**/*.log', 'fm:/home/*/junk', 're:\\.cache$', 'pp:/var/cache', 'pf:/etc/shadow', '/home/user/Downloads'])(
    'accepts %s',
    (pattern) => {
      expect(excludePatternProblem(pattern)).toBeNull();
    },
  );

  it.each([
    ['', /empty/],
    ['*.tmp\n/etc', /line breaks/],
    ['re:([', /regular expression/],
    ['sh:', /no pattern/],
    ['xx:thing', /not a pattern style/],
  ])('refuses %j', (pattern, problem) => {
    expect(excludePatternProblem(pattern)).toMatch(problem);
  });
});
