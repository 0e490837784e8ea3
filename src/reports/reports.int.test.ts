// Reports over HTTP in-process: the index, a roadmap report and a country profile as pages (in
// French and Arabic, and the print version), as JSON through the API, as a data bundle; and the
// PDF route when chromium is missing (503 with what to do, while the rest works).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { createApp } from '../web/app.ts';
import { loadConfig } from '../config.ts';
import { buildReportFixture, type ReportFixture } from '../testing/report-fixture.ts';
import { reportCss } from './frame.tsx';
import { catalogs } from '../i18n/index.ts';

let t: TestApp;
let f: ReportFixture;

beforeAll(async () => {
  t = await openTestApp();
  f = await buildReportFixture(t.store);
});
afterAll(() => t.close());

const get = (path: string, init?: RequestInit) => t.app.request(path, init);

describe('the reports index', () => {
  it('lists the kinds, the published roadmaps, and a picker for areas', async () => {
    const response = await get('/en/reports');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Action-line roadmap report');
    expect(html).toContain(`/en/reports/roadmap/${f.roadmapId}`);
    expect(html).toContain('Country or group profile');
    expect(html).toMatch(/<select id="subject-area" name="subject">/);
    expect(html).toContain('href="/en/reports" aria-current="page"');
    const picked = await get('/en/reports/area?subject=KEN');
    expect(picked.status).toBe(303);
    expect(picked.headers.get('Location')).toBe('/en/reports/area/KEN');
  });
});

