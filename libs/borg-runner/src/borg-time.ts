/** borg's --json times are local wall-clock times without an offset ("2026-11-26T19:18:17.000000"). */
export function parseBorgTime(value: string): Date {
  const [seconds, fraction = ''] = value.split('.');
  return new Date(`${seconds}.${fraction.padEnd(3, '0').slice(0, 3)}`);
}
