// Number and word formatting for the dashboard page. No DOM here, so it is unit-tested in Node.
//
// Numbers in the model are sums of what people typed, and postMessage turns Infinity and NaN
// into null: every number the page shows goes through these functions, which never throw.

/** Shown where a number is missing or too large to show. */
export const NO_VALUE = '—';

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `1,240.5`; "—" for anything that isn't a finite number. */
export function formatNumber(value: unknown): string {
  return isFiniteNumber(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 1 }) : NO_VALUE;
}

/** `950`, `10k`, `2.5M`: an axis label that fits the chart's left margin, whatever the totals reach. */
export function formatTick(value: unknown): string {
  if (!isFiniteNumber(value)) return NO_VALUE;
  const size = Math.abs(value);
  if (size >= 1e9) return `${formatNumber(value / 1e9)}B`;
  if (size >= 1e6) return `${formatNumber(value / 1e6)}M`;
  if (size >= 1e4) return `${formatNumber(value / 1e3)}k`;
  return formatNumber(value);
}

export function plural(label: string): string {
  return /s$/i.test(label) ? label : `${label}s`;
}

/**
 * A round top for a chart's y axis, so its labels read as 5, 10, 50, 100… and not 137.
 * Always a finite number above zero, whatever it is given, so the bars can be scaled by it.
 */
export function niceMax(value: unknown): number {
  if (!isFiniteNumber(value) || value <= 0) return 1;
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const top = step * magnitude;
    if (top >= value) return Number.isFinite(top) ? top : value;
  }
  return value;
}

/** The largest finite number among `values`, 0 when there is none. */
export function largestFinite(values: readonly unknown[]): number {
  let largest = 0;
  for (const value of values) if (isFiniteNumber(value) && value > largest) largest = value;
  return largest;
}
