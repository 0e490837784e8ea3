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
  schema?: { type?: string; enum?: unknown[]; default?: unknown; example?: unknown };
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  responses?: Record<string, { description?: string }>;
}

const examples: Record<string, string> = {
  id: 'gdc.11.b',
  lang: 'ar',
  q: 'connectivity',
  row: 'gdc.obj.1',
  column: 'sdg.9',
};

function exampleUrl(path: string, parameters: Parameter[]): string {
  let url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const p = parameters.find((x) => x.name === name);
    const first = p?.schema?.enum?.[0];
    return typeof first === 'string' ? first : (examples[name] ?? name);
  });
  const query = parameters
    .filter((p) => p.in === 'query' && (p.required || p.name === 'lang'))
    .map((p) => {
      const first = p.schema?.enum?.[0];
      return `${p.name}=${encodeURIComponent(examples[p.name] ?? (typeof first === 'string' ? first : ''))}`;
    });
  if (query.length) url += `?${query.join('&')}`;
  return `/api/v1${url}`;
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
                  {method === 'get' ? (
                    <p>
                      <a href={exampleUrl(path, op.parameters ?? [])}>{t('api.tryIt')}</a>
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
