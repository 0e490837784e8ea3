// Document ingest as a durable job (issue 15, item 5): the upload page and POST /api/v1/documents
// with `Prefer: respond-async` keep the file and answer at once (303 to the job page, 202 with the
// job's Location); a worker reads it; the job's result links to the document. A file Concord cannot
// read fails its job at once with the reason in the uploader's language, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { createUser } from '../accounts/service.ts';
import { JobKinds } from '../jobs/kind.ts';
import { JobWorker } from '../jobs/worker.ts';
import { documentIngestKind } from './ingest-job.ts';
import { documentTotals } from './service.ts';

const TOKEN = 'operator-token-for-ingest-jobs-0123456789';
const PASSWORD = 'correct horse battery staple';
const TEXT = ['A/RES/98/7', 'The General Assembly,', '1. Decides to promote open digital public goods;'].join('\n\n');
const CORRUPT_PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<\n/Type /Catalog garbage');

let t: TestApp;
let worker: JobWorker;
let admin: Visitor;

beforeAll(async () => {
  t = await openTestApp({ CONCORD_OPERATOR_TOKEN: TOKEN, CONCORD_TRUST_PROXY: '1' });
  worker = new JobWorker(t.store, new JobKinds().add(documentIngestKind(t.store)));
  await createUser(t.store, { email: 'ingest-admin@example.org', name: 'Ingest Admin', password: PASSWORD, role: 'administrator' });
  admin = new Visitor(t.app);
  await admin.signIn('fr', 'ingest-admin@example.org', PASSWORD);
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

function apiUpload(bytes: Uint8Array<ArrayBuffer> | string, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return t.app.request('/api/v1/documents', {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${TOKEN}`, Prefer: 'respond-async' },
  });
}

async function job(location: string): Promise<{ state: string; error: string | null; result: Record<string, unknown> | null }> {
  const response = await t.app.request(location, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(response.status, location).toBe(200);
  return (await response.json()) as { state: string; error: string | null; result: Record<string, unknown> | null };
}

function postForm(bytes: Uint8Array<ArrayBuffer> | string, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('_csrf', admin.csrf);
  form.set('file', new File([bytes], name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return t.app.request('/fr/documents/upload', {
    method: 'POST',
    body: form,
    headers: { Cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'X-Forwarded-For': '192.0.2.78' },
  });
}

describe('POST /api/v1/documents with Prefer: respond-async', () => {
  it('keeps the file, answers 202 with the job, and the job stores the document and links to it', async () => {
    const before = await documentTotals(t.store.db);
    const response = await apiUpload(TEXT, 'res-98-7.txt', { lang: 'en', symbol: 'A/RES/98/7' });
    expect(response.status).toBe(202);
    expect(response.headers.get('Preference-Applied')).toBe('respond-async');
    const location = response.headers.get('Location') ?? '';
    expect(location).toMatch(/^\/api\/v1\/jobs\/\d+$/);
    expect(await response.json()).toMatchObject({ kind: 'document-ingest', state: 'queued' });
    // Nothing is read before the worker runs it.
    expect(await documentTotals(t.store.db)).toEqual(before);
    expect((await job(location)).state).toBe('queued');

    expect(await worker.runDue()).toBe(1);
    const done = await job(location);
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ status: 'created', documentId: 'a-res-98-7', lang: 'en', href: '/en/documents/a-res-98-7?in=en' });
    expect((await t.app.request('/api/v1/documents/a-res-98-7')).status).toBe(200);
  });

  it('fails the job of a file it cannot read, at once, with the reason; nothing is stored', async () => {
    const before = await documentTotals(t.store.db);
    const response = await apiUpload(CORRUPT_PDF, 'broken.pdf');
    expect(response.status).toBe(202);
    await worker.runDue();
    const failed = await job(response.headers.get('Location') ?? '');
    expect(failed.state).toBe('failed');
    expect(failed.error).toBe('The PDF file is damaged and cannot be opened.');
    expect(await documentTotals(t.store.db)).toEqual(before);
  });

  it('without the preference, reads the file within the request as before', async () => {
    const form = new FormData();
    form.set('file', new File([TEXT.replace('98/7', '98/8')], 'res-98-8.txt'));
    const response = await t.app.request('/api/v1/documents', {
      method: 'POST',
      body: form,
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(201);
  });
});

describe('the upload page', () => {
  it('sends the administrator to the job page, which shows progress, then the document', async () => {
    const posted = await postForm(TEXT.replace('98/7', '98/9'), 'res-98-9.txt', { lang: 'en', symbol: 'A/RES/98/9' });
    expect(posted.status).toBe(303);
    const page = posted.headers.get('Location') ?? '';
    expect(page).toMatch(/^\/fr\/jobs\/\d+$/);
    const waiting = await admin.get(page);
    expect(waiting.status).toBe(200);
    expect(waiting.html).toContain('En attente de son tour');
    expect(waiting.html).toContain('http-equiv="refresh"');

    await worker.runDue();
    const done = await admin.get(page);
    expect(done.html).toContain('Lu et enregistré comme nouvelle version linguistique.');
    expect(done.html).toContain('href="/fr/documents/a-res-98-9?in=en"');
    expect(done.html).not.toContain('http-equiv="refresh"');
  });

  it('says on the job page, in the reader’s language, why a file could not be read; nothing is stored', async () => {
    const before = await documentTotals(t.store.db);
    const posted = await postForm(CORRUPT_PDF, 'broken.pdf');
    expect(posted.status).toBe(303);
    await worker.runDue();
    const failed = await admin.get(posted.headers.get('Location') ?? '');
    expect(failed.html).toContain('Le fichier PDF est endommagé');
    expect(await documentTotals(t.store.db)).toEqual(before);
  });

  it('still refuses an empty file at once, next to the field', async () => {
    const empty = await postForm('', 'empty.txt');
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('id="f-file-error"');
  });
});
