/** "check" → "Check policies": the title of a kind of policy's list, and of the links back to it. */
export function policiesTitle(kind: string): string {
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} policies`;
}
