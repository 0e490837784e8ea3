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
const M = { top: 24, right: 40, bottom: 36, left: 72 };

function niceStep(span: number): number {
  const raw = span / 5;
  const mag = Math.pow(10, Math.floor(Math.log10(raw || 1)));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
}

/** A line chart of one or more series, with an optional target line and band. */
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
  const { left, right } = M;
  const sx = (year: number) => left + ((year - x0) / (x1 - x0)) * (W - left - right);
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const f = fmt(chart.lang, 2);
  const parts: string[] = [];
  const axisX = left;
  for (let v = y0; v <= y1 + step / 2; v += step) {
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${sy(v).toFixed(1)}" y2="${sy(v).toFixed(1)}" stroke="#ddd"/>`);
    parts.push(
      `<text x="${axisX - 6}" y="${(sy(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" class="axis-label">${escapeMarkup(f.format(v))}</text>`,
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
      `<circle cx="${sx(chart.target.year).toFixed(1)}" cy="${ty}" r="4" fill="#000"/><text x="${sx(chart.target.year).toFixed(1)}" y="${(Number(ty) - 8).toFixed(1)}" text-anchor="middle" font-size="11">${escapeMarkup(chart.target.label)}</text>`,
    );
  }
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
    const lx = left + 4 + i * 150;
    parts.push(
      `<rect x="${lx}" y="6" width="12" height="4" fill="${color}"/><text x="${lx + 16}" y="12" font-size="11"${startAt(chart.rtl)}>${escapeMarkup(s.label.slice(0, 24))}</text>`,
    );
  });
  parts.push(`<text x="4" y="${H - 4}" font-size="10"${startAt(chart.rtl)}>${escapeMarkup(chart.unitLabel)}</text>`);
  // Laid out left to right whatever the page's direction (an inline SVG inherits the page's).
  return svgShell(chart.title, chart.desc, false, W, H, parts.join(''));
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
    .map((f) => ({ m49: String(f.id ?? ''), name: f.properties.name, d: path(f) ?? '' }));
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
}

const blues = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];

export function choroplethSvg(chart: MapChart): string {
  const f = fmt(chart.lang);
  const colorOf = (v: number) =>
    blues[
      Math.min(chart.breaks.findIndex((b) => v < b) === -1 ? chart.breaks.length : chart.breaks.findIndex((b) => v < b), blues.length - 1)
    ] ?? '#000';
  const parts = countryShapes().map((s) => {
    const datum = chart.values.get(s.m49.padStart(3, '0'));
    const label = datum
      ? `${datum.name}${datum.year === undefined ? '' : ` ${datum.year}`}: ${f.format(datum.value)}`
      : `${s.name}: ${chart.noDataLabel}`;
    return `<path d="${s.d}" fill="${datum ? colorOf(datum.value) : '#e0e0e0'}" stroke="#fff" stroke-width="0.4"><title>${escapeMarkup(label)}</title></path>`;
  });
  const legend: string[] = [];
  const edges = [0, ...chart.breaks];
  edges.forEach((low, i) => {
    const high = chart.breaks[i];
    const x = chart.rtl ? MW - 20 - (i + 1) * 90 : 20 + i * 90;
    legend.push(
      `<rect x="${x}" y="${MH + 10}" width="14" height="14" fill="${blues[Math.min(i, blues.length - 1)] ?? '#000'}" stroke="#999"/>` +
        `<text x="${x + 18}" y="${MH + 22}" font-size="11">${escapeMarkup(high === undefined ? `≥ ${f.format(low)}` : `${f.format(low)}–${f.format(high)}`)}</text>`,
    );
  });
  const nx = chart.rtl ? 20 : MW - 110;
  legend.push(
    `<rect x="${nx}" y="${MH + 10}" width="14" height="14" fill="#e0e0e0" stroke="#999"/><text x="${nx + 18}" y="${MH + 22}" font-size="11">${escapeMarkup(chart.noDataLabel)}</text>`,
  );
  legend.push(
    `<text x="${chart.rtl ? MW - 4 : 4}" y="${MH + 42}" font-size="10" text-anchor="${chart.rtl ? 'end' : 'start'}">${escapeMarkup(chart.unitLabel)}</text>`,
  );
  return svgShell(chart.title, chart.desc, chart.rtl, MW, MH + 48, parts.join('') + legend.join(''));
}

/**
 * The SVG as a PNG, 1280 px wide (resvg, a Rust renderer: no browser, no DOM). Loaded on first
 * use so that pages that never ask for a PNG never load it.
 */
export async function svgToPng(svg: string, width = 1280): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true } }).render().asPng();
}
