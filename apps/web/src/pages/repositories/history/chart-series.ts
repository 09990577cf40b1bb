import type { HistoryPoint } from '../../../api/history';

/** The history as the columns a chart draws: times in seconds, sizes with null where a figure is not known yet. */
export interface ChartSeries {
  times: number[];
  original: (number | null)[];
  compressed: (number | null)[];
  added: (number | null)[];
}

export function chartSeries(points: HistoryPoint[]): ChartSeries {
  return {
    times: points.map((point) => Date.parse(point.time) / 1000),
    original: points.map((point) => point.original_size),
    compressed: points.map((point) => point.compressed_size),
    added: points.map((point) => point.deduplicated_size),
  };
}
