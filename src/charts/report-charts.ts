// Two more server-rendered SVG charts, first drawn for the reports (src/reports): a timeline of
// dated items against milestones, and horizontal bars of counts. Same conventions as svg.ts: a
// standalone SVG with title and desc, text escaped; bars mirrored right to left, a time axis always
// left to right (svg.ts); the page puts the
// same figures beside it as a table.
import { escapeMarkup } from '../shared/escape.ts';
import { svgShell } from './svg.ts';

export interface TimelineItem {
  /** ISO date (YYYY-MM-DD). */
  date: string;
  label: string;
  kind: 'milestone' | 'outcome' | 'output' | 'activity';
}

export interface TimelineChart {
  title: string;
  desc: string;
  /** The page is right to left; the time axis still runs left to right (svg.ts). */
  rtl: boolean;
  items: readonly TimelineItem[];
  /** Years shown at least (the axis grows to fit every item). */
  from?: number;
  to?: number;
}

const kindColour: Record<TimelineItem['kind'], string> = {
  milestone: '#4a525c',
  outcome: '#0a4f9e',
  output: '#2ca02c',
  activity: '#d62728',
};

/**
 * Dated items on one time axis: milestones as dashed vertical lines with their year, roadmap parts
 * as dots stacked in rows so that close dates do not hide one another.
 *
 * @example
 * timelineSvg({ title: 'Timeline', desc: '2 items', rtl: false, items: [{ date: '2027-06-30', label: 'CERTs', kind: 'activity' }] })
 */
export function timelineSvg(chart: TimelineChart): string {
  const W = 720;
  const H = 170;
  const pad = 32;
  const years = chart.items.map((i) => Number(i.date.slice(0, 4))).filter(Number.isFinite);
  const from = Math.min(chart.from ?? 2025, ...years);
  const to = Math.max(chart.to ?? 2036, ...years.map((y) => y + 1));
  const span = Date.UTC(to, 0, 1) - Date.UTC(from, 0, 1);
  const x = (date: string) => {
    const t = (Date.parse(date) - Date.UTC(from, 0, 1)) / span;
    return pad + t * (W - 2 * pad);
  };
  const axisY = H - pad;
  const parts: string[] = [`<line x1="${pad}" y1="${axisY}" x2="${W - pad}" y2="${axisY}" stroke="#4a525c"/>`];
  for (let y = from; y <= to; y += 2) {
    parts.push(`<text x="${x(`${y}-01-01`).toFixed(1)}" y="${axisY + 16}" font-size="11" text-anchor="middle">${y}</text>`);
  }
  const milestones = chart.items.filter((i) => i.kind === 'milestone');
  milestones.forEach((m, k) => {
    const mx = x(m.date).toFixed(1);
    parts.push(
      `<line x1="${mx}" y1="14" x2="${mx}" y2="${axisY}" stroke="${kindColour.milestone}" stroke-dasharray="3 3"><title>${escapeMarkup(`${m.label} (${m.date})`)}</title></line>`,
      `<text x="${mx}" y="${12 + (k % 3) * 12}" font-size="10" text-anchor="start" dx="3">${m.date.slice(0, 4)}</text>`,
    );
  });
  chart.items
    .filter((i) => i.kind !== 'milestone')
    .forEach((item, k) => {
      parts.push(
        `<circle cx="${x(item.date).toFixed(1)}" cy="${axisY - 14 - (k % 5) * 14}" r="5" fill="${kindColour[item.kind]}"><title>${escapeMarkup(`${item.label} (${item.date})`)}</title></circle>`,
      );
    });
  return svgShell(chart.title, chart.desc, false, W, H, parts.join(''));
}

export interface BarsChart {
  title: string;
  desc: string;
  lang: string;
  rtl: boolean;
  bars: readonly { label: string; value: number }[];
  unitLabel: string;
}

/** Characters of a bar label per line (a CJK character counts twice: it is about twice as wide). */
const LABEL_LINE = 36;
const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * A label in lines that fit the label column, broken between words (anywhere in a word longer
 * than a line, and between CJK characters), so that no label is cut (issue 16, item 4).
 *
 * @example
 * wrapLabel('Action line C1: The role of governments and all stakeholders', 36)
 * // ['Action line C1: The role of', 'governments and all stakeholders']
 */
export function wrapLabel(label: string, width = LABEL_LINE): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
    used = 0;
  };
  for (const word of label.split(/(?<=\s)/u)) {
    const cost = [...word].reduce((n, ch) => n + (wide.test(ch) ? 2 : 1), 0);
    if (used + cost > width + (word.endsWith(' ') ? 1 : 0) && used > 0) push();
    if (cost <= width + 1) {
      line += word;
      used += cost;
      continue;
    }
    // Longer than a line (or a run of CJK without spaces): break it where the line is full.
    for (const ch of word) {
      const w = wide.test(ch) ? 2 : 1;
      if (used + w > width) push();
      line += ch;
      used += w;
    }
  }
  push();
  return lines.length ? lines : [''];
}

/**
 * Horizontal bars, one per label, with the value written at the end of each bar. A long label
 * wraps onto more lines and its row grows to hold them.
 *
 * @example
 * barsSvg({ title: 'Initiatives by objective', desc: '5 bars', lang: 'en', rtl: false, unitLabel: 'initiatives',
 *           bars: [{ label: 'Objective 1', value: 12 }] })
 */
export function barsSvg(chart: BarsChart): string {
  const W = 640;
  const lineHeight = 13;
  const row = 22;
  const labelWidth = 230;
  const top = 8;
  const labels = chart.bars.map((b) => wrapLabel(b.label));
  const rows = labels.map((lines) => Math.max(row, lines.length * lineHeight + 9));
  const H = top + rows.reduce((a, b) => a + b, 0) + 28;
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const plot = W - labelWidth - 60;
  const f = new Intl.NumberFormat(chart.lang, { maximumFractionDigits: 1 });
  const parts: string[] = [];
  let y = top;
  chart.bars.forEach((b, k) => {
    const w = (b.value / max) * plot;
    const lines = labels[k]!;
    const labelX = chart.rtl ? W - 4 : 4;
    const text = lines.map((line, i) => `<tspan x="${labelX}" dy="${i ? lineHeight : 0}">${escapeMarkup(line)}</tspan>`).join('');
    parts.push(`<text x="${labelX}" y="${y + 15}" font-size="11" text-anchor="start">${text}</text>`);
    if (chart.rtl) {
      const x0 = W - labelWidth;
      parts.push(
        `<rect x="${(x0 - 8 - w).toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="#0a4f9e"><title>${escapeMarkup(`${b.label}: ${f.format(b.value)}`)}</title></rect>`,
        `<text x="${(x0 - 12 - w).toFixed(1)}" y="${y + 15}" font-size="11" text-anchor="start">${escapeMarkup(f.format(b.value))}</text>`,
      );
    } else {
      parts.push(
        `<rect x="${labelWidth + 8}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="#0a4f9e"><title>${escapeMarkup(`${b.label}: ${f.format(b.value)}`)}</title></rect>`,
        `<text x="${(labelWidth + 12 + w).toFixed(1)}" y="${y + 15}" font-size="11">${escapeMarkup(f.format(b.value))}</text>`,
      );
    }
    y += rows[k]!;
  });
  parts.push(`<text x="${chart.rtl ? W - 4 : 4}" y="${H - 8}" font-size="10" text-anchor="start">${escapeMarkup(chart.unitLabel)}</text>`);
  return svgShell(chart.title, chart.desc, chart.rtl, W, H, parts.join(''));
}
