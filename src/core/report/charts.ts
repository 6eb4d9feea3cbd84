// Charts for the Markdown report, as self-contained SVG files: GitHub and the Markdown preview
// show an SVG image but no script or stylesheet, so colours and fonts are written inline and
// the chart carries its own light background to read in dark themes too.

import { formatNumber } from './build';

export interface BarPair {
  label: string;
  current: number;
  previous: number;
}

const WIDTH = 640;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 90;
const ROW_HEIGHT = 34;
const CURRENT = '#3b6fd4';
const PREVIOUS = '#a9b8d6';
const TEXT = '#1f2328';
const MUTED = '#57606a';

/**
 * One row per item with this period's bar over the previous one. Each row is scaled to its own
 * larger value: metrics count different things, and page views would flatten every other bar.
 */
export function comparisonChart(title: string, rows: readonly BarPair[], legend: { current: string; previous: string }): string {
  const top = 58;
  const height = top + rows.length * ROW_HEIGHT + 14;
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20;
  const parts: string[] = [header(title, height)];
  parts.push(
    `<rect x="${LABEL_WIDTH}" y="34" width="10" height="10" fill="${CURRENT}"/><text x="${LABEL_WIDTH + 14}" y="43" font-size="11" fill="${MUTED}">${escapeXml(legend.current)}</text>`,
    `<rect x="${LABEL_WIDTH + 180}" y="34" width="10" height="10" fill="${PREVIOUS}"/><text x="${LABEL_WIDTH + 194}" y="43" font-size="11" fill="${MUTED}">${escapeXml(legend.previous)}</text>`,
  );
  rows.forEach((row, i) => {
    const y = top + i * ROW_HEIGHT;
    const scale = Math.max(row.current, row.previous, 1);
    const width = (value: number): number => Math.max(value > 0 ? 2 : 0, Math.round((value / scale) * barSpace));
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 17}" font-size="12" fill="${TEXT}" text-anchor="end">${escapeXml(shorten(row.label, 26))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${width(row.current)}" height="13" rx="2" fill="${CURRENT}"><title>${escapeXml(`${row.label}: ${formatNumber(row.current)}`)}</title></rect>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 17}" width="${width(row.previous)}" height="9" rx="2" fill="${PREVIOUS}"><title>${escapeXml(`${row.label}, before: ${formatNumber(row.previous)}`)}</title></rect>`,
      `<text x="${WIDTH - 12}" y="${y + 13}" font-size="12" fill="${TEXT}" text-anchor="end">${formatNumber(row.current)}</text>`,
      `<text x="${WIDTH - 12}" y="${y + 27}" font-size="10" fill="${MUTED}" text-anchor="end">${formatNumber(row.previous)}</text>`,
    );
  });
  parts.push('</svg>\n');
  return parts.join('\n');
}

/** One bar per item on a shared scale, largest first as given. */
export function barChart(title: string, rows: readonly { label: string; value: number }[], unit: string): string {
  const top = 40;
  const height = top + rows.length * 26 + 12;
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20;
  const scale = Math.max(1, ...rows.map((r) => r.value));
  const parts: string[] = [header(title, height)];
  rows.forEach((row, i) => {
    const y = top + i * 26;
    const width = Math.max(row.value > 0 ? 2 : 0, Math.round((row.value / scale) * barSpace));
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 14}" font-size="12" fill="${TEXT}" text-anchor="end">${escapeXml(shorten(row.label, 26))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${width}" height="15" rx="2" fill="${CURRENT}"><title>${escapeXml(`${row.label}: ${formatNumber(row.value)} ${unit}`)}</title></rect>`,
      `<text x="${WIDTH - 12}" y="${y + 15}" font-size="12" fill="${TEXT}" text-anchor="end">${formatNumber(row.value)}</text>`,
    );
  });
  parts.push('</svg>\n');
  return parts.join('\n');
}

function header(title: string, height: number): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" rx="6" fill="#ffffff" stroke="#d0d7de"/>`,
    `<text x="16" y="24" font-size="14" font-weight="600" fill="${TEXT}">${escapeXml(title)}</text>`,
  ].join('\n');
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
