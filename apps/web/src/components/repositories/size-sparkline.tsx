import { formatBytes } from '@borgitory/byte-sizes';
import { sparklinePath } from '../../format/sparkline';

interface SizeSparklineProps {
  /** Original sizes of the newest archives, oldest first. */
  sizes: number[];
  width?: number;
  height?: number;
}

/**
 * The original size of a repository's newest archives as a small line, for a card or a list (an SVG path: no chart
 * library). Screen readers get the first and last size in words; nothing shows until there are two archives.
 */
export function SizeSparkline({ sizes, width = 120, height = 28 }: SizeSparklineProps) {
  if (sizes.length < 2) return null;
  const label = `Size of the last ${sizes.length} archives: from ${formatBytes(sizes[0])} to ${formatBytes(sizes[sizes.length - 1])}`;
  return (
    <svg className="size-sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <title>{label}</title>
      <path d={sparklinePath(sizes, width, height)} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  );
}
