// A DOCX that inflates past what Concord reads (a zip bomb) is refused through the upload API
// before mammoth inflates it, with the limit in the problem, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { openTestApp, type TestApp } from '../../testing/app.ts';
import { documentTotals } from '../service.ts';
import { understated } from '../../testing/zip.ts';

const TOKEN = 'operator-token-for-tests-0123456789';
let t: TestApp;

beforeAll(async () => {
  t = await openTestApp({ CONCORD_OPERATOR_TOKEN: TOKEN, CONCORD_MAX_UPLOAD_MB: '1' });
});
afterAll(() => t.close());

/** A Word document whose body is one paragraph repeated `times` times, compressed at level 9. */
function docx(times: number): Uint8Array {
  const body = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>'.repeat(times)}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': [strToU8(body), { level: 9 }],
  });
}

async function upload(bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], name));
  return t.app.request('/api/v1/documents', { method: 'POST', body: form, headers: { Authorization: `Bearer ${TOKEN}` } });
}

describe('DOCX size limit', () => {
  it('refuses a DOCX whose XML inflates past 4 MB, declared or not, and stores nothing', async () => {
    const bomb = docx(400_000); // about 23 MB of XML in well under 1 MB
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await documentTotals(t.store.db);
    for (const bytes of [bomb, understated(bomb)]) {
      const response = await upload(bytes, 'bomb.docx');
      expect(response.status).toBe(422);
      expect(response.headers.get('Content-Type')).toContain('application/problem+json');
      const problem = (await response.json()) as { type: string; detail: string };
      expect(problem.type).toBe('urn:concord:document-read:too-large');
      expect(problem.detail).toContain('more than 4 MB once uncompressed');
    }
    expect(await documentTotals(t.store.db)).toEqual(before);
  });

  it('still reads a DOCX under the limit', async () => {
    const response = await upload(docx(20), 'A-RES-80-999.docx');
    expect(response.status, await response.clone().text()).toBe(201);
  });
});
