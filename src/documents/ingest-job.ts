// Reading an uploaded document as a durable job (issue 15, item 5): the upload page and the API keep
// the file first (jobs' job_uploads), enqueue this job and answer at once; the worker reads and
// stores it, all or nothing (storeDocument is one transaction), and the job's result links to the
// document. A file Concord cannot read fails the job at once with the reason in the uploader's
// language, and nothing is stored.
import { z } from 'zod';
import type { Store } from '../store/index.ts';
import { languages, type Language } from '../language/languages.ts';
import { translator } from '../i18n/index.ts';
import { defineJobKind, PermanentJobError, type JobKind } from '../jobs/kind.ts';
import { enqueue, keepUpload, keptUpload, releaseUpload, type EnqueueOptions, type Job } from '../jobs/service.ts';
import { DocumentReadError } from './model.ts';
import { ingestFile, type IngestResult } from './service.ts';

export const IngestRequest = z.object({
  /** The kept file (keepUpload). */
  upload: z.string().min(1),
  /** Who brought it in and how, kept as provenance: `web upload (user id)`. */
  provenance: z.string().min(1),
  lang: z.enum(languages).optional(),
  symbol: z.string().min(1).max(100).optional(),
  /** The uploader's page language: the job's messages and its result link are in it. */
  uiLang: z.enum(languages),
});
export type IngestRequest = z.infer<typeof IngestRequest>;

/** What a finished ingest answers: the document's page and what was stored. */
export type IngestJobResult = IngestResult & { href: string };

export function documentIngestKind(store: Store): JobKind<IngestRequest, IngestJobResult> {
  return defineJobKind({
    name: 'document-ingest',
    payload: IngestRequest,
    // A large PDF is read in well under a minute on these machines; the margin is for a busy store.
    timeoutMs: 10 * 60_000,
    async run(request, context) {
      const t = translator(request.uiLang);
      const file = await keptUpload(store.db, request.upload);
      if (!file) throw new PermanentJobError(t('documents.ingest.gone'));
      await context.progress(0, 1, t('documents.ingest.reading', { name: file.fileName }));
      let result: IngestResult;
      try {
        result = await ingestFile(
          store,
          file.bytes,
          { fileName: file.fileName, provenance: request.provenance },
          { ...(request.lang ? { lang: request.lang } : {}), ...(request.symbol ? { symbol: request.symbol } : {}) },
        );
      } catch (error) {
        if (!(error instanceof DocumentReadError)) throw error;
        // No retry reads it better: the job fails now, saying why, and the file goes.
        await releaseUpload(store.db, request.upload);
        throw new PermanentJobError(t(`documents.upload.error.${error.code}`, error.values));
      }
      await releaseUpload(store.db, request.upload);
      await context.progress(
        1,
        1,
        `${t(`documents.upload.done.${result.status}`)} (${t('documents.upload.counts', { count: result.counts.paragraphs })})`,
      );
      return { ...result, href: `/${request.uiLang}/documents/${result.documentId}?in=${result.lang}` };
    },
  });
}

/**
 * Keeps an uploaded file and enqueues its reading (the upload page and the API's `Prefer:
 * respond-async`); the job's page, or its API address, follows it from there.
 *
 * @example
 * const job = await enqueueIngest(store, file, { provenance: `web upload (${user.id})`, uiLang: 'fr' }, { createdBy: user.id });
 */
export async function enqueueIngest(
  store: Store,
  file: File,
  request: { provenance: string; uiLang: Language; lang?: Language | undefined; symbol?: string | undefined },
  options?: EnqueueOptions,
): Promise<Job> {
  const upload = await keepUpload(store.db, file.name || 'upload', new Uint8Array(await file.arrayBuffer()));
  return enqueue(
    store.db,
    documentIngestKind(store),
    {
      upload,
      provenance: request.provenance,
      uiLang: request.uiLang,
      ...(request.lang ? { lang: request.lang } : {}),
      ...(request.symbol ? { symbol: request.symbol } : {}),
    },
    options,
  );
}
