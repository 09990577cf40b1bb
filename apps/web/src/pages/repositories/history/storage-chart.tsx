import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import type { HistoryPoint } from '../../../api/history';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatDateTime } from '../../../format/date-time';
import { useColorScheme } from '../../../util/use-color-scheme';
import { chartSeries, type ChartSeries } from './chart-series';

const SIZES_HEIGHT = 200;
const ADDED_HEIGHT = 140;
/** The two charts move their cursors together: the archive under the pointer is the same in both. */
const CURSOR_SYNC = 'storage-history';

/**
 * Two charts drawn by uPlot on canvas: the size of each archive (original and compressed) and the space each one
 * added (deduplicated), with a legend that says the figures of the archive under the pointer. Loaded on its own,
 * after the repository page: uPlot stays out of every other page's code.
 */
export default function StorageChart({ points }: { points: HistoryPoint[] }) {
  const series = useMemo(() => chartSeries(points), [points]);
  const [hovered, setHovered] = useState<number | null>(null);
  const shown = hovered ?? series.times.length - 1;
  return (
    <div className="storage-chart">
      <h3 className="storage-chart__title">Size of each archive</h3>
      <Legend
        items={[
          { name: 'Original', className: 'original', value: series.original[shown] },
          { name: 'Compressed', className: 'compressed', value: series.compressed[shown] },
        ]}
        archive={points[shown]}
      />
      <Plot series={series} kind="sizes" height={SIZES_HEIGHT} onHover={setHovered} />
      <h3 className="storage-chart__title">Space each archive added (deduplicated)</h3>
      <Legend items={[{ name: 'Deduplicated', className: 'added', value: series.added[shown] }]} />
      <Plot series={series} kind="added" height={ADDED_HEIGHT} onHover={setHovered} />
    </div>
  );
}

interface LegendItem {
  name: string;
  className: string;
  value: number | null | undefined;
}

function Legend({ items, archive }: { items: LegendItem[]; archive?: HistoryPoint }) {
  return (
    <p className="storage-chart__legend">
      {archive && (
        <span className="storage-chart__archive">
          {archive.name}, {formatDateTime(new Date(archive.time))}
        </span>
      )}
      {items.map((item) => (
        <span key={item.name} className="storage-chart__item">
          <span className={`storage-chart__swatch storage-chart__swatch--${item.className}`} aria-hidden="true" />
          {item.name}: {item.value === null || item.value === undefined ? '—' : formatBytes(item.value)}
        </span>
      ))}
    </p>
  );
}

/** One uPlot chart, made again when its data or the colour scheme change, and resized with its element. */
function Plot({
  series,
  kind,
  height,
  onHover,
}: {
  series: ChartSeries;
  kind: 'sizes' | 'added';
  height: number;
  onHover: (index: number | null) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const scheme = useColorScheme();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const colors = chartColors(element);
    const axis: uPlot.Axis = {
      stroke: colors.text,
      grid: { stroke: colors.grid, width: 1 },
      ticks: { stroke: colors.grid, width: 1 },
      font: '12px system-ui, sans-serif',
    };
    const sizeAxis: uPlot.Axis = { ...axis, size: 64, values: (_, ticks) => ticks.map((tick) => formatBytes(tick)) };
    const dots = { show: series.times.length <= 60 };
    const lines: uPlot.Series[] =
      kind === 'sizes'
        ? [
            { label: 'Original', stroke: colors.original, width: 2, points: dots },
            { label: 'Compressed', stroke: colors.compressed, width: 2, dash: [6, 3], points: dots },
          ]
        : [
            {
              label: 'Deduplicated',
              stroke: colors.added,
              fill: colors.added,
              paths: uPlot.paths.bars?.({ size: [0.7, 24] }),
              points: { show: false },
            },
          ];
    const data: uPlot.AlignedData = kind === 'sizes' ? [series.times, series.original, series.compressed] : [series.times, series.added];
    const plot = new uPlot(
      {
        width: element.clientWidth,
        height,
        legend: { show: false },
        cursor: { sync: { key: CURSOR_SYNC }, points: { show: kind === 'sizes' } },
        scales: { x: { time: true }, y: { range: (_, min, max) => [0, Math.max(max, 1) * 1.1] } },
        axes: [axis, sizeAxis],
        series: [{}, ...lines],
        hooks: {
          setCursor: [(chart) => onHover(chart.cursor.idx ?? null)],
        },
      },
      data,
      element,
    );
    // The chart follows its element's width (a narrower window, a page laid out again).
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width > 0 && width !== plot.width) plot.setSize({ width, height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [series, kind, height, scheme, onHover]);

  return <div ref={container} className="storage-chart__plot" aria-hidden="true" />;
}

/** The colours of the chart, from the stylesheet (they change with the colour scheme). */
function chartColors(element: HTMLElement) {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: read('--text-muted'),
    grid: read('--border'),
    original: read('--chart-original'),
    compressed: read('--chart-compressed'),
    added: read('--chart-added'),
  };
}
