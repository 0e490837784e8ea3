// The citation graph: which document cites which, most often first.
import { href, Layout } from '../web/layout.tsx';
import type { CitationEdge } from './service.ts';
import { symbolHref, type Ctx } from './page-parts.tsx';

export function GraphPage(props: { ctx: Ctx; edges: CitationEdge[]; total: number }) {
  const { ctx, edges } = props;
  const { t } = ctx;
  // Most cited: per cited symbol, how many documents cite it.
  const cited = new Map<string, { id: string | null; documents: number; times: number }>();
  for (const e of edges) {
    const entry = cited.get(e.to.symbol) ?? { id: e.to.id, documents: 0, times: 0 };
    entry.documents++;
    entry.times += e.count;
    cited.set(e.to.symbol, entry);
  }
  const most = [...cited].sort((a, b) => b[1].documents - a[1].documents || b[1].times - a[1].times).slice(0, 25);
  const target = (id: string | null, symbol: string) => (id ? href(ctx, `/documents/${id}`) : symbolHref(ctx, symbol));
  return (
    <Layout ctx={ctx} title={t('documents.graph.title')}>
      <nav class="crumbs" aria-label={t('document.crumbs')}>
        <ol>
          <li>
            <a href={href(ctx, '/documents')}>{t('documents.title')}</a>
          </li>
        </ol>
      </nav>
      <h1>{t('documents.graph.title')}</h1>
      <p class="lede">{t('documents.graph.intro', { count: props.total })}</p>
      <h2>{t('documents.graph.mostCited')}</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('documents.graph.cited')}</th>
              <th scope="col">{t('documents.graph.citingDocuments')}</th>
              <th scope="col">{t('documents.graph.times')}</th>
            </tr>
          </thead>
          <tbody>
            {most.map(([symbol, m]) => (
              <tr>
                <td>
                  <a href={target(m.id, symbol)}>{symbol}</a>
                  {m.id ? null : <span class="meta"> ({t('document.notHeld')})</span>}
                </td>
                <td>{m.documents}</td>
                <td>{m.times}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('documents.graph.edges')}</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('documents.graph.citing')}</th>
              <th scope="col">{t('documents.graph.cited')}</th>
              <th scope="col">{t('documents.graph.times')}</th>
            </tr>
          </thead>
          <tbody>
            {edges.map((e) => (
              <tr>
                <td>
                  <a href={href(ctx, `/documents/${e.from.id}`)}>{e.from.symbol ?? t('documents.noSymbol')}</a>
                </td>
                <td>
                  <a href={target(e.to.id, e.to.symbol)}>{e.to.symbol}</a>
                  {e.to.id ? null : <span class="meta"> ({t('document.notHeld')})</span>}
                </td>
                <td>{e.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
