import { auditQuery, auditViewParams, parseAuditView } from './audit-filter-values';

describe('audit filter values', () => {
  it('reads the filters and the page from the address', () => {
    const view = parseAuditView(new URLSearchParams('user_id=3&action=POST%20/api/v1/users&since=2026-12-01&until=2026-12-05&offset=50'));
    expect(view).toEqual({
      filters: { user_id: 3, action: 'POST /api/v1/users', since: '2026-12-01', until: '2026-12-05' },
      offset: 50,
    });
  });

  it('leaves out what makes no sense', () => {
    const view = parseAuditView(new URLSearchParams('user_id=-1&action=%20&since=2026-02-30&until=yesterday&offset=x'));
    expect(view).toEqual({ filters: {}, offset: 0 });
  });

  it('writes back what it read, without empty values', () => {
    const params = 'user_id=3&action=DELETE+%2Fapi%2Fv1%2Fusers%2F%7Bid%7D&since=2026-12-01&offset=50';
    expect(new URLSearchParams(auditViewParams(parseAuditView(new URLSearchParams(params)))).toString()).toBe(params);
    expect(auditViewParams({ filters: {}, offset: 0 })).toEqual({});
  });

  it('asks the API from the start of the first day to the end of the last, in local time', () => {
    const query = auditQuery({ user_id: 2, since: '2026-12-01', until: '2026-12-05' });
    expect(query.user_id).toBe(2);
    expect(new Date(query.since ?? '').getTime()).toBe(new Date(2026, 11, 1).getTime());
    expect(new Date(query.until ?? '').getTime()).toBe(new Date(2026, 11, 6).getTime() - 1);
    expect(auditQuery({})).toEqual({});
  });
});
