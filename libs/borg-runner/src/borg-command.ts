/** A borg command line as a user would type it, from an option object: { keep_last: 2 } or { keepLast: 2 } → --keep-last 2. */
export function describeBorgCommand(words: string[], options: object, tail: string[] = ['REPOSITORY']): string {
  const out = [...words];
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === false) continue;
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/_/g, '-')}`;
    out.push(...(value === true ? [flag] : [flag, String(value)]));
  }
  return `Running: ${[...out, ...tail].join(' ')}`;
}
