// The analyst's path through HTTP (issue 5, "Done when"): the sample series are in the store from
// the seed, a hand-made SDMX-CSV file comes in through the API, the world and the LDCs are assessed
// against the 2030 Internet-use target (INDICATORS.md 2.4), SDMX-CSV goes out and into an empty
// store with identical results, and a bad row imports nothing and is reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { openTestStore } from '../testing/store.ts';
import { createApp } from '../web/app.ts';
import { loadConfig } from '../config.ts';
import { seedIndicators } from './seed.ts';
import { clearObservations } from './service.ts';
import type { Store } from '../store/index.ts';
import { Visitor } from '../testing/visitor.ts';
import { createUser } from '../accounts/service.ts';

const operator = 'operator-token-for-indicator-tests-0123';
const env = { CONCORD_OPERATOR_TOKEN: operator } as NodeJS.ProcessEnv;
const auth = { Authorization: `Bearer ${operator}` };

// Hand-made: households with Internet access, world and LDCs (values invented for the test, named as such).
const handMade = [
  'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,SERIES,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,SOURCE_DETAIL,COMMENT_OBS',
  'dataflow,CONCORD:DF_ICT(1.0),I,A,ITU.HH.INTERNET,001,2015,46.4,PT,E,test-hand-made,invented for the test',
  'dataflow,CONCORD:DF_ICT(1.0),I,A,ITU.HH.INTERNET,001,2024,70.0,PT,E,test-hand-made,invented for the test',
  'dataflow,CONCORD:DF_ICT(1.0),I,A,ITU.HH.INTERNET,LDC,2015,8.0,PT,,test-hand-made,',
  'dataflow,CONCORD:DF_ICT(1.0),I,A,ITU.HH.INTERNET,LDC,2024,12.0,PT,,test-hand-made,',
].join('\n');

interface Assessed {
  area: string;
  variant: string;
  source: string;
  category: string | null;
  status: string;
  methodVersion: string;
  components: {
    ratio: number;
    baseYear: number;
    latestYear: number;
    baseValue: number;
    latestValue: number;
    targetValue: number;
    direction: string;
  };
}

