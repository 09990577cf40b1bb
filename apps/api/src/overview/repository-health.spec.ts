import { assessHealth, compareByHealth, HealthFacts, RepositoryHealth } from './repository-health';

const AT = new Date('2026-01-10T12:00:00Z');
const healthy: HealthFacts = {
  unacknowledgedFailed: 0,
  unacknowledgedWarning: 0,
  unreachableSince: null,
  overdueSince: null,
  lowSpaceSince: null,
  newestArchiveAt: AT,
};

describe('assessHealth', () => {
  it('is healthy with an archive and nothing wrong', () => {
    expect(assessHealth(healthy)).toEqual({ health: 'healthy', reasons: [] });
  });

  it('takes the worst finding and lists them all, worst first', () => {
    expect(assessHealth({ ...healthy, unacknowledgedWarning: 2, overdueSince: AT, unacknowledgedFailed: 1 })).toEqual({
      health: 'failed',
      reasons: [
        'A job failed (not acknowledged yet)',
        'No archive as recent as expected',
        '2 jobs ended with warnings (not acknowledged yet)',
      ],
    });
  });

  it.each<[Partial<HealthFacts>, RepositoryHealth]>([
    [{ unacknowledgedFailed: 3 }, 'failed'],
    [{ unreachableSince: AT }, 'failed'],
    [{ overdueSince: AT }, 'overdue'],
    [{ overdueSince: AT, lowSpaceSince: AT }, 'overdue'],
    [{ unacknowledgedWarning: 1 }, 'warning'],
    [{ lowSpaceSince: AT }, 'warning'],
    [{ newestArchiveAt: null }, 'warning'],
  ])('%o is %s', (facts, health) => {
    expect(assessHealth({ ...healthy, ...facts }).health).toBe(health);
  });
});

describe('compareByHealth', () => {
  it('orders failed, overdue, warning, healthy, then by name', () => {
    const repositories = [
      { id: 1, name: 'b', health: 'healthy' as const },
      { id: 2, name: 'z', health: 'overdue' as const },
      { id: 3, name: 'A', health: 'healthy' as const },
      { id: 4, name: 'm', health: 'warning' as const },
      { id: 5, name: 'q', health: 'failed' as const },
      { id: 6, name: 'Repo 10', health: 'healthy' as const },
      { id: 7, name: 'repo 9', health: 'healthy' as const },
    ];
    expect(repositories.sort(compareByHealth).map((repository) => repository.id)).toEqual([5, 2, 4, 3, 1, 7, 6]);
  });
});
