// Printing a report to PDF as a durable job (issue 15, item 5): the request enqueues it and sends
// the reader to the job's page; the worker prints one report at a time with chromium and keeps the
// PDF in the store (report_prints, a day), and the job's result links to it. The same report with
// the same data in the same language is printed once: later requests are served the kept PDF.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../store/index.ts';
import type { Config } from '../config.ts';
import { languages, type Language } from '../language/languages.ts';
import { translator } from '../i18n/index.ts';
import { defineJobKind, PermanentJobError, type JobKind } from '../jobs/kind.ts';
import type { Report } from './kind.ts';
import { findReportKind } from './kinds.ts';
import { buildReport } from './service.ts';
import { reportPaths } from './frame.tsx';
import { bundleName } from './bundle.ts';
import { ChromiumMissing, printerFor } from './pdf.ts';
import { freshPrintByKey, storePrint } from './prints-repository.ts';

/** The origin the printer loads report pages from; its requests never leave the process. */
export const PRINT_ORIGIN = 'http://concord.internal';

/** Prints one reader (a person or a browser) may have waiting or printing at once. */
export const PRINTS_PER_CLIENT = 3;
/** Prints waiting or printing in all; past it the print is refused as busy (503). */
export const MAX_OPEN_PRINTS = 200;

export const PrintRequest = z.object({ kind: z.string().min(1), subject: z.string().min(1).max(100), lang: z.enum(languages) });
export type PrintRequest = z.infer<typeof PrintRequest>;

/** A finished print: where to read it, and its size. */
export interface PrintResult {
  href: string;
  bytes: number;
}

/** Where a kept print is downloaded. */
export function printHref(lang: Language, id: string): string {
  return `/${lang}/reports/prints/${id}`;
}

/**
 * The identity of a report's print: its kind, subject, language and data. The model is hashed
 * without its generation time, so a change to anything the report shows (in any slice it reads)
 * makes a new key, and nothing else does.
 */
export function printKey(report: Report<unknown>): string {
  // JSON leaves out a property set to undefined.
  return createHash('sha256')
    .update(JSON.stringify({ ...report, generatedAt: undefined }))
    .digest('base64url');
}

export interface PrintDeps {
  db: Database;
  config: Pick<Config, 'chromium' | 'publicUrl'>;
  /** Answers the printing browser's requests: the app's own fetch. */
  fetch: (request: Request) => Response | Promise<Response>;
}

/** The report-print job kind, bound to the store, the configuration and the app that serves the page. */
export function reportPrintKind(deps: PrintDeps): JobKind<PrintRequest, PrintResult> {
  return defineJobKind({
    name: 'report-pdf',
    payload: PrintRequest,
    maxAttempts: 2,
    // The printer's page timeout is a minute; building and storing add little.
    timeoutMs: 3 * 60_000,
    async run({ kind: kindId, subject, lang }, context) {
      // The reason a print failed is shown on the job's page, in the reader's language.
      const t = translator(lang);
      const kind = findReportKind(kindId);
      if (!kind) throw new PermanentJobError(t('reports.notFound', { id: kindId }));
      await context.progress(0, 2, t('reports.printGathering'));
      const report = await buildReport(kind, { db: deps.db, subject, lang, publicUrl: deps.config.publicUrl });
      if (!report) throw new PermanentJobError(t('reports.notFound', { id: subject }));
      const key = printKey(report);
      // Another job printed the same report with the same data meanwhile.
      const kept = await freshPrintByKey(deps.db, key);
      if (kept) {
        await context.progress(2, 2);
        return { href: printHref(lang, kept.id), bytes: kept.size };
      }
      await context.progress(1, 2, t('reports.printPrinting'));
      let bytes: Uint8Array;
      try {
        bytes = await printerFor(deps.config.chromium).print({ url: `${PRINT_ORIGIN}${reportPaths(report).print}`, fetch: deps.fetch });
      } catch (error) {
        if (error instanceof ChromiumMissing) throw new PermanentJobError(t('reports.pdfMissing'));
        throw error;
      }
      context.signal.throwIfAborted();
      const id = await storePrint(deps.db, { key, kind: kind.id, subject, lang, fileName: bundleName(report), bytes });
      // Done: no message left over ("Printing…") on the finished job's page.
      await context.progress(2, 2);
      return { href: printHref(lang, id), bytes: bytes.byteLength };
    },
  });
}
