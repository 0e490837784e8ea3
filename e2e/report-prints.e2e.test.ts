// Report PDFs as print jobs (issue 15, item 5, done when "ten concurrent PDF requests all
// complete, queued, with their progress pages"): ten readers ask at once, each is sent to the page
// of a job of their own, the server's one worker prints them one at a time with chromium, and each
// page ends with a link to its PDF. A reader may have three prints open at once; a report already
// printed with the same data comes back at once, without a job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportFixture, type ReportFixture } from '../src/testing/report-fixture.ts';
import { closePrinters } from '../src/reports/pdf.ts';
import { findJob, type Job } from '../src/jobs/service.ts';
import { startApp, type RunningApp } from './browser.ts';
import { askForPdf, awaitPdfLink, CookieJar, type AskedPrint } from './prints.ts';

let app: RunningApp;
let fixture: ReportFixture;

beforeAll(async () => {
  app = await startApp();
  fixture = await buildReportFixture(app.store);
});
afterAll(async () => {
  await closePrinters();
  await app?.close();
});

describe('ten readers asking for PDFs at once', () => {
  it('each gets a job page; the worker prints them one at a time; every page links to its PDF', { timeout: 300_000 }, async () => {
    const paths = [
      ...(['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const).map((lang) => `/${lang}/reports/roadmap/${fixture.roadmapId}.pdf`),
      ...(['en', 'fr', 'ar', 'zh'] as const).map((lang) => `/${lang}/reports/area/KEN.pdf`),
    ];
    const readers = paths.map(() => new CookieJar());
    const asked: AskedPrint[] = await Promise.all(paths.map((path, i) => askForPdf(app.origin, path, readers[i]!)));
    expect(new Set(asked.map((a) => a.jobId)).size).toBe(10);

    // The last in line is still waiting: its page says so, shows progress and refreshes itself.
    const last = await readers[9]!.get(`${app.origin}${asked[9]!.jobPage}`);
    expect(last.status).toBe(200);
    const lastHtml = await last.text();
    expect(lastHtml).toContain('<meta http-equiv="refresh" content="3"');
    expect(lastHtml).toContain('<progress');
    // Another browser is not shown someone else's job: it is asked to sign in.
    const stranger = await new CookieJar().get(`${app.origin}${asked[9]!.jobPage}`);
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('Location')).toContain('/sign-in');

    // The per-reader limit: this reader has one print open; two more are taken, the fourth is refused in their language.
    const more = [await askForPdf(app.origin, paths[9]!, readers[9]!), await askForPdf(app.origin, paths[9]!, readers[9]!)];
    const refused = await readers[9]!.get(`${app.origin}/ar/reports/roadmap/${fixture.roadmapId}.pdf`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('30');
    expect(await refused.text()).toContain('ما زالت ملفات PDF الخاصة بك قيد الطباعة');

    const links = await Promise.all([...asked, ...more].map((a, i) => awaitPdfLink(app.origin, a.jobPage, readers[Math.min(i, 9)]!)));
    for (const link of links) {
      const pdf = await fetch(`${app.origin}${link}`);
      expect(pdf.status, link).toBe(200);
      expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
      expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    }
    // The same report asked again by the same reader: the kept print, not a second one.
    expect(links[10]).toBe(links[9]);
    expect(links[11]).toBe(links[9]);

    // One at a time: no job started before the one before it finished.
    const jobs = (await Promise.all([...asked, ...more].map((a) => findJob(app.store.db, a.jobId)))) as Job[];
    expect(jobs.every((job) => job.state === 'done' && job.attempts === 1)).toBe(true);
    const runs = jobs
      .map((job) => ({ start: Date.parse(job.startedAt!), end: Date.parse(job.finishedAt!) }))
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.start).toBeGreaterThanOrEqual(runs[i - 1]!.end);
  });

  it('serves a report printed with the same data at once, without a job', async () => {
    const response = await new CookieJar().get(`${app.origin}/fr/reports/roadmap/${fixture.roadmapId}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toContain(`roadmap-${fixture.roadmapId}-fr.pdf`);
  });

  it('prints again once the data changed (a kept PDF stands for the data it was printed from)', async () => {
    const path = `${app.origin}/en/reports/area/KEN.pdf`;
    expect((await new CookieJar().get(path)).status).toBe(200);
    // One more published initiative in Kenya: the country profile shows it, so its PDF is printed anew.
    await buildReportFixture(app.store, '-second', 'Second CERT for Kenya');
    const asked = await askForPdf(app.origin, '/en/reports/area/KEN.pdf', new CookieJar());
    expect(asked.jobId).toBeGreaterThan(0);
  });
});
