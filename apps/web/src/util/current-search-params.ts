/**
 * The address's query as it is at this moment. A navigation changes the address at once but the page only on its
 * next render, so a second change made before that (a date typed into From, then one into To) must start from here,
 * not from what the page last rendered, or it undoes the first.
 */
export function currentSearchParams(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}
