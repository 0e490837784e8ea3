// Charts rendered on the server as SVG text: a time series with its target line, a gap chart (a
// parity score against the 0.98-1.02 band), a world choropleth (world-atlas + d3-geo). Each is a
// standalone SVG (title and desc for screen readers, downloadable as a file) and the pages put the
// same data beside it as a table. A time axis runs left to right in every language (as UN Arabic
// publications draw it: a mirrored axis makes a rising series look like a fall); legends and
// labels follow the page's direction where nothing is read along an axis. No JavaScript needed.
import { readFileSync } from 'node:fs';
import { escapeMarkup } from '../shared/escape.ts';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2'];
const fmt = (lang: string, digits = 1) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits });

export interface ChartSeries {
  label: string;
  points: readonly { year: number; value: number }[];
}

export interface TimeSeriesChart {
  title: string;
  desc: string;
  lang: string;
  rtl: boolean;
  series: readonly ChartSeries[];
  /** A horizontal target line from the latest year to the target year. */
  target?: { year: number; value: number; label: string };
  /** A shaded band (the parity band 0.98-1.02). */
  band?: { low: number; high: number; label: string };
  /** Lower and upper bounds of the value axis (a share: 0-100). */
  domain?: { min?: number; max?: number };
  unitLabel: string;
}

const W = 640;
const H = 320;
const M = { top: 24, right: 40, bottom: 36 };
/** The largest size an axis label is drawn at: pages enlarge them on phones (concord.css, "axis-label"). */
const AXIS_FONT_MAX = 17;
const LEGEND_ROW = 16;

function niceStep(span: number): number {
  const raw = span / 5;
  const mag = Math.pow(10, Math.floor(Math.log10(raw || 1)));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
}

/**
 * A generous estimate of a label's width in pixels, without a font at hand: digits and Latin
 * letters take at most about 0.6 em in the sans-serif fonts pages use, Chinese and other wide
 * characters 1 em. Margins are sized from it so that "40,000" is never cut to "0,000".
 */
export function labelWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\uffdc]/u.test(ch) ? 1 : 0.6;
  return Math.ceil(em * fontSize);
}

/** Words laid out in lines of at most `max` characters, at most `lines` of them (the last cut with "…"). */
function wrap(text: string, max: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out.map((l) => (l.length > max ? `${l.slice(0, max - 1)}…` : l));
  const kept = out.slice(0, lines);
  const last = kept[lines - 1] ?? '';
  kept[lines - 1] = `${last.length >= max ? last.slice(0, max - 1) : last}…`;
  return kept;
}

/**
 * A line chart of one or more series, with an optional target line and band. The legend (one
 * entry per series, its whole name wrapped on up to two lines) and the unit sit under the time
 * axis; the value axis is as wide as its longest label.
 */
