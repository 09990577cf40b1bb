import { sparklinePath } from './sparkline';

describe('sparklinePath', () => {
  it('runs left to right with the largest value at the top', () => {
    expect(sparklinePath([0, 10, 5], 102, 22)).toBe('M1,21 L51,1 L101,11');
  });

  it('draws equal values along the middle, and nothing for no values', () => {
    expect(sparklinePath([7, 7], 12, 10)).toBe('M1,5 L11,5');
    expect(sparklinePath([], 12, 10)).toBe('');
  });
});
