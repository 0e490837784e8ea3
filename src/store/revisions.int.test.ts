// Read models cached by revision (src/store/revisions.ts): after any committed write the pages show
// it (whoever wrote it: here SQL by hand, as an operator would), a write to what no view of a
// revision shows leaves its cache alone, and a cached page reads the revisions and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { queriesOf } from '../testing/query-budget.ts';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Visitor } from '../testing/visitor.ts';
import { createUser } from '../accounts/service.ts';
import { sql } from './index.ts';
import { readRevisions } from './revisions.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const page = async (path: string) => {
  const response = await t.app.request(path);
  expect(response.status).toBe(200);
  return response.text();
};
const revision = async (name: string) => (await readRevisions(t.store.db)).get(name);

describe('read models cached by revision', () => {
  it('shows an element text changed after the page was cached', async () => {
    expect(await page('/en/elements/sdg.9.c')).not.toContain('Revised title of 9.c');
    const before = await revision('reference');
    await t.store.db.query(sql`UPDATE element_texts SET title = 'Revised title of 9.c' WHERE element_id = 'sdg.9.c' AND lang = 'en'`);
    expect(await revision('reference')).not.toBe(before);
    expect(await page('/en/elements/sdg.9.c')).toContain('Revised title of 9.c');
    expect(await page('/en/frameworks/sdg')).toContain('Revised title of 9.c');
  });

  it('counts a new link in the crosswalk at once, and a removed one too', async () => {
    type Matrix = { cells: { row: string; column: string; links: number }[] };
    const cell = async () => (await (await t.app.request('/api/v1/crosswalk?rows=wsis-lines&columns=gdc-objectives')).json()) as Matrix;
    const count = (matrix: Matrix) => matrix.cells.find((c) => c.row === 'wsis.C1' && c.column === 'gdc.obj.1')?.links ?? 0;
    const before = count(await cell());
    await t.store.db.query(
      sql`INSERT INTO links (from_id, to_id, type, state, asserted_by) VALUES ('wsis.C1', 'gdc.obj.1', 'relates-to', 'suggested', 'test')`,
    );
    expect(count(await cell())).toBe(before + 1);
    await t.store.db.query(sql`DELETE FROM links WHERE from_id = 'wsis.C1' AND to_id = 'gdc.obj.1'`);
    expect(count(await cell())).toBe(before);
  });

  it("moves the registry for an organization's name, not for its description", async () => {
    const [lead] = await t.store.db.query<{ id: string }>(
      sql`SELECT organization_id AS id FROM action_line_facilitators WHERE element_id = 'wsis.C7.e-health' AND role = 'lead'`,
    );
    const registry = await revision('registry');
    const reference = await revision('reference');
    await t.store.db.query(sql`UPDATE organizations SET description = 'Another description', updated_at = now() WHERE id = ${lead!.id}`);
    expect(await revision('registry')).toBe(registry);
    expect(await revision('reference')).toBe(reference);
    await page('/en/elements/wsis.C7.e-health');
    await t.store.db.query(sql`UPDATE organizations SET name = 'World Health Organization (renamed)' WHERE id = ${lead!.id}`);
    expect(await revision('registry')).not.toBe(registry);
    expect(await page('/en/elements/wsis.C7.e-health')).toContain('World Health Organization (renamed)');
  });

  it('reads the revisions once for a cached page, and nothing else', async () => {
    for (const path of ['/en/frameworks', '/en/frameworks/sdg', '/en/crosswalk', '/api/v1/frameworks']) {
      await page(path);
      const { queries } = await queriesOf(t.app, path);
      expect(
        queries.map((q) => q.text),
        path,
      ).toEqual(['SELECT name, revision::text AS revision FROM read_revisions']);
    }
  });

  it('serves a cached page to readers not signed in, the same in every encoding', async () => {
    const plain = await page('/fr/crosswalk?rows=wsis-lines&columns=sdg-goals');
    const as = async (encoding: string) => {
      const response = await t.app.request('/fr/crosswalk?rows=wsis-lines&columns=sdg-goals', { headers: { 'Accept-Encoding': encoding } });
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Encoding')).toBe(encoding);
      expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
      return new Uint8Array(await response.arrayBuffer());
    };
    expect(brotliDecompressSync(await as('br')).toString()).toBe(plain);
    expect(gunzipSync(await as('gzip')).toString()).toBe(plain);
    expect(await page('/fr/crosswalk?rows=wsis-lines&columns=sdg-goals')).toBe(plain);
  });

  it('renders a signed-in reader their own page, never the cached one', async () => {
    const password = 'cached pages are for strangers 7';
    await createUser(t.store, { email: 'cache-reader@example.org', name: 'Cache Reader', password });
    await page('/en/frameworks');
    const reader = new Visitor(t.app);
    await reader.signIn('en', 'cache-reader@example.org', password);
    const own = await reader.get('/en/frameworks');
    expect(own.status).toBe(200);
    expect(own.html).toContain('Cache Reader');
    expect(await page('/en/frameworks')).not.toContain('Cache Reader');
  });
});