export function timeSeriesSvg(chart: TimeSeriesChart): string {
  const all = chart.series.flatMap((s) => s.points);
  const years = all.map((p) => p.year);
  if (chart.target) years.push(chart.target.year);
  const x0 = Math.min(...years);
  const x1 = Math.max(...years, x0 + 1);
  const values = all.map((p) => p.value);
  if (chart.target) values.push(chart.target.value);
  if (chart.band) values.push(chart.band.low, chart.band.high);
  let y0 = chart.domain?.min ?? Math.min(0, ...values);
  let y1 = Math.max(...values, y0 + 1);
  if (chart.domain?.max !== undefined) y1 = Math.max(chart.domain.max, y1);
  if (chart.band) y0 = Math.min(...values, chart.band.low) * 0.95;
  const step = niceStep(y1 - y0);
  y1 = Math.ceil(y1 / step) * step;
  y0 = Math.floor(y0 / step) * step;
  const f = fmt(chart.lang, 2);
  const ticks: { v: number; label: string }[] = [];
  for (let v = y0; v <= y1 + step / 2; v += step) ticks.push({ v, label: f.format(v) });
  const left = Math.max(48, ...ticks.map((tk) => labelWidth(tk.label, AXIS_FONT_MAX) + 12));
  const { right } = M;
  const legendMax = Math.floor((W - left - 24) / (11 * 0.6));
  const legend = chart.series.map((s) => wrap(s.label, legendMax, 2));
  const legendRows = legend.reduce((n, lines) => n + lines.length, 0);
  const height = H + legendRows * LEGEND_ROW + 24;
  const sx = (year: number) => left + ((year - x0) / (x1 - x0)) * (W - left - right);
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const parts: string[] = [];
  const axisX = left;
  for (const { v, label } of ticks) {
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${sy(v).toFixed(1)}" y2="${sy(v).toFixed(1)}" stroke="#ddd"/>`);
    parts.push(
      `<text x="${axisX - 6}" y="${(sy(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" class="axis-label">${escapeMarkup(label)}</text>`,
    );
  }
  const yearStep = Math.max(1, Math.ceil((x1 - x0) / 8));
  for (let y = x0; y <= x1; y += yearStep) {
    parts.push(`<text x="${sx(y).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11" class="axis-label">${y}</text>`);
  }
  if (chart.band) {
    parts.push(
      `<rect x="${left}" width="${W - left - right}" y="${sy(chart.band.high).toFixed(1)}" height="${(sy(chart.band.low) - sy(chart.band.high)).toFixed(1)}" fill="#2ca02c" fill-opacity="0.15"><title>${escapeMarkup(chart.band.label)}</title></rect>`,
    );
  }
  if (chart.target) {
    const latest = Math.max(...chart.series.flatMap((s) => s.points.map((p) => p.year)), x0);
    const ty = sy(chart.target.value).toFixed(1);
    parts.push(
      `<line x1="${sx(latest).toFixed(1)}" x2="${sx(chart.target.year).toFixed(1)}" y1="${ty}" y2="${ty}" stroke="#000" stroke-dasharray="6 4" stroke-width="2"><title>${escapeMarkup(chart.target.label)}</title></line>`,
    );
    parts.push(
      // The label ends at the target's point: the target year is the axis' end, so centring it there would cut it.
      `<circle cx="${sx(chart.target.year).toFixed(1)}" cy="${ty}" r="4" fill="#000"/><text x="${(sx(chart.target.year) + 4).toFixed(1)}" y="${(Number(ty) - 8).toFixed(1)}" text-anchor="end" font-size="11">${escapeMarkup(chart.target.label)}</text>`,
    );
  }
  let row = 0;
  chart.series.forEach((s, i) => {
    const color = palette[i % palette.length] ?? '#000';
    const pts = [...s.points].sort((a, b) => a.year - b.year);
    if (pts.length === 0) return;
    const d = pts.map((p, j) => `${j === 0 ? 'M' : 'L'}${sx(p.year).toFixed(1)},${sy(p.value).toFixed(1)}`).join('');
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"/>`);
    for (const p of pts)
      parts.push(
        `<circle cx="${sx(p.year).toFixed(1)}" cy="${sy(p.value).toFixed(1)}" r="2.5" fill="${color}"><title>${escapeMarkup(`${s.label} ${p.year}: ${f.format(p.value)}`)}</title></circle>`,
      );
    const top = H + 4 + row * LEGEND_ROW;
    parts.push(`<rect x="${left}" y="${top + 4}" width="12" height="4" fill="${color}"/>`);
    (legend[i] ?? []).forEach((line, j) => {
      parts.push(
        `<text x="${left + 16}" y="${top + 10 + j * LEGEND_ROW}" font-size="11"${startAt(chart.rtl)}>${escapeMarkup(line)}</text>`,
      );
    });
    row += legend[i]?.length ?? 1;
  });
  parts.push(`<text x="${left}" y="${height - 6}" font-size="10"${startAt(chart.rtl)}>${escapeMarkup(chart.unitLabel)}</text>`);
  // Laid out left to right whatever the page's direction (an inline SVG inherits the page's).
  return svgShell(chart.title, chart.desc, false, W, height, parts.join(''));
}

/**
 * A label that begins at x and runs right on a left-to-right chart, read in its page's direction:
 * a right-to-left label anchors its end there (its start is its right edge), so "(%) الإنترنت"
 * keeps its order and its place.
 */
function startAt(rtl: boolean): string {
  return rtl ? ' direction="rtl" text-anchor="end"' : ' text-anchor="start"';
}

