import { DomainError } from '../../platform/errors/domain-error';
import { Page } from '../../platform/http/envelope';
import { connectionOf, cursorOf, pageWindow } from './connection';

describe('connections', () => {
  it('starts at the top without a cursor, and right after the item a cursor names', () => {
    expect(pageWindow(null, null)).toEqual({ limit: 20, offset: 0 });
    expect(pageWindow(5, cursorOf(9))).toEqual({ limit: 5, offset: 10 });
  });

  it('refuses a page size out of range and anything that is not one of its cursors', () => {
    for (const first of [0, 201, -1]) expect(() => pageWindow(first, null)).toThrow(DomainError);
    for (const after of ['', 'b2Zmc2V0Oi0x', 'not a cursor', Buffer.from('offset:99999999999').toString('base64url')]) {
      expect(() => pageWindow(10, after)).toThrow('after is not a cursor of this list');
    }
  });

  it('gives each edge its cursor and says whether more follow', () => {
    const page = connectionOf(new Page(['c', 'd'], { total: 5, limit: 2, offset: 2 }));
    expect(page.edges).toEqual([
      { node: 'c', cursor: cursorOf(2) },
      { node: 'd', cursor: cursorOf(3) },
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: cursorOf(2), endCursor: cursorOf(3) });
    expect(page.totalCount).toBe(5);
    const last = connectionOf(new Page(['e'], { total: 5, limit: 2, offset: 4 }));
    expect(last.pageInfo.hasNextPage).toBe(false);
    const empty = connectionOf(new Page([], { total: 0, limit: 2, offset: 0 }));
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
