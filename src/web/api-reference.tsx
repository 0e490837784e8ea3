// A readable API reference, rendered on the server from the same OpenAPI document that the
// route schemas generate (so the two never disagree).
import type { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';
import { localePath } from './locale.ts';
import { openApiDocument } from './api.ts';
import { Layout, type PageContext } from './layout.tsx';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: { type?: string; enum?: unknown[]; default?: unknown; example?: unknown };
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  responses?: Record<string, { description?: string }>;
}

/**
 * Examples the route schemas do not give, or give as an illustration of a record a new
 * installation lacks: by "path parameter" first, then by parameter name. Each must answer 200
 * on a store holding only the reference data (api-reference.int.test.ts tries every link).
 */
const examples: Record<string, string | null> = {
  '/documents/{id}/diff against': 'a-res-79-194',
  // The library holds English texts only: a new installation has no two versions to align.
  '/documents/{id}/alignment b': null,
  q: 'connectivity',
  row: 'gdc.obj.1',
  column: 'sdg.9',
};

/** A generated key (a serial number, a UUID) names a record of one installation only: no example elsewhere. */
const generatedKey = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A real value for a parameter: an example of ours, the schema's own, or the first value it allows. */
function exampleOf(path: string, p: Parameter): string | undefined {
  const key = [`${path} ${p.name}`, p.name].find((k) => k in examples);
  if (key !== undefined) return examples[key] ?? undefined;
  const given = p.example ?? p.schema?.example;
  if (typeof given === 'string' || typeof given === 'number') {
    return p.in === 'path' && generatedKey.test(String(given)) ? undefined : String(given);
  }
  const first = p.schema?.enum?.[0];
  return typeof first === 'string' ? first : undefined;
}

/**
 * The address of a working example of a GET operation, or none when it needs a credential (it
 * may answer 401) or names a record only some installations hold (no example for a path part).
 */
export function exampleUrl(path: string, op: Operation): string | undefined {
  const parameters = op.parameters ?? [];
  if (op.responses?.['401']) return undefined;
  let missing = false;
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const p = parameters.find((x) => x.name === name && x.in === 'path');
    const value = p ? exampleOf(path, p) : undefined;
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? name);
  });
  const query: string[] = [];
  for (const p of parameters.filter((x) => x.in === 'query' && (x.required || x.name === 'lang'))) {
    const value = exampleOf(path, p);
    if (value === undefined) {
      if (p.required) missing = true;
      continue;
    }
    query.push(`${p.name}=${encodeURIComponent(value)}`);
  }
  if (missing) return undefined;
  return `/api/v1${url}${query.length ? `?${query.join('&')}` : ''}`;
}

export function registerApiReference(app: Hono<AppEnv>, api: OpenAPIHono<AppEnv>): void {
  let doc: ReturnType<typeof openApiDocument> | undefined;
  app.get(`${localePath}/api`, (c) => {
    doc ??= openApiDocument(api);
    const t = c.var.t;
    const ctx: PageContext = { lang: c.var.lang, t, path: '/api' };
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
    );
    const tags = [...new Set(operations.flatMap((o) => o.op.tags ?? ['Other']))];
    return c.html(
      <Layout ctx={ctx} title={t('api.title')}>
        <h1>{t('api.title')}</h1>
        <p class="lede">{t('api.lede')}</p>
        <ul>
          <li>
            <a href="/api/v1/openapi.json">{t('api.openapi')}</a>
          </li>
          <li>{t('api.errors')}</li>
          <li>{t('api.caching')}</li>
        </ul>
        {tags.map((tag) => (
          <section aria-labelledby={`tag-${tag}`}>
            <h2 id={`tag-${tag}`} lang="en" dir="ltr">
              {tag}
            </h2>
            {operations
              .filter((o) => (o.op.tags ?? ['Other']).includes(tag))
              .map(({ path, method, op }) => (
                <section aria-label={`${method.toUpperCase()} ${path}`} dir="ltr">
                  <h3 lang="en">
                    <code>
                      {method.toUpperCase()} /api/v1{path}
                    </code>
                  </h3>
                  <p lang="en">{op.summary}</p>
                  {op.parameters?.length ? (
                    <table>
                      <caption class="visually-hidden">{t('api.parameters')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('api.parameter')}</th>
                          <th scope="col">{t('api.in')}</th>
                          <th scope="col">{t('api.values')}</th>
                          <th scope="col">{t('api.description')}</th>
                        </tr>
                      </thead>
                      <tbody lang="en">
                        {op.parameters.map((p) => (
                          <tr>
                            <th scope="row">
                              <code>{p.name}</code>
                              {p.required ? ' *' : ''}
                            </th>
                            <td>{p.in}</td>
                            <td>{p.schema?.enum ? p.schema.enum.join(', ') : (p.schema?.type ?? '')}</td>
                            <td>{p.description ?? ''}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                  <p class="meta">
                    {t('api.responses')}
                    {t('ui.colon')}
                    <span lang="en">
                      {Object.entries(op.responses ?? {})
                        .map(([status, r]) => `${status} ${r.description ?? ''}`)
                        .join('; ')}
                    </span>
                  </p>
                  {method === 'get' && exampleUrl(path, op) ? (
                    <p>
                      <a href={exampleUrl(path, op)} class="try-it">
                        {t('api.tryIt')}
                      </a>
                    </p>
                  ) : null}
                </section>
              ))}
          </section>
        ))}
      </Layout>,
    );
  });
}
