import { escapeHtml } from './escape-html.ts';
import type { Count } from './report-types.ts';

export interface BarChartOptions {
  /** Shown to screen readers and as the chart's title. */
  readonly label: string;
  /** Bars shown (the rest are summed into "other"). */
  readonly maxBars?: number;
  /** A colour per key; default one colour. */
  readonly colour?: (key: string) => string;
  readonly width?: number;
}

const DEFAULT_COLOUR = '#2563eb';

/**
 * A horizontal bar chart as inline SVG: no script, no network, readable
 * without styles. Keys and numbers are escaped text.
 */
export function barChart(data: readonly Count[], options: BarChartOptions): string {
  const max = options.maxBars ?? 12;
  const shown = data.slice(0, max);
  const rest = data.slice(max).reduce((sum, c) => sum + c.count, 0);
  const bars = rest > 0 ? [...shown, { key: `other (${data.length - max})`, count: rest }] : [...shown];
  const width = options.width ?? 420;
  const labelWidth = 150;
  const valueWidth = 48;
  const barHeight = 18;
  const gap = 6;
  const height = Math.max(1, bars.length) * (barHeight + gap) + gap;
  const top = Math.max(1, ...bars.map((b) => b.count));
  const room = width - labelWidth - valueWidth;
  const parts = bars.map((bar, i) => {
    const y = gap + i * (barHeight + gap);
    const w = bar.count === 0 ? 0 : Math.max(2, Math.round((bar.count / top) * room));
    const fill = options.colour?.(bar.key) ?? DEFAULT_COLOUR;
    const key = escapeHtml(bar.key);
    return (
      `<g class="bar-row"><title>${key}: ${bar.count}</title>` +
      `<text x="${labelWidth - 6}" y="${y + barHeight - 5}" text-anchor="end" class="bar-label">${escapeHtml(shorten(bar.key, 22))}</text>` +
      `<rect class="bar" data-key="${key}" data-count="${bar.count}" x="${labelWidth}" y="${y}" width="${w}" height="${barHeight}" rx="3" fill="${escapeHtml(fill)}"></rect>` +
      `<text x="${labelWidth + w + 6}" y="${y + barHeight - 5}" class="bar-value">${bar.count}</text></g>`
    );
  });
  const body = bars.length === 0 ? `<text x="10" y="16" class="bar-label">No data</text>` : parts.join('');
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(options.label)}" xmlns="http://www.w3.org/2000/svg" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeHtml(options.label)}</title>${body}</svg>`
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