describe('the roadmap report', () => {
  it('is a page in French with its tree, indicators, checks, timeline, date and sources', async () => {
    const response = await get(`/fr/reports/roadmap/${f.roadmapId}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('Rapport sur la feuille de route d’une grande orientation');
    expect(html).toContain('CERT readiness assessments');
    expect(html).toContain('IT.NET.USER.ZS');
    expect(html).toContain('Tous les contrôles sont satisfaits');
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[^"]+">\d+ \S+ \d{4}/);
    // Charts as SVG, each with unique ids, and their sources listed at the end.
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toContain('id="chart-title"');
    expect(html).toContain(`id="source-concord-roadmap-${f.roadmapId}"`);
    expect(html).toContain('A/RES/80/173, annex, para. 122');
    expect(html).toContain('CERT national pour le Kenya');
    expect(html).toContain(`href="/fr/reports/roadmap/${f.roadmapId}.pdf"`);
    expect(html).toContain(`http://127.0.0.1:3000/fr/reports/roadmap/${f.roadmapId}</span>`);
    expect(html).toContain(`href="/fr/reports/roadmap/${f.roadmapId}.zip"`);
    expect(html).toContain(reportCss.path);
  });

  it('is right-to-left in Arabic, and prints without the site’s navigation', async () => {
    const html = await (await get(`/ar/reports/roadmap/${f.roadmapId}`)).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('تقرير خارطة طريق خط العمل');
    expect(html).toContain('direction="rtl"');
    const print = await (await get(`/ar/reports/roadmap/${f.roadmapId}?print=1`)).text();
    expect(print).toContain('<html lang="ar" dir="rtl">');
    expect(print).toContain('class="report-print"');
    expect(print).not.toContain('site-header');
    expect(print).not.toContain('report-tools');
    const css = await get(reportCss.path);
    expect(css.status).toBe(200);
    const text = await css.text();
    expect(text).toContain('@page');
    expect(text).toContain('counter(pages)');
    expect(text).toContain('display: table-header-group');
  });

  it('answers as JSON through the API, with the sources every figure cites', async () => {
    const response = await get(`/api/v1/reports/roadmap/${f.roadmapId}?lang=fr`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      kind: string;
      lang: string;
      generatedAt: string;
      sources: { id: string; usedFor: string[] }[];
      data: {
        counts: Record<string, number>;
        nodes: { title: string; initiatives: { id: string }[] }[];
        indicators: { code: string; roadmapTargets: { value: number }[]; world: { value: number } | null }[];
        timeline: { kind: string }[];
        checks: { findings: unknown[] };
      };
      links: { pdf: string };
    };
    expect(body).toMatchObject({ kind: 'roadmap', lang: 'fr', links: { pdf: `/fr/reports/roadmap/${f.roadmapId}.pdf` } });
    expect(body.data.counts).toEqual({ outcome: 2, output: 2, activity: 2 });
    expect(body.data.checks.findings).toEqual([]);
    expect(body.data.nodes.find((n) => n.title === 'CERT readiness assessments')?.initiatives).toEqual([
      expect.objectContaining({ id: f.initiativeId }),
    ]);
    const internet = body.data.indicators.find((i) => i.code === 'IT.NET.USER.ZS');
    expect(internet?.roadmapTargets).toEqual([expect.objectContaining({ value: 80 })]);
    expect(internet?.world?.value).toBeGreaterThan(0);
    expect(body.data.timeline.filter((x) => x.kind === 'milestone')).toHaveLength(5);
    const ids = body.sources.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([`concord:roadmap:${f.roadmapId}`, 'milestone:cstd-29', 'concord:registry']));
    expect(body.sources.every((s) => s.usedFor.length > 0)).toBe(true);

    const openapi = (await (await get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/reports', '/reports/roadmap/{subject}', '/reports/area/{subject}']),
    );
    const kinds = (await (await get('/api/v1/reports?lang=es')).json()) as { items: { id: string; title: string }[] };
    expect(kinds.items.map((k) => k.id)).toEqual(['compact', 'roadmap', 'area']);
  });

  it('downloads as a zip of CSV files, the JSON and the provenance', async () => {
    const response = await get(`/fr/reports/roadmap/${f.roadmapId}.zip`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/zip');
    expect(response.headers.get('Content-Disposition')).toContain(`roadmap-${f.roadmapId}-fr.zip`);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()), { filter: (file) => !file.name.endsWith('/') });
    const folder = `roadmap-${f.roadmapId}-fr/`;
    expect(Object.keys(files).sort()).toEqual(
      [
        'PROVENANCE.txt',
        'activity-initiatives.csv',
        'indicator-targets.csv',
        'indicators.csv',
        'parts.csv',
        'report.json',
        'sources.csv',
        'timeline.csv',
      ].map((name) => folder + name),
    );
    const parts = strFromU8(files[`${folder}parts.csv`]!);
    // UTF-8 with a byte-order mark (spreadsheets then read Arabic and Chinese right).
    expect([...files[`${folder}parts.csv`]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parts.startsWith('id,parent_id,kind,title,status,lead')).toBe(true);
    expect(parts).toContain('CERT readiness assessments');
    expect(parts.trim().split('\n')).toHaveLength(7);
    const report = JSON.parse(strFromU8(files[`${folder}report.json`]!)) as { kind: string; data: { nodes: unknown[] } };
    expect(report.kind).toBe('roadmap');
    expect(report.data.nodes).toHaveLength(6);
    const provenance = strFromU8(files[`${folder}PROVENANCE.txt`]!);
    expect(provenance).toContain('Generated at: ');
    expect(provenance).toContain('milestone:gdc-review');
    expect(strFromU8(files[`${folder}sources.csv`]!)).toContain('concord:roadmap:');
  });

  it('is not made for a roadmap that does not exist', async () => {
    expect((await get('/en/reports/roadmap/no-such-roadmap')).status).toBe(404);
    expect((await get('/api/v1/reports/roadmap/no-such-roadmap')).status).toBe(404);
    expect((await get('/en/reports/no-such-kind/x')).status).toBe(404);
  });
});

describe('the country or group profile', () => {
  it('shows a country’s initiatives, pledges, indicators and roadmap activities, each with its source', async () => {
    const response = await get('/en/reports/area/KEN');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Kenya');
    expect(html).toContain('National CERT for Kenya');
    expect(html).toContain('Public bodies covered by the CERT');
    expect(html).toContain('CERT readiness assessments');
    expect(html).toContain('id="source-un-m49"');
    expect(html).toContain('Initiatives by Global Digital Compact objective');

    const json = (await (await get('/api/v1/reports/area/KEN?lang=ar')).json()) as {
      title: string;
      data: {
        initiatives: { total: number; byObjective: { id: string; count: number }[] };
        pledges: { metric: string }[];
        indicators: { code: string; series: unknown[] }[];
        activities: { nodeId: string }[];
      };
    };
    expect(json.title).toBe('كينيا');
    expect(json.data.initiatives.total).toBe(1);
    // It serves objectives 1 (13 a) and 3 (32 a).
    expect(json.data.initiatives.byObjective.filter((o) => o.count === 1).map((o) => o.id)).toEqual(['gdc.obj.1', 'gdc.obj.3']);
    expect(json.data.pledges.map((p) => p.metric)).toEqual(['Public bodies covered by the CERT']);
    expect(json.data.activities.map((a) => a.nodeId)).toEqual([f.activityId]);
    expect(json.data.indicators.length).toBeGreaterThan(0);
  });

  it('covers groups (LDC) and regions, and its bundle holds the indicator values', async () => {
    const ldc = await get('/fr/reports/area/LDC');
    expect(ldc.status).toBe(200);
    expect(await ldc.text()).toMatch(/Membres en \d{4} : \d+/);
    const files = unzipSync(new Uint8Array(await (await get('/en/reports/area/001.zip')).arrayBuffer()));
    const values = strFromU8(files['area-001-en/indicator-values.csv']!);
    expect(values.split('\n')[0]).toBe('indicator,area,year,value,source');
    expect(values.split('\n').length).toBeGreaterThan(10);
    expect((await get('/en/reports/area/NOPE')).status).toBe(404);
  });
});

describe('the PDF without chromium', () => {
  it('answers 503 with what the operator must do, while the HTML and the bundle still work', async () => {
    const app = createApp(t.store, loadConfig({ CONCORD_CHROMIUM: '/nonexistent/chromium' }));
    const page = await app.request(`/fr/reports/roadmap/${f.roadmapId}.pdf`);
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain('CONCORD_CHROMIUM');
    expect(html).toContain('apt-get install chromium');
    expect(html).toContain(`href="/fr/reports/roadmap/${f.roadmapId}"`);
    const problem = await app.request(`/en/reports/area/KEN.pdf`, { headers: { Accept: 'application/problem+json' } });
    expect(problem.status).toBe(503);
    expect(problem.headers.get('Content-Type')).toContain('application/problem+json');
    expect(((await problem.json()) as { detail: string }).detail).toContain('CONCORD_CHROMIUM');
    expect((await app.request(`/fr/reports/roadmap/${f.roadmapId}`)).status).toBe(200);
    expect((await app.request(`/fr/reports/roadmap/${f.roadmapId}.zip`)).status).toBe(200);
  });
});

describe('the Compact implementation map report', () => {
  it('reports a GDC objective in Arabic and French: its commitments, contributors, roadmap, indicators and gaps, with sources', async () => {
    const ar = await get('/ar/reports/compact/gdc.obj.3');
    expect(ar.status).toBe(200);
    const arabic = await ar.text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain(catalogs.ar['reports.compact.roadmap']!);
    expect(arabic).toContain('Child online safety campaigns in schools');
    expect(arabic).toContain('فريق وطني للاستجابة لطوارئ الحاسوب في كينيا');
    expect(arabic).toContain(catalogs.ar['coverage.gapsTitle']!);
    expect(arabic).toContain('id="source-concord-implementation-map"');
    const fr = await (await get('/fr/reports/compact/gdc.obj.3')).text();
    expect(fr).toContain('Carte de mise en œuvre du Pacte : objectif 3');
    expect(fr).toContain('CERT national pour le Kenya');
    expect(fr).toContain(`href="/fr/reports/compact/gdc.obj.3.pdf"`);

    const json = (await (await get('/api/v1/reports/compact/gdc.obj.3?lang=en')).json()) as {
      data: {
        totals: Record<string, number>;
        commitments: { id: string; counts: { initiatives: number; activities: number }; byActionLine: Record<string, number> }[];
        activities: { title: string; initiatives: number }[];
        gaps: { action: { id: string }; gaps: string[] }[];
        contributors: { organizations: { name: string; initiatives: number }[] };
      };
    };
    expect(json.data.totals).toMatchObject({ initiatives: 1, pledges: 1, activities: 1 });
    expect(json.data.commitments.find((c) => c.id === 'gdc.32.a')).toMatchObject({
      counts: { initiatives: 1, activities: 1 },
      byActionLine: { 'wsis.C5': 1 },
    });
    expect(json.data.activities).toEqual([expect.objectContaining({ title: 'Child online safety campaigns in schools', initiatives: 0 })]);
    expect(json.data.contributors.organizations).toEqual([expect.objectContaining({ initiatives: 1 })]);
    // The gap list: objective 3's actions due by 2030 (32 (a) is not one of them).
    expect(json.data.gaps.length).toBeGreaterThan(0);
    expect(json.data.gaps.map((g) => g.action.id)).not.toContain('gdc.32.a');
    const one = (await (await get('/api/v1/reports/compact/gdc.obj.1?lang=en')).json()) as { data: { gaps: { action: { id: string } }[] } };
    expect(one.data.gaps.map((g) => g.action.id)).toContain('gdc.11.a');
    expect(one.data.gaps.map((g) => g.action.id)).not.toContain('gdc.13.a');

    const zip = unzipSync(new Uint8Array(await (await get('/fr/reports/compact/gdc.obj.1.zip')).arrayBuffer()));
    const names = Object.keys(zip);
    expect(names.some((n) => n.endsWith('gaps.csv'))).toBe(true);
    expect(names.some((n) => n.endsWith('PROVENANCE.txt'))).toBe(true);
    const gaps = strFromU8(zip[names.find((n) => n.endsWith('gaps.csv'))!]!);
    expect(gaps).toContain('gdc.11.a');
    expect((await get('/en/reports/compact/gdc.obj.9')).status).toBe(404);
  });
});
