// The edges of every request (issue 11, points 2 and 9), through HTTP in-process: bodies are
// bounded before anything reads them, and bad input in any parameter is a 4xx, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { catalogs } from '../i18n/index.ts';
import { rows, sql } from '../store/index.ts';
import { isStoreValueError } from './bad-input.ts';

let t: TestApp;
const OPERATOR = 'edge-operator-token-0123456789';

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1', CONCORD_MAX_UPLOAD_MB: '3', CONCORD_OPERATOR_TOKEN: OPERATOR });
});
afterAll(() => t.close());

const MB = 1024 * 1024;

/** A body of `size` bytes made as it is read; `pulled` tells how much the server asked for. */
function streamedBody(size: number, chunk = '{"title":"' + 'x'.repeat(64 * 1024 - 10)) {
  const bytes = new TextEncoder().encode(chunk);
  const source = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (source.pulled >= size) return controller.close();
      source.pulled += bytes.byteLength;
      controller.enqueue(bytes);
    },
  });
  return { body, source };
}

function post(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return t.app.request(path, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

describe('every request body is bounded before it is parsed', () => {
  it('refuses 300 MB of JSON sent without a credential to the API as it arrives, after reading about 1 MB', async () => {
    const { body, source } = streamedBody(300 * MB);
    const response = await post('/api/v1/initiatives', body, { 'Content-Type': 'application/json' });
    expect(response.status).toBe(413);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(response.headers.get('Connection')).toBe('close');
    const problem = (await response.json()) as { status: number; detail: string };
    expect(problem.status).toBe(413);
    expect(problem.detail).toContain('1 MB');
    expect(source.pulled).toBeLessThan(2 * MB);
  });

  it('refuses a declared 300 MB body before reading a byte of it', async () => {
    const { body, source } = streamedBody(300 * MB);
    const response = await post('/api/v1/initiatives', body, {
      'Content-Type': 'application/json',
      'Content-Length': String(300 * MB),
    });
    expect(response.status).toBe(413);
    expect(source.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses a declared 2 MB body on a route that takes 1 MB without reading it', async () => {
    const { body, source } = streamedBody(2 * MB);
    const response = await post('/api/v1/initiatives', body, { 'Content-Type': 'application/json', 'Content-Length': String(2 * MB) });
    expect(response.status).toBe(413);
    expect(source.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it('answers a 200 MB form post to the sign-in page with a readable page in the reader’s language, before CSRF', async () => {
    for (const [lang, words] of [
      ['en', 'larger than 1 MB'],
      ['fr', 'dépassent 1 Mo'],
      ['zh', '超过1 MB'],
    ] as const) {
      const { body, source } = streamedBody(200 * MB, 'email=' + 'a'.repeat(64 * 1024));
      const response = await post(`/${lang}/sign-in`, body, { 'Content-Type': 'application/x-www-form-urlencoded' });
      expect(response.status).toBe(413);
      expect(response.headers.get('Content-Type')).toContain('text/html');
      const html = await response.text();
      expect(html).toContain(words);
      expect(html).toContain(`lang="${lang}"`);
      expect(source.pulled).toBeLessThan(2 * MB);
    }
  });

  it('keeps CONCORD_MAX_UPLOAD_MB for uploads: past 1 MB is read, past the upload limit is refused', async () => {
    // A multipart body has no Content-Length here: it is counted as it streams in.
    const upload = (size: number) => {
      const data = new FormData();
      data.append('file', new File(['The General Assembly,\n'.repeat(Math.ceil(size / 22))], 'big.txt', { type: 'text/plain' }));
      return t.app.request('/api/v1/documents', { method: 'POST', body: data, headers: { Authorization: `Bearer ${OPERATOR}` } });
    };
    // With a declared Content-Length too: checked against the upload's limit, not the default one.
    const form = new FormData();
    form.append('file', new File(['The General Assembly decides,\n'.repeat(70_000)], 'declared.txt', { type: 'text/plain' }));
    const encoded = new Response(form);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    expect(bytes.byteLength).toBeGreaterThan(2 * MB);
    const declared = await t.app.request('/api/v1/documents', {
      method: 'POST',
      body: bytes,
      headers: {
        Authorization: `Bearer ${OPERATOR}`,
        'Content-Type': encoded.headers.get('Content-Type')!,
        'Content-Length': String(bytes.byteLength),
      },
    });
    expect(declared.status, await declared.clone().text()).toBeLessThan(300);
    const withinUpload = await upload(2 * MB);
    expect(withinUpload.status).toBeLessThan(300);
    const pastUpload = await upload(4 * MB);
    expect(pastUpload.status).toBe(413);
    expect(((await pastUpload.json()) as { detail: string }).detail).toContain('3 MB');
  });

  it('answers small bodies as before', async () => {
    const response = await t.app.request('/api/v1/initiatives', {
      method: 'POST',
      body: JSON.stringify({ title: 'x' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.status).not.toBe(413);
  });
});

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string | string[]; format?: string; pattern?: string; enum?: string[] };
}

type OpenApiDocument = { paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>> };

/** Values that are wrong for any field, and those wrong for a field of a type. */
function badValues(parameter: OpenApiParameter): string[] {
  const values = ['a\u0000b', '\u0000'];
  const type = [parameter.schema?.type].flat().join(',');
  if (/number|integer/.test(type)) values.push('1e400', '-1e400', 'NaN', '99999999999999999999');
  if (parameter.schema?.format === 'date' || /date|from|to|since|until|year|asOf/i.test(parameter.name))
    values.push('2024-02-31', '0000-01-01', '2024-13-01');
  return values;
}

function sampleValue(parameter: OpenApiParameter): string {
  const first = parameter.schema?.enum?.[0];
  if (first) return first;
  return /number|integer/.test([parameter.schema?.type].flat().join(',')) ? '1' : 'sdg.9';
}

describe('bad input gets a 4xx, never a 500', () => {
  it('refuses a NUL byte, an absurd number and an impossible date in every API GET parameter', async () => {
    const spec = (await (await t.app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    const failures: string[] = [];
    let tried = 0;
    for (const [template, operations] of Object.entries(spec.paths)) {
      const parameters = operations.get?.parameters ?? [];
      for (const parameter of parameters.filter((p) => p.in === 'query' || p.in === 'path')) {
        for (const bad of badValues(parameter)) {
          let path = template;
          const query = new URLSearchParams();
          for (const p of parameters) {
            const value = p === parameter ? bad : sampleValue(p);
            if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(value));
            else if (p === parameter || p.required) query.set(p.name, value);
          }
          const url = `/api/v1${path}${query.size ? `?${query}` : ''}`;
          const response = await t.app.request(url);
          tried++;
          const answer = await response.text();
          if (response.status >= 500) failures.push(`${url} → ${response.status} ${answer.slice(0, 120)}`);
          else if (response.status === 400 || response.status === 422)
            expect(response.headers.get('Content-Type'), url).toContain('application/problem+json');
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});

/** The main pages and the query parameters each reads. */
const pageParameters: Record<string, string[]> = {
  '/en/registry': ['q', 'element', 'area', 'stakeholderType', 'status', 'year', 'offset'],
  '/en/search': ['q', 'framework', 'in'],
  '/en/crosswalk': ['rows', 'columns'],
  '/en/crosswalk/cell': ['rows', 'columns', 'row', 'column'],
  '/en/sign-in': ['next'],
  '/en/organizations': ['q'],
  '/en/documents': ['symbol', 'organ', 'from', 'to', 'year', 'limit', 'offset'],
  '/en/documents/search': ['q', 'in', 'limit', 'offset'],
  '/en/implementation': ['organization', 'rows', 'columns', 'from', 'to'],
  '/en/implementation/cell': ['organization', 'row', 'column'],
  '/en/implementation/finance': ['organization', 'currency', 'from', 'to'],
  '/en/areas': ['method'],
  '/en/areas/001': ['method'],
  '/en/indicators': ['method', 'area'],
  '/en/indicators/dashboard': ['method', 'area'],
  '/en/reports': ['subject'],
  '/en/roadmaps': ['q', 'offset'],
  '/en/elements/sdg.9': ['lang'],
};

describe('bad input on pages gets a 4xx or a page, never a 500', () => {
  it('answers a NUL, an absurd number, an impossible date or a CR/LF in every main page parameter without a 500', async () => {
    const failures: string[] = [];
    const values = ['a\u0000b', '1e400', '-1e400', '2024-02-31', '0000-01-01', '/en/x\r\nSet-Cookie: a=b'];
    for (const [path, names] of Object.entries(pageParameters))
      for (const name of names)
        for (const value of values) {
          const url = `${path}?${new URLSearchParams({ [name]: value })}`;
          const response = await t.app.request(url);
          const html = await response.text();
          if (response.status >= 500) failures.push(`${url} → ${response.status}`);
          if (value.includes('\u0000')) {
            expect(response.status, url).toBe(400);
            expect(html, url).toContain(`“${name}”`);
          }
        }
    for (const path of [
      '/en/elements/a%00b',
      '/en/initiatives/%00',
      '/en/documents/%00',
      '/en/organizations/%00',
      '/en/pledges/%00',
      '/en/roadmaps/%00',
      '/en/%E0%A4%A',
    ])
      if ((await t.app.request(path)).status !== 400) failures.push(`${path} is not a 400`);
    expect(failures).toEqual([]);
  });

  it('shows the registry from its start for an offset it cannot read', async () => {
    for (const offset of ['1e400', '-1e400', '99999999999999999999'])
      expect((await t.app.request(`/en/registry?offset=${offset}`)).status, offset).toBe(200);
  });

  it('refuses a CR/LF in next= and never redirects off the site after signing in', async () => {
    const response = await t.app.request('/en/sign-in?next=%2Fen%2Fx%0D%0ASet-Cookie%3A%20a%3Db');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('next');
  });
});

describe('bad body fields get a 400 naming the field, never a 500', () => {
  let v: Visitor;
  let auth: Record<string, string>;
  let orgId: string;

  beforeAll(async () => {
    v = new Visitor(t.app);
    await v.signUp('en', 'Edge Tester', 'edge-tester@example.org', 'a long enough password 42');
    await v.get('/en/organizations/new');
    const created = await v.post('/en/organizations/new', { name: 'Edge Org', stakeholderType: 'civil-society', country: 'KEN' });
    orgId = created.location!.split('/').pop()!.split('?')[0]!;
    const token = /<code dir="ltr">(cnc_[A-Za-z0-9_-]+)<\/code>/.exec((await v.post('/en/account/tokens', { name: 'edge' })).html)![1]!;
    auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  });

  const initiative = (overrides: Record<string, unknown> = {}, title = 'Rural broadband for schools') => ({
    leadOrganizationId: orgId,
    status: 'planned',
    texts: [{ lang: 'en', title, description: 'Community networks bring broadband to rural schools.' }],
    links: [{ elementId: 'gdc.11.c', evidence: 'Deploys local network infrastructure.' }],
    ...overrides,
  });

  async function create(body: unknown) {
    const response = await t.app.request('/api/v1/initiatives', { method: 'POST', headers: auth, body: JSON.stringify(body) });
    const type = response.headers.get('Content-Type') ?? '';
    return { status: response.status, type, body: (await response.json()) as { errors?: { field: string }[] } };
  }

  it('refuses a NUL in a JSON field of the API with 400 problem+json naming it', async () => {
    const answer = await create(initiative({}, 'Rural\u0000broadband'));
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.errors?.map((e) => e.field)).toEqual(['body.texts.0.title']);
  });

  it('refuses impossible dates in the API (2024-02-31, year 0) and takes real ones', async () => {
    for (const startDate of ['2024-02-31', '0000-01-01', '2023-02-29']) {
      const answer = await create(initiative({ startDate }));
      expect(answer.status, startDate).toBe(400);
      expect(answer.body.errors?.map((e) => e.field)).toEqual(['body.startDate']);
    }
    expect((await create(initiative({ startDate: '2024-02-29' }))).status).toBe(201);
  });

  it('shows a NUL or an impossible date in a form next to its field, in the reader’s language', async () => {
    await v.get('/fr/initiatives/new');
    const form = {
      leadOrganizationId: orgId,
      status: 'ongoing',
      title_en: 'Community networks',
      description_en: 'Community networks bring affordable broadband to rural schools.',
      link_element_0: 'gdc.11.c',
      link_type_0: 'contributes-to',
      link_evidence_0: 'Deploys local network infrastructure in rural areas.',
    };
    const badDate = await v.post('/fr/initiatives/new', { ...form, startDate: '2024-02-31' });
    expect(badDate.status).toBe(400);
    expect(badDate.html).toContain(catalogs.fr['form.dateInvalid']);
    const nul = await v.post('/fr/initiatives/new', { ...form, title_en: 'Community\u0000networks' });
    expect(nul.status).toBe(400);
    expect(nul.html).toContain(catalogs.fr['form.controlCharacters']);
  });

  it('sends the reader back only to a page of this site after signing in', async () => {
    for (const [next, expected] of [
      ['/en/registry', '/en/registry'],
      ['//evil.example/', '/en/account'],
      ['/\\evil.example/', '/en/account'],
    ] as const) {
      const reader = new Visitor(t.app);
      await reader.get(`/en/sign-in?next=${encodeURIComponent(next)}`);
      const answer = await reader.post(`/en/sign-in?next=${encodeURIComponent(next)}`, {
        email: 'edge-tester@example.org',
        password: 'a long enough password 42',
      });
      expect(answer.status, next).toBe(303);
      expect(answer.location, next).toBe(expected);
    }
  });

  it('shows a NUL in the sign-in form next to the field', async () => {
    const reader = new Visitor(t.app);
    await reader.get('/en/sign-in');
    const answer = await reader.post('/en/sign-in', { email: 'someone\u0000@example.org', password: 'whatever it is' });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain(catalogs.en['form.controlCharacters']);
  });
});

describe('the store’s refusal of a value is a 400, as a safety net behind validation', () => {
  const refusal = (query: Parameters<typeof rows>[1]) =>
    rows(t.store.db, query).then(
      () => undefined,
      (error: unknown) => error,
    );

  it('recognises the store refusing a NUL, an impossible date or an out-of-range number, and nothing else', async () => {
    expect(isStoreValueError(await refusal(sql`select ${'a\u0000b'}::text as v`))).toBe(true);
    expect(isStoreValueError(await refusal(sql`select ${'2024-02-31'}::date as v`))).toBe(true);
    expect(isStoreValueError(await refusal(sql`select ${'1e400'}::integer as v`))).toBe(true);
    expect(isStoreValueError(await refusal(sql`select v from table_that_is_not_there`))).toBe(false);
  });
});