async function assessments(t: { app: TestApp['app'] }, code: string, query = ''): Promise<Assessed[]> {
  const response = await t.app.request(`/api/v1/indicators/${encodeURIComponent(code)}/assessments${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Assessed[] }).items;
}

function post(t: { app: TestApp['app'] }, body: string, type: string, headers: Record<string, string> = auth) {
  return t.app.request('/api/v1/observations', { method: 'POST', headers: { ...headers, 'Content-Type': type }, body });
}

describe('indicators: the analyst path', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(env);
  });
  afterAll(() => t.close());

  it('has the sample series from the seed, and a second seed changes nothing', async () => {
    const list = (await (await t.app.request('/api/v1/indicators')).json()) as { items: { code: string; observationCount: number }[] };
    expect(list.items.find((i) => i.code === 'IT.NET.USER.ZS')?.observationCount).toBeGreaterThan(10_000);
    const again = await seedIndicators(t.store);
    expect(again.unchanged).toBe(true);
    expect(again.observations.inserted + again.observations.updated).toBe(0);
  });

  it('assesses the world, the LDCs and high income against the 2030 Internet-use target (INDICATORS.md 2.4)', async () => {
    const rows = (await assessments(t, 'IT.NET.USER.ZS', '?method=unsd-2022-cr&variant=total')).filter(
      (a) => a.source === 'wdi-internet-use-2025',
    );
    const of = (area: string) => rows.find((a) => a.area === area);
    expect(of('001')?.category).toBe('on-track');
    expect(of('001')?.components.ratio).toBeCloseTo(1.052, 3);
    expect(of('199')?.category).toBe('fair');
    expect(of('199')?.components.ratio).toBeCloseTo(0.791, 3);
    expect(of('WB_HIC')?.category).toBe('on-track');
    expect(of('WB_HIC')?.components.ratio).toBeCloseTo(1.174, 3);
    expect(of('199')?.components).toMatchObject({
      baseYear: 2015,
      latestYear: 2024,
      baseValue: 10.7,
      latestValue: 31.4,
      targetValue: 100,
      direction: 'increase',
    });
    expect(of('199')?.methodVersion).toBe('progress-chart-2022/1');
  });

  it('shows the LDC group with its category and method on the indicator page, in Arabic too', async () => {
    const page = await (await t.app.request('/en/indicators/IT.NET.USER.ZS?area=199')).text();
    expect(page).toContain('Fair progress, acceleration needed');
    expect(page).toContain('<svg');
    expect(page).toContain('progress-chart-2022/1');
    const ar = await t.app.request('/ar/indicators/IT.NET.USER.ZS?area=001');
    expect(ar.status).toBe(200);
    expect(await ar.text()).toContain('direction="rtl"');
  });

  it('imports a hand-made SDMX-CSV file and assesses it', async () => {
    const response = await post(t, handMade, 'application/vnd.sdmx.data+csv');
    expect(response.status).toBe(200);
    const report = (await response.json()) as { inserted: number; assessed: string[] };
    expect(report.inserted).toBe(4);
    expect(report.assessed).toContain('ITU.HH.INTERNET');
    const rows = await assessments(t, 'ITU.HH.INTERNET', '?variant=total');
    expect(rows.find((a) => a.area === '001' && a.source === 'test-hand-made')).toMatchObject({ category: 'fair' });
    expect(rows.find((a) => a.area === '001')?.components.ratio).toBeCloseTo(0.89, 2);
    expect(rows.find((a) => a.area === '199' && a.source === 'test-hand-made')?.category).toBe('limited');
    const other = await assessments(t, 'ITU.HH.INTERNET', '?variant=total&method=unsd-2023-expected');
    expect(other.every((a) => a.methodVersion === 'progress-chart-2023/1')).toBe(true);
  });

  it('refuses an import without a token, and a whole file with one bad row, reporting each row', async () => {
    expect((await post(t, handMade, 'text/csv', {})).status).toBe(401);
    const before = ((await (await t.app.request('/api/v1/indicators/IT.NET.USER.ZS')).json()) as { observationCount: number })
      .observationCount;
    const bad = [
      'series,area,period,value,unit,source',
      'IT.NET.USER.ZS,FRA,2030,50,PT,test-bad',
      'IT.NET.USER.ZS,ATLANTIS,2024,50,PT,test-bad',
      'IT.NET.USER.ZS,DEU,2024,104,PT,test-bad',
      'IT.NET.USER.ZS,DEU,2023,90,PER_100_POP,test-bad',
      'IT.NET.USER.ZS,FRA,2030,51,PT,test-bad',
    ].join('\n');
    const response = await post(t, bad, 'text/csv');
    expect(response.status).toBe(422);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    const report = (await response.json()) as { ok: boolean; issues: { row: number; code: string }[] };
    expect(report.ok).toBe(false);
    expect(report.issues.map((i) => [i.row, i.code])).toEqual(
      expect.arrayContaining([
        [3, 'unknown-area'],
        [4, 'out-of-range'],
        [5, 'unit-mismatch'],
        [6, 'duplicate-key'],
      ]),
    );
    const after = ((await (await t.app.request('/api/v1/indicators/IT.NET.USER.ZS')).json()) as { observationCount: number })
      .observationCount;
    expect(after).toBe(before);
  });

  it('lets a reviewer import a file through the page, with the report row by row', async () => {
    const anonymous = await new Visitor(t.app).get('/en/indicators/import');
    expect(anonymous.html).toContain('/en/sign-in?next=');
    await createUser(t.store, {
      email: 'indicator-reviewer@example.org',
      name: 'Ines Reviewer',
      password: 'a long enough password',
      role: 'reviewer',
    });
    const v = new Visitor(t.app);
    await v.signIn('en', 'indicator-reviewer@example.org', 'a long enough password');
    const upload = async (text: string) => {
      await v.get('/fr/indicators/import');
      const form = new FormData();
      form.append('_csrf', v.csrf);
      form.append('file', new File([text], 'data.csv', { type: 'text/csv' }));
      const response = await t.app.request('/fr/indicators/import', {
        method: 'POST',
        body: form,
        headers: { Cookie: [...v.cookies].map(([k, val]) => `${k}=${val}`).join('; ') },
      });
      return { status: response.status, html: await response.text() };
    };
    const bad = await upload(
      'series,area,period,value,unit,source\nITU.HH.INTERNET,KEN,2020,20,PT,test-page\nITU.HH.INTERNET,KEN,2021,120,PT,test-page\n',
    );
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Rien n’a été importé');
    expect(bad.html).toContain('120 is a percentage outside 0-100');
    const good = await upload(
      'series,area,period,value,unit,source\nITU.HH.INTERNET,KEN,2020,20,PT,test-page\nITU.HH.INTERNET,KEN,2021,25,PT,test-page\n',
    );
    expect(good.status).toBe(200);
    expect(good.html).toContain('2 observations lues : 2 nouvelles');
  });

  describe('export SDMX-CSV, then import it', () => {
    let exported: string;
    let empty: Store;
    let second: { app: TestApp['app'] };
    beforeAll(async () => {
      const response = await t.app.request('/api/v1/indicators/IT.NET.USER.ZS/observations?format=sdmx-csv');
      expect(response.headers.get('Content-Type')).toContain('application/vnd.sdmx.data+csv');
      exported = await response.text();
      empty = await openTestStore();
      await clearObservations(empty);
      second = { app: createApp(empty, loadConfig(env)) };
    });
    afterAll(() => empty.close());

    it('re-importing the export changes nothing', async () => {
      const report = (await (await post(t, exported, 'application/vnd.sdmx.data+csv')).json()) as {
        ok: boolean;
        rows: number;
        inserted: number;
        updated: number;
        unchanged: number;
      };
      expect(report).toMatchObject({ ok: true, inserted: 0, updated: 0 });
      expect(report.unchanged).toBe(report.rows);
    });

    it('into an empty store gives the same observations and the same assessments', async () => {
      expect(
        ((await (await second.app.request('/api/v1/indicators/IT.NET.USER.ZS')).json()) as { observationCount: number }).observationCount,
      ).toBe(0);
      const response = await post(second, exported, 'application/vnd.sdmx.data+csv');
      expect(response.status).toBe(200);
      const again = await (await second.app.request('/api/v1/indicators/IT.NET.USER.ZS/observations?format=sdmx-csv')).text();
      expect(again).toBe(exported);
      const strip = (rows: Assessed[]) => rows.map((r) => ({ ...r, computedAt: undefined }));
      const mine = await assessments(t, 'IT.NET.USER.ZS', '?method=unsd-2022-cr');
      const theirs = await assessments(second, 'IT.NET.USER.ZS', '?method=unsd-2022-cr');
      expect(theirs.length).toBeGreaterThan(100);
      expect(strip(theirs)).toEqual(strip(mine));
      expect(theirs.find((a) => a.area === '199' && a.variant === 'total' && a.source === 'wdi-internet-use-2025')?.category).toBe('fair');
    });
  });

  it('serves the other formats, profiles, the dashboard, the map and the element section', async () => {
    const json = await t.app.request('/api/v1/indicators/IT.NET.USER.ZS/observations?format=sdmx-json&area=001');
    expect(((await json.json()) as { data: { dataSets: unknown[] } }).data.dataSets.length).toBeGreaterThan(0);
    const csv = await (await t.app.request('/api/v1/indicators/IT.NET.USER.ZS/observations?format=csv&area=GBR')).text();
    const ldcCsv = await (await t.app.request('/api/v1/indicators/IT.NET.USER.ZS/observations?format=csv&area=LDC')).text();
    expect(ldcCsv).toContain('IT.NET.USER.ZS,199,2024,,31.4,PT');
    expect((await assessments(t, 'IT.NET.USER.ZS', '?area=LDC&variant=total')).length).toBeGreaterThan(0);
    expect(csv.split('\n')[0]).toMatch(/^series,area,period/);
    const profile = await (await t.app.request('/en/areas/GBR')).text();
    expect(profile).toContain('United Kingdom');
    const ldc = (await (await t.app.request('/api/v1/areas/LDC')).json()) as { membership: { members: string[] } };
    expect(ldc.membership.members).not.toContain('BTN');
    const dashboard = await (await t.app.request('/en/indicators/dashboard')).text();
    expect(dashboard).toContain('wsis.C2');
    expect(dashboard).toContain('On track');
    const map = await t.app.request('/en/charts/map.svg?indicator=IT.NET.USER.ZS');
    expect(map.headers.get('Content-Type')).toContain('image/svg+xml');
    expect(await map.text()).toContain('<title id="chart-title">');
    const png = await t.app.request('/en/charts/series.png?indicator=IT.NET.USER.ZS&area=001');
    expect(png.headers.get('Content-Type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const openapi = (await (await t.app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/indicators/{code}/observations', '/observations', '/areas/{code}', '/dashboard']),
    );
    const element = await (await t.app.request('/en/elements/sdg.17.8.1')).text();
    expect(element).toContain('/en/indicators/IT.NET.USER.ZS');
    const missing = await t.app.request('/api/v1/indicators/NOPE/observations');
    expect(missing.status).toBe(404);
    const badMethod = await t.app.request('/api/v1/indicators/IT.NET.USER.ZS/assessments?method=guess');
    expect(badMethod.status).toBe(400);
  });
});

describe('indicators: upload size', () => {
  it('refuses an import larger than CONCORD_MAX_UPLOAD_MB with 413, counting bytes', async () => {
    const t = await openTestApp({ ...env, CONCORD_MAX_UPLOAD_MB: '1' });
    try {
      // Under a million characters, but over a megabyte in UTF-8.
      const body = 'é'.repeat(600_000);
      const response = await t.app.request('/api/v1/observations', {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'text/csv' },
        body,
      });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await t.close();
    }
  });
});
