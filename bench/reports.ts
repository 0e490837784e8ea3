// Reports benchmark (issue 6: "a report PDF renders in < 10 s"): the Compact implementation map
// report (objective 3), the roadmap report and country and group profiles printed to PDF by
// chromium through the app, in Arabic, French and English; the first print (which launches the
// browser) apart from the following ones (browser reused); and the
// HTML and zip of the same reports for comparison. Embedded store; the printing dominates.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../src/store/index.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { seedIndicators } from '../src/indicators/seed.ts';
import { refreshAreaGroups } from '../src/initiatives/area-groups.ts';
import { areaCatalog } from '../src/areas/index.ts';
import { createApp } from '../src/web/app.ts';
import { loadConfig } from '../src/config.ts';
import { buildReportFixture } from '../src/testing/report-fixture.ts';
import { closePrinters } from '../src/reports/pdf.ts';
import { forgetPrints } from '../src/reports/prints-repository.ts';
import { findJob } from '../src/jobs/service.ts';
import { JobWorker } from '../src/jobs/worker.ts';
import { appJobKinds } from '../src/web/job-kinds.ts';
import { percentiles } from './foundation.ts';

export interface ReportsBenchOptions {
  rounds?: number;
  /** Where to leave one PDF per language for a look (optional). */
  keepPdfsIn?: string | undefined;
}

export async function benchReports(options: ReportsBenchOptions = {}) {
  const rounds = options.rounds ?? 5;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'concord-bench-reports-'));
  const store: Store = await openStore({ dataDir });
  try {
    await seedFrameworks(store);
    await refreshAreaGroups(store, await areaCatalog());
    await seedIndicators(store, 'bench');
    const fixture = await buildReportFixture(store);
    const config = loadConfig({ ...process.env, CONCORD_LOG: 'silent' });
    const app = createApp(store, config);
    const worker = new JobWorker(store, appJobKinds(app, store, config));
    /** A PDF as a reader gets it: the request enqueues a print job (303), the worker runs it, its result is downloaded. */
    const printed = async (url: string): Promise<Response> => {
      // Each round prints: a kept print of the same data would be served at once.
      await forgetPrints(store.db);
      const asked = await app.request(url);
      if (asked.status !== 303) return asked;
      await worker.runDue();
      const job = await findJob(store.db, Number(asked.headers.get('Location')?.split('/').pop()));
      const href = (job?.result as { href?: string } | null)?.href;
      if (!href) throw new Error(`${url}: the print job ended ${job?.state ?? 'missing'}: ${job?.error ?? ''}`);
      return app.request(href);
    };
    const timed = async (url: string, type: string) => {
      const started = performance.now();
      const response = url.endsWith('.pdf') ? await printed(url) : await app.request(url);
      const body = new Uint8Array(await response.arrayBuffer());
      const ms = performance.now() - started;
      if (response.status !== 200 || !response.headers.get('Content-Type')?.startsWith(type))
        throw new Error(`${url} answered ${response.status}: ${new TextDecoder().decode(body.slice(0, 300))}`);
      return { ms, bytes: body.length, body };
    };
    const subjects = [
      { name: 'Compact objective 3', path: 'compact/gdc.obj.3' },
      { name: 'roadmap', path: `roadmap/${fixture.roadmapId}` },
      { name: 'area KEN', path: 'area/KEN' },
      { name: 'area LDC', path: 'area/LDC' },
    ];
    const langs = ['ar', 'fr', 'en'] as const;
    // The first print launches chromium.
    const first = await timed(`/ar/reports/${subjects[0]!.path}.pdf`, 'application/pdf');
    const pdf: { report: string; lang: string; ms: ReturnType<typeof percentiles>; kb: number }[] = [];
    const html: { report: string; lang: string; ms: ReturnType<typeof percentiles> }[] = [];
    const zip: { report: string; ms: ReturnType<typeof percentiles>; kb: number }[] = [];
    for (const subject of subjects) {
      for (const lang of langs) {
        const samples: number[] = [];
        let size = 0;
        for (let k = 0; k < rounds; k++) {
          const result = await timed(`/${lang}/reports/${subject.path}.pdf`, 'application/pdf');
          samples.push(result.ms);
          size = result.bytes;
          if (k === 0 && options.keepPdfsIn)
            await writeFile(path.join(options.keepPdfsIn, `${subject.name.replace(' ', '-')}-${lang}.pdf`), result.body);
        }
        pdf.push({ report: subject.name, lang, ms: percentiles(samples), kb: Math.round(size / 1024) });
        const pages: number[] = [];
        for (let k = 0; k < rounds; k++) pages.push((await timed(`/${lang}/reports/${subject.path}`, 'text/html')).ms);
        html.push({ report: subject.name, lang, ms: percentiles(pages) });
      }
      const zips: number[] = [];
      let size = 0;
      for (let k = 0; k < rounds; k++) {
        const result = await timed(`/en/reports/${subject.path}.zip`, 'application/zip');
        zips.push(result.ms);
        size = result.bytes;
      }
      zip.push({ report: subject.name, ms: percentiles(zips), kb: Math.round(size / 1024) });
    }
    const worstPdfMs = Math.max(first.ms, ...pdf.map((p) => p.ms.max));
    return {
      store: 'embedded (PGlite)',
      chromium: config.chromium,
      rounds,
      firstPdfWithLaunchMs: Math.round(first.ms),
      pdf,
      html,
      zip,
      worstPdfMs: Math.round(worstPdfMs),
      targets: { pdfUnder10s: worstPdfMs < 10_000 },
    };
  } finally {
    await closePrinters();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
