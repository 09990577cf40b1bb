/**
 * class-validator words its default messages for developers ("keep_within must
 * match /^\d+[Hdwmy]$/ regular expression", "username must be longer than or
 * equal to 1 characters"). These turn them, and the DTOs' own messages that
 * start with a field's key, into sentences for the person filling in the form.
 */

/** `keep_within` → "Keep within"; `post_hooks.1.env` → "Post hooks 2: env" (items counted from 1). */
export function fieldLabel(path: string): string {
  const words = path.split('.').map((segment) => (/^\d+$/.test(segment) ? String(Number(segment) + 1) : segment.replace(/_/g, ' ')));
  const label = words.reduce((text, word, index) => {
    if (index === 0) return word;
    return /^\d+$/.test(word) ? `${text} ${word}` : `${text}: ${word}`;
  }, '');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Default messages, by constraint, rewritten; `$n` are the numbers or values read from the default. */
const REWORDED: Record<string, { pattern: RegExp; say: (match: RegExpMatchArray) => string }> = {
  minLength: {
    pattern: /must be longer than or equal to (\d+) characters?$/,
    say: ([, n]) => (n === '1' ? 'must not be empty' : `must be at least ${n} characters long`),
  },
  maxLength: { pattern: /must be shorter than or equal to (\d+) characters?$/, say: ([, n]) => `must be at most ${n} characters long` },
  isLength: {
    pattern: /must be (longer|shorter) than or equal to (\d+) characters?$/,
    say: ([, way, n]) => `must be ${way === 'longer' ? 'at least' : 'at most'} ${n} characters long`,
  },
  min: { pattern: /must not be less than (-?[\d.]+)$/, say: ([, n]) => `must be at least ${n}` },
  max: { pattern: /must not be greater than (-?[\d.]+)$/, say: ([, n]) => `must be at most ${n}` },
  isInt: { pattern: /must be an integer number$/, say: () => 'must be a whole number' },
  isNumber: { pattern: /must be a number conforming to the specified constraints$/, say: () => 'must be a number' },
  isString: { pattern: /must be a string$/, say: () => 'must be text' },
  isBoolean: { pattern: /must be a boolean value$/, say: () => 'must be true or false' },
  isArray: { pattern: /must be an array$/, say: () => 'must be a list' },
  isObject: { pattern: /must be an object$/, say: () => 'must be an object' },
  isNotEmpty: { pattern: /should not be empty$/, say: () => 'must not be empty' },
  isDefined: { pattern: /should not be null or undefined$/, say: () => 'is required' },
  isIn: { pattern: /must be one of the following values: (.*)$/, say: ([, values]) => `must be one of: ${values}` },
  isEnum: { pattern: /must be one of the following values: (.*)$/, say: ([, values]) => `must be one of: ${values}` },
  matches: { pattern: /must match .* regular expression$/, say: () => 'is not in the expected form' },
  arrayMinSize: {
    pattern: /must contain at least (\d+) elements?$/,
    say: ([, n]) => `must have at least ${n} ${n === '1' ? 'item' : 'items'}`,
  },
  arrayMaxSize: {
    pattern: /must contain no more than (\d+) elements?$/,
    say: ([, n]) => `must have at most ${n} ${n === '1' ? 'item' : 'items'}`,
  },
  arrayUnique: { pattern: /all .*'s elements must be unique$/, say: () => 'must not list the same item twice' },
  isEmail: { pattern: /must be an email$/, say: () => 'must be an email address' },
  isUrl: { pattern: /must be a URL address$/, say: () => 'must be a web address (URL)' },
  isDate: { pattern: /must be a Date instance$/, say: () => 'must be a date and time' },
  isPositive: { pattern: /must be a positive number$/, say: () => 'must be greater than 0' },
  nestedValidation: { pattern: /must be either object or array$/, say: () => 'must be an object or a list' },
};

/** A value of the wrong type makes the other rules' complaints meaningless ("must be at least 1 characters" for a number). */
const TYPE_RULES = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'isDate', 'nestedValidation']);
/** An empty value breaks every pattern too; saying only that it is empty keeps the messages from contradicting each other. */
const EMPTY_MESSAGE = 'must not be empty';

/**
 * The messages for one field, in words: the field's key replaced by its label,
 * the default wording replaced, and only the messages that matter — the type
 * when the type is wrong, emptiness when the value is empty.
 */
export function fieldMessages(path: string, property: string, constraints: Record<string, string>): string[] {
  const label = fieldLabel(path);
  const entries = Object.entries(constraints);
  const typeEntries = entries.filter(([rule]) => TYPE_RULES.has(rule));
  const reworded = (typeEntries.length > 0 ? typeEntries : entries).map(([rule, message]) => reword(rule, message, property, label));
  const relevant = reworded.some((message) => message.endsWith(EMPTY_MESSAGE))
    ? reworded.filter((message) => message.endsWith(EMPTY_MESSAGE))
    : reworded;
  return [...new Set(relevant)];
}

function reword(rule: string, message: string, property: string, label: string): string {
  if (rule === 'whitelistValidation') return `Unknown field "${property}"`;
  const known = REWORDED[rule];
  const match = known ? message.match(known.pattern) : null;
  const text = known && match ? `${property} ${known.say(match)}` : message;
  return withLabel(text, property, label);
}

/** "keep_within must be…" → "Keep within must be…"; a message that does not start with the key is left as written. */
function withLabel(message: string, property: string, label: string): string {
  for (const prefix of [`each value in ${property} `, `${property} `]) {
    if (message.startsWith(prefix)) return `${prefix.startsWith('each') ? `Each item of ${label}` : label} ${message.slice(prefix.length)}`;
  }
  return message;
}

/** The headline of a refusal: one field's first message, or which fields to correct. */
export function invalidInputMessage(details: Record<string, string[]>): string {
  const fields = Object.keys(details);
  if (fields.length === 1 && details[fields[0]]?.[0]) return details[fields[0]][0];
  return `Please correct: ${fields.map(fieldLabel).join(', ')}`;
}
