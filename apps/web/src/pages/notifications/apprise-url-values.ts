/**
 * Apprise URLs made from a service's `url_template`, as GET /api/notifications/providers describes it:
 * `{field}` is the value percent-encoded as a URL component, `{field/}` the same with its slashes kept,
 * `{field!}` the value as typed, and `[ … ]` a part left out when any field inside it is empty.
 */

type Encoding = 'component' | 'path' | 'raw';

type TemplatePart = { text: string } | { field: string; encoding: Encoding } | { optional: TemplatePart[] };

const ENCODINGS: Record<string, Encoding> = { '': 'component', '/': 'path', '!': 'raw' };

/** The template cut into text, fields and optional groups (which may nest). A bracket or brace that closes nothing is text. */
export function parseUrlTemplate(template: string): TemplatePart[] {
  const stack: TemplatePart[][] = [[]];
  const current = () => stack[stack.length - 1];
  const addText = (text: string) => {
    const parts = current();
    const last = parts[parts.length - 1];
    if (last && 'text' in last) last.text += text;
    else parts.push({ text });
  };
  let index = 0;
  while (index < template.length) {
    const char = template[index];
    const field = char === '{' ? /^\{([A-Za-z0-9_]+)([/!]?)\}/.exec(template.slice(index)) : null;
    if (field) {
      current().push({ field: field[1], encoding: ENCODINGS[field[2]] });
      index += field[0].length;
      continue;
    }
    if (char === '[') {
      const group: TemplatePart[] = [];
      current().push({ optional: group });
      stack.push(group);
    } else if (char === ']' && stack.length > 1) {
      stack.pop();
    } else {
      addText(char);
    }
    index += 1;
  }
  return stack[0];
}

/** The names of the template's fields that are written as typed (`{field!}`). */
export function rawFields(template: string): string[] {
  const names: string[] = [];
  const walk = (parts: TemplatePart[]) => {
    for (const part of parts) {
      if ('optional' in part) walk(part.optional);
      else if ('field' in part && part.encoding === 'raw') names.push(part.field);
    }
  };
  walk(parseUrlTemplate(template));
  return names;
}

/** The URL the template makes from the values by field name; a field without a value is empty. */
export function buildAppriseUrl(template: string, values: Readonly<Record<string, string>>): string {
  return render(parseUrlTemplate(template), values) ?? '';
}

/** The parts written out; null when a field among them is empty and `optional`, so that the group is left out. */
function render(parts: TemplatePart[], values: Readonly<Record<string, string>>, optional = false): string | null {
  let result = '';
  for (const part of parts) {
    if ('text' in part) {
      result += part.text;
    } else if ('optional' in part) {
      result += render(part.optional, values, true) ?? '';
    } else {
      const value = values[part.field] ?? '';
      if (value === '' && optional) return null;
      result += encode(value, part.encoding);
    }
  }
  return result;
}

function encode(value: string, encoding: Encoding): string {
  if (encoding === 'raw') return value;
  const encoded = encodeURIComponent(value);
  return encoding === 'path' ? encoded.replace(/%2F/gi, '/') : encoded;
}

/**
 * The scheme of an Apprise URL (`discord` of discord://…), lower case, or null. Masked targets keep their
 * scheme, so it tells which service a stored channel uses.
 */
export function schemeOf(url: string): string | null {
  const match = /^([A-Za-z0-9]+):\/\//.exec(url);
  return match ? match[1].toLowerCase() : null;
}
