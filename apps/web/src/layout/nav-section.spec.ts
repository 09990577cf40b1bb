import { navSection } from './nav-section';

const SECTIONS = ['/', '/repositories', '/archives', '/jobs'];

describe('navSection', () => {
  it('finds the section of a page by the start of its address', () => {
    expect(navSection('/', SECTIONS)).toBe('/');
    expect(navSection('/jobs', SECTIONS)).toBe('/jobs');
    expect(navSection('/jobs/42', SECTIONS)).toBe('/jobs');
    expect(navSection('/repositories/3/edit', SECTIONS)).toBe('/repositories');
  });

  it('puts a repository’s archives and the archive browser under Archives', () => {
    expect(navSection('/repositories/3/archives', SECTIONS)).toBe('/archives');
    expect(navSection('/repositories/3/archives/host-2026-01-01', SECTIONS)).toBe('/archives');
    expect(navSection('/repositories/3/archives/a/diff', SECTIONS)).toBe('/archives');
  });

  it('puts the audit log under Settings', () => {
    expect(navSection('/audit', [...SECTIONS, '/settings'])).toBe('/settings');
    expect(navSection('/audit', SECTIONS)).toBeUndefined();
  });

  it('finds none for an address outside the sections', () => {
    expect(navSection('/jobsx', SECTIONS)).toBeUndefined();
    expect(navSection('/nowhere', SECTIONS)).toBeUndefined();
  });
});
