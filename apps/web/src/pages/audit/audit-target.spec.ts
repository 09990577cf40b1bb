import { describeTarget } from './audit-target';

describe('describeTarget', () => {
  it('names each parameter and its value', () => {
    expect(describeTarget({ id: '3', archive: 'laptop-2026-12-01' })).toBe('id 3, archive laptop-2026-12-01');
    expect(describeTarget({ repository_id: '2' })).toBe('repository id 2');
  });

  it('says nothing for an empty target', () => {
    expect(describeTarget({})).toBeNull();
  });
});
