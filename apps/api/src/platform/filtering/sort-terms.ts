export interface SortTerm {
  field: string;
  descending: boolean;
}

/** `-created_at` → created_at descending; `name` → ascending. */
export function parseSortTerm(text: string): SortTerm {
  return text.startsWith('-') ? { field: text.slice(1), descending: true } : { field: text, descending: false };
}

/** What is wrong with a `?sort=` list against the fields a list allows, in words, or null when nothing is. */
export function sortProblem(items: readonly string[], allowed: readonly string[]): string | null {
  if (items.length === 0) return 'must name at least one field';
  const fields = items.map((item) => parseSortTerm(item).field);
  const unknown = fields.filter((field) => !allowed.includes(field));
  if (unknown.length > 0) {
    return `has an unknown field ${unknown.map((field) => `"${field}"`).join(', ')} (sort by ${allowed.join(', ')}, each with - for descending)`;
  }
  const repeated = fields.find((field, index) => fields.indexOf(field) !== index);
  return repeated === undefined ? null : `names "${repeated}" twice`;
}

/** What is wrong with a set's items against the values it allows, in words, or null when nothing is. */
export function setProblem(items: readonly unknown[], allowed: readonly string[]): string | null {
  if (items.length === 0) return 'must name at least one value';
  const unknown = items.filter((item) => typeof item !== 'string' || !allowed.includes(item));
  if (unknown.length === 0) return null;
  return `has an unknown value ${unknown.map((item) => JSON.stringify(item)).join(', ')} (one of ${allowed.join(', ')})`;
}
