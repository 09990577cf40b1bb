/** The "Maximum age of the newest archive" field: hours as typed text, `''` for none. */

export const MAX_AGE_HOURS_LIMIT = 8760;

/** The field's text for what is stored. */
export function maxAgeText(hours: number | null): string {
  return hours === null ? '' : String(hours);
}

/** What the form sends: null for an empty field, else the number typed (the API says when it is not a whole 1–8760). */
export function maxAgeHours(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

/** For an update: the new value, or undefined when it is what is stored. */
export function maxAgeChange(stored: number | null, text: string): number | null | undefined {
  const typed = maxAgeHours(text);
  return typed === stored ? undefined : typed;
}
