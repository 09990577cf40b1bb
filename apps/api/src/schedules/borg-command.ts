/** A borg command line as a user would type it, from a camelCase option object: { keepLast: 2 } → --keep-last 2. */
export function describeBorgCommand(words: string[], options: object, tail: string[] = ['REPOSITORY']): string {
  const out = [...words];
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === false) continue;
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    out.push(...(value === true ? [flag] : [flag, String(value)]));
  }
  return `Running: ${[...out, ...tail].join(' ')}`;
}
