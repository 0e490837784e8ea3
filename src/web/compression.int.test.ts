// Compression as a client sees it: brotli when accepted, gzip as the fallback, nothing when the
// client accepts no encoding.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

async function fetchAs(path: string, acceptEncoding?: string) {
  const response = await t.app.request(path, acceptEncoding === undefined ? {} : { headers: { 'Accept-Encoding': acceptEncoding } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('compression', () => {
  it('serves pages and JSON in brotli when the client accepts it, the same text as without', async () => {
    for (const path of ['/en/elements/sdg.9.c', '/api/v1/elements/sdg.9.c?lang=fr']) {
      const plain = await fetchAs(path);
      expect(plain.response.headers.get('Content-Encoding')).toBeNull();
      const br = await fetchAs(path, 'gzip, deflate, br, zstd');
      expect(br.response.status).toBe(200);
      expect(br.response.headers.get('Content-Encoding')).toBe('br');
      expect(br.response.headers.get('Vary')).toMatch(/Accept-Encoding/i);
      expect(brotliDecompressSync(br.bytes).toString()).toBe(plain.bytes.toString());
      expect(br.bytes.length).toBeLessThan(plain.bytes.length / 2);
    }
  });

  it('falls back to gzip, and follows the client’s preferences', async () => {
    const plain = await fetchAs('/en/frameworks/sdg');
    for (const accepted of ['gzip', 'br;q=0.5, gzip', 'br;q=0, *']) {
      const gz = await fetchAs('/en/frameworks/sdg', accepted);
      expect(gz.response.headers.get('Content-Encoding')).toBe('gzip');
      expect(gunzipSync(gz.bytes).toString()).toBe(plain.bytes.toString());
    }
    const identity = await fetchAs('/en/frameworks/sdg', 'identity');
    expect(identity.response.headers.get('Content-Encoding')).toBeNull();
    expect(identity.bytes.toString()).toBe(plain.bytes.toString());
  });
});
