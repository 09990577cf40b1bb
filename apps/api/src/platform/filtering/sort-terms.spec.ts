import { parseSortTerm, setProblem, sortProblem } from './sort-terms';

describe('sort terms', () => {
  it('reads a leading - as descending', () => {
    expect(parseSortTerm('-created_at')).toEqual({ field: 'created_at', descending: true });
    expect(parseSortTerm('name')).toEqual({ field: 'name', descending: false });
  });

  it('takes fields of the allow-list, each once', () => {
    expect(sortProblem(['-created_at', 'name'], ['created_at', 'name'])).toBeNull();
    expect(sortProblem(['size'], ['created_at', 'name'])).toBe(
      'has an unknown field "size" (sort by created_at, name, each with - for descending)',
    );
    expect(sortProblem(['name', '-name'], ['name'])).toBe('names "name" twice');
    expect(sortProblem(['--name'], ['name'])).toMatch(/unknown field "-name"/);
    expect(sortProblem([], ['name'])).toBe('must name at least one field');
  });
});

describe('set values', () => {
  it('names each unknown value', () => {
    expect(setProblem(['failed', 'warning'], ['failed', 'warning', 'completed'])).toBeNull();
    expect(setProblem(['failed', 'broken', ''], ['failed'])).toBe('has an unknown value "broken", "" (one of failed)');
    expect(setProblem([], ['failed'])).toBe('must name at least one value');
  });
});
