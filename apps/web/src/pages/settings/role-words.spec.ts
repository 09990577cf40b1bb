import { ROLES } from '../../api/roles';
import { roleHint, roleLabel, roleSummary } from './role-words';

describe('role words', () => {
  it('names each role and says what it may do', () => {
    expect(ROLES.map(roleLabel)).toEqual(['Viewer', 'Operator', 'Admin']);
    expect(roleSummary('viewer')).toBe('sees status, jobs, logs and archives; no downloads, restores or changes');
  });

  it('makes a sentence of the summary for a hint', () => {
    expect(roleHint('admin')).toBe('Everything, including users, hooks, repository locations and credentials.');
  });
});