/** The outer SVG: its direction is always explicit, since an inline SVG would inherit the page's. */
export function svgShell(title: string, desc: string, rtl: boolean, width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="chart-title chart-desc"` +
    ` direction="${rtl ? 'rtl' : 'ltr'}" font-family="system-ui, sans-serif">` +
    `<title id="chart-title">${escapeMarkup(title)}</title><desc id="chart-desc">${escapeMarkup(desc)}</desc>` +
    `<rect width="${width}" height="${height}" fill="#fff"/>${body}</svg>`
  );
}

// ---------------------------------------------------------------------------------------------
// World choropleth

interface CountryShape {
  m49: string;
  name: string;
  d: string;
}

let shapes: CountryShape[] | undefined;
const MW = 720;
const MH = 360;
/** Outlines are drawn on a half-pixel grid of the 720-unit map: finer detail is invisible at that size. */
const GRID = 0.5;
/** Islands smaller than this (square units) once on the grid are left out: they would be a speck. */
const SPECK = 1;

/**
 * A projected outline ("M x,y L x,y ... Z", as d3-geo writes it) redrawn with fewer bytes:
 * points snapped to the grid, repeated points dropped, specks dropped, and every point relative
 * to the one before ("m 1.5-2 .5 3"), which compresses well. Cuts the world map from ~60 KB to
 * ~15 KB compressed (issue 17 item 5) with no visible change.
 */
export function compactPath(d: string, grid = GRID, speck = SPECK): string {
  let out = '';
  let px = 0;
  let py = 0;
  const num = (n: number) => {
    const text = String(Math.round(n * grid * 100) / 100).replace(/^(-?)0\./, '$1.');
    return text.startsWith('-') ? text : ` ${text}`;
  };
  for (const ring of d.split('M')) {
    if (!ring) continue;
    const points: [number, number][] = [];
    for (const pair of ring.replace(/Z$/, '').split('L')) {
      const [x = 0, y = 0] = pair.split(',').map(Number);
      const q: [number, number] = [Math.round(x / grid), Math.round(y / grid)];
      const last = points.at(-1);
      if (!last || last[0] !== q[0] || last[1] !== q[1]) points.push(q);
    }
    let twiceArea = 0;
    points.forEach(([x, y], i) => {
      const [nx, ny] = points[(i + 1) % points.length] ?? [x, y];
      twiceArea += x * ny - nx * y;
    });
    if (points.length < 3 || (Math.abs(twiceArea) / 2) * grid * grid < speck) continue;
    points.forEach(([x, y], i) => {
      const step = `${num(x - px)}${num(y - py)}`;
      out += (i === 0 ? 'm' : i === 1 ? 'l' : '') + (i < 2 ? step.trimStart() : step);
      px = x;
      py = y;
    });
    out += 'z';
  }
  return out;
}

/** Country outlines from world-atlas (Natural Earth 1:110m, public domain), projected once. */
function countryShapes(): CountryShape[] {
  if (shapes) return shapes;
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const projection = geoEqualEarth().fitSize([MW, MH], countries);
  const path = geoPath(projection);
  shapes = countries.features
    .filter((f) => f.properties.name !== 'Antarctica')
    .map((f) => ({ m49: String(f.id ?? ''), name: f.properties.name, d: compactPath(path(f) ?? '') }));
  return shapes;
}

export interface MapChart {
  title: string;
  desc: string;
  lang: string;
  rtl: boolean;
  /** Value per M49 numeric code (`826`); names per M49 code for the tooltips; the year the value is for, when it is one year's. */
  values: ReadonlyMap<string, { value: number; name: string; year?: number }>;
  /** Class breaks (upper bounds) for the legend; the last class is open. */
  breaks: readonly number[];
  noDataLabel: string;
  unitLabel: string;
  /** Significant decimals of the values (default 1). */
  digits?: number;
}

/**
 * The classes' colours, light to dark (ColorBrewer Blues, from its middle on), and the colour
 * for no data. The lightest class keeps a contrast of at least 3:1 with no data (WCAG 1.4.11,
 * non-text contrast): one initiative must not look like none.
 */
export const mapColours = ['#4292c6', '#2171b5', '#08519c', '#08306b', '#041a3d'] as const;
export const noDataColour = '#f2f2f2';

export function choroplethSvg(chart: MapChart): string {
  const f = fmt(chart.lang, chart.digits ?? 1);
  const classOf = (v: number) => {
    const i = chart.breaks.findIndex((b) => v < b);
    return Math.min(i === -1 ? chart.breaks.length : i, mapColours.length - 1);
  };
  const parts = countryShapes().map((s) => {
    const datum = chart.values.get(s.m49.padStart(3, '0'));
    const label = datum
      ? `${datum.name}${datum.year === undefined ? '' : ` ${datum.year}`}: ${f.format(datum.value)}`
      : `${s.name}: ${chart.noDataLabel}`;
    return `<path d="${s.d}"${datum ? ` fill="${mapColours[classOf(datum.value)]}"` : ''}><title>${escapeMarkup(label)}</title></path>`;
  });
  const legend: string[] = [];
  const edges = [0, ...chart.breaks];
  edges.forEach((low, i) => {
    const high = chart.breaks[i];
    const x = chart.rtl ? MW - 20 - (i + 1) * 90 : 20 + i * 90;
    legend.push(
      `<rect x="${x}" y="${MH + 10}" width="14" height="14" fill="${mapColours[Math.min(i, mapColours.length - 1)]}" stroke="#999"/>` +
        `<text x="${x + 18}" y="${MH + 22}" font-size="11">${escapeMarkup(high === undefined ? `≥ ${f.format(low)}` : `${f.format(low)}–${f.format(high)}`)}</text>`,
    );
  });
  const nx = chart.rtl ? 20 : MW - 110;
  legend.push(
    `<rect x="${nx}" y="${MH + 10}" width="14" height="14" fill="${noDataColour}" stroke="#999"/><text x="${nx + 18}" y="${MH + 22}" font-size="11">${escapeMarkup(chart.noDataLabel)}</text>`,
  );
  legend.push(
    `<text x="${chart.rtl ? MW - 4 : 4}" y="${MH + 42}" font-size="10" text-anchor="${chart.rtl ? 'end' : 'start'}">${escapeMarkup(chart.unitLabel)}</text>`,
  );
  // Outlines share one stroke and the no-data fill through their group: fewer bytes per country.
  const countries = `<g fill="${noDataColour}" stroke="#bbb" stroke-width="0.4">${parts.join('')}</g>`;
  return svgShell(chart.title, chart.desc, chart.rtl, MW, MH + 48, countries + legend.join(''));
}

/**
 * The SVG as a PNG, 1280 px wide (resvg, a Rust renderer: no browser, no DOM). Loaded on first
 * use so that pages that never ask for a PNG never load it.
 */
export async function svgToPng(svg: string, width = 1280): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true } }).render().asPng();
}
