/**
 * An SVG path through the values, left to right across `width`, the smallest at the bottom and the largest at the
 * top of `height` (a line along the middle when they are all equal); a pixel of margin keeps the stroke inside.
 */
export function sparklinePath(values: number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  const margin = 1;
  const step = values.length > 1 ? (width - 2 * margin) / (values.length - 1) : 0;
  const y = (value: number) => (max === min ? height / 2 : margin + (height - 2 * margin) * (1 - (value - min) / (max - min)));
  return values.map((value, index) => `${index === 0 ? 'M' : 'L'}${round(margin + index * step)},${round(y(value))}`).join(' ');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
