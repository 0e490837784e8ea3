// Server-rendered pages for UN documents: the list, one document (structure, headings, footnotes,
// references as links, the requested-actions table, citations both ways), a placeholder for a
// cited document not yet held, and search. Plain HTML: no script needed.
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { AppEnv } from '../web/env.ts';
import { localePath } from '../web/locale.ts';
import { href, Layout, pageContext, type PageContext } from '../web/layout.tsx';
import { directionOf, endonyms, isLanguage, languageOrder, languages, type Language } from '../language/languages.ts';
import type { MessageKey } from '../i18n/index.ts';
import {
  citationGraph,
  documentBySymbol,
  type CitationEdge,
  getActions,
  getCitations,
  getDocument,
  getParagraphs,
  getReferences,
  listDocuments,
  versionLanguage,
  type ActionView,
  type CitationView,
  type DocumentDetail,
  type DocumentSummary,
  type ParagraphView,
  type ReferenceView,
} from './service.ts';
import { searchDocuments, withAlignedParagraphs, type DocumentSearchResult } from './search.ts';
import { documentFilters, documentSearchQuery } from './api.ts';
import { documentsCiting } from './repository.ts';
import { alignVersions, type AlignedPair } from './align.ts';
import { diffDocuments, type RevisionPair } from './versions.ts';
import { registerLinkPages } from './link-pages.tsx';
import { registerUploadPage } from './upload-page.tsx';
import { isolate } from '../web/text.tsx';

type Ctx = PageContext;

/** The block kinds a reader may filter search by. */
const searchKinds = ['preambular', 'operative', 'subparagraph', 'heading', 'section', 'paragraph'] as const;

function symbolHref(ctx: Ctx, symbol: string): string {
  return href(ctx, `/documents/cited?symbol=${encodeURIComponent(symbol)}`);
}

/** Text in another language than the page's carries its own lang and dir. */
function InLanguage(props: { lang: Language; page: Language; children: Child }) {
  if (props.lang === props.page) return <>{props.children}</>;
  return (
    <span lang={props.lang} dir={directionOf(props.lang)}>
      {props.children}
    </span>
  );
}

// ---------------------------------------------------------------- list

const listQuery = z.object({ ...documentFilters, lang: z.enum(languages).optional() });

function DocumentsPage(props: { ctx: Ctx; items: DocumentSummary[]; total: number; filter: Record<string, string>; error: string | null }) {
  const { ctx, items } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('documents.title')} description={t('documents.intro')}>
      <h1>{t('documents.title')}</h1>
      <p class="lede">{t('documents.intro')}</p>
      <p>
        <a href={href(ctx, '/documents/search')}>{t('documents.searchLink')}</a> ·{' '}
        <a href={href(ctx, '/documents/citations')}>{t('documents.graph.title')}</a>
        {ctx.user?.role === 'administrator' ? (
          <>
            {' '}
            · <a href={href(ctx, '/documents/upload')}>{t('documents.upload.link')}</a>
          </>
        ) : null}
      </p>
      <form class="inline" method="get" action={href(ctx, '/documents')}>
        <div>
          <label for="symbol">{t('document.symbol')}</label>
          <input id="symbol" name="symbol" value={props.filter.symbol ?? ''} size={18} />
        </div>
        <div>
          <label for="organ">{t('document.organ')}</label>
          <input id="organ" name="organ" value={props.filter.organ ?? ''} size={10} />
        </div>
        <div>
          <label for="year">{t('documents.filter.year')}</label>
          <input id="year" name="year" inputmode="numeric" value={props.filter.year ?? ''} size={6} />
        </div>
        <button type="submit">{t('documents.filter.submit')}</button>
      </form>
      {props.error ? (
        <p class="note" role="alert">
          {props.error}
        </p>
      ) : null}
      <h2>{t('documents.count', { count: props.total })}</h2>
      {items.length ? (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('document.symbol')}</th>
                <th scope="col">{t('documents.column.title')}</th>
                <th scope="col">{t('document.date')}</th>
                <th scope="col">{t('document.versions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr>
                  <td>
                    <a href={href(ctx, `/documents/${d.id}`)}>{d.symbol ?? t('documents.noSymbol')}</a>
                  </td>
                  <td>
                    {d.titleLanguage ? (
                      <InLanguage lang={d.titleLanguage} page={ctx.lang}>
                        {d.title}
                      </InLanguage>
                    ) : null}
                  </td>
                  <td>{d.date ?? ''}</td>
                  <td>
                    {d.languages.map((l, i) => (
                      <>
                        {i ? ' · ' : ''}
                        <a href={href(ctx, `/documents/${d.id}?in=${l}`)} lang={l}>
                          {endonyms[l]}
                        </a>
                      </>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Layout>
  );
}

// ---------------------------------------------------------------- one document

/** A paragraph's text with its references as links and its footnote calls as superscript links. */
function ParagraphText(props: { ctx: Ctx; p: ParagraphView; refs: ReferenceView[] }) {
  const { ctx, p } = props;
  type Mark = { start: number; end: number; node: Child };
  const marks: Mark[] = [];
  let from = 0;
  for (const r of props.refs) {
    if (r.footnote !== null || !r.symbol) continue;
    const at = p.text.indexOf(r.raw, from);
    if (at < 0) continue;
    const target = r.target ? href(ctx, `/documents/${r.target.id}`) : symbolHref(ctx, r.symbol);
    marks.push({
      start: at,
      end: at + r.raw.length,
      node: (
        <a href={target} title={r.symbol}>
          {r.raw}
        </a>
      ),
    });
    from = at + r.raw.length;
  }
  for (const f of p.footnotes) {
    const at = f.offset ?? p.text.length;
    marks.push({
      start: at,
      end: at,
      node: (
        <sup>
          <a href={`#fn-${f.number}`} id={`fnref-${f.number}`} aria-label={ctx.t('document.footnoteCall', { number: f.number })}>
            {f.number}
          </a>
        </sup>
      ),
    });
  }
  marks.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Child[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue; // overlapping spans: the first wins
    out.push(p.text.slice(at, m.start), m.node);
    at = m.end;
  }
  out.push(p.text.slice(at));
  return <>{out}</>;
}

function Paragraph(props: { ctx: Ctx; p: ParagraphView; refs: ReferenceView[] }) {
  const { p } = props;
  const text = <ParagraphText ctx={props.ctx} p={p} refs={props.refs} />;
  const number = p.number ? <span class="para-number">{p.kind === 'subparagraph' ? `(${p.number})` : `${p.number}.`} </span> : null;
  if (p.kind === 'heading' || p.kind === 'annex-title' || p.kind === 'section') {
    return (
      <h3 id={p.eid}>
        {p.kind === 'section' ? (p.number ? `${p.number} ` : '') : number}
        {text}
      </h3>
    );
  }
  if (p.kind === 'title') {
    return (
      <p id={p.eid} class="doc-title">
        <strong>{text}</strong>
      </p>
    );
  }
  return (
    <p id={p.eid} class={`para para-${p.kind}`} data-level={String(p.level)}>
      {number}
      {p.kind === 'preambular' ? <em>{text}</em> : text}
    </p>
  );
}

function ActionsTable(props: { ctx: Ctx; actions: ActionView[] }) {
  const { ctx } = props;
  const { t } = ctx;
  const rows = props.actions.filter((a) => a.directive);
  if (rows.length === 0) return <p>{t('document.actions.none')}</p>;
  return (
    <div class="scroll">
      <table>
        <caption class="visually-hidden">{t('document.actions.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('document.actions.paragraph')}</th>
            <th scope="col">{t('document.actions.who')}</th>
            <th scope="col">{t('document.actions.what')}</th>
            <th scope="col">{t('document.actions.when')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr>
              <td>
                <a href={`#${a.paragraph.eid}`}>{a.paragraph.number ?? '—'}</a>
              </td>
              <td>
                {/* Canonical names in the reader's language; the words of the text on hover. */}
                {a.actors.map((actor, i) => (
                  <>
                    {i > 0 ? '; ' : ''}
                    <span title={actor.text}>{actor.name}</span>
                  </>
                ))}
              </td>
              <td>
                <strong>{a.verbText}</strong> {a.object}
              </td>
              <td>
                {a.deadline ? (
                  <>
                    {a.deadline.text}
                    {a.deadline.from || a.deadline.to ? (
                      <span class="meta">
                        {' '}
                        (<time>{a.deadline.from ?? '…'}</time> – <time>{a.deadline.to ?? '…'}</time>)
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span class="meta">{t('document.actions.noDeadline')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Citations(props: { ctx: Ctx; items: CitationView[] }) {
  const { ctx } = props;
  if (props.items.length === 0) return <p>{ctx.t('document.citedNone')}</p>;
  return (
    <ul>
      {props.items.map((c) => (
        <li>
          {c.id ? (
            <a href={href(ctx, `/documents/${c.id}`)}>{c.symbol ?? c.title ?? c.id}</a>
          ) : (
            <>
              <a href={symbolHref(ctx, c.symbol ?? '')}>{c.symbol}</a> <span class="meta">({ctx.t('document.notHeld')})</span>
            </>
          )}
          {c.id && c.title ? <> — {c.title}</> : null}
        </li>
      ))}
    </ul>
  );
}

function DocumentPage(props: {
  ctx: Ctx;
  detail: DocumentDetail;
  lang: Language;
  paragraphs: ParagraphView[];
  references: ReferenceView[];
  actions: ActionView[];
  cites: CitationView[];
  citedBy: CitationView[];
}) {
  const { ctx, detail, lang, paragraphs } = props;
  const { t } = ctx;
  const version = detail.versions.find((v) => v.lang === lang)!;
  const title = version.title ?? detail.symbol ?? t('documents.noSymbol');
  const refsBy = new Map<number, ReferenceView[]>();
  for (const r of props.references) refsBy.set(r.paragraph.id, [...(refsBy.get(r.paragraph.id) ?? []), r]);
  const footnotes = paragraphs.flatMap((p) => p.footnotes.map((f) => ({ ...f, eid: p.eid }))).sort((a, b) => a.number - b.number);
  const exportPath = `/api/v1/documents/${encodeURIComponent(detail.id)}`;
  return (
    <Layout ctx={ctx} title={detail.symbol ? `${detail.symbol} · ${title}` : title}>
      <nav class="crumbs" aria-label={t('document.crumbs')}>
        <ol>
          <li>
            <a href={href(ctx, '/documents')}>{t('documents.title')}</a>
          </li>
          <li>{detail.symbol ?? title}</li>
        </ol>
      </nav>
      <h1>
        <InLanguage lang={lang} page={ctx.lang}>
          {title}
        </InLanguage>
      </h1>
      <dl class="facts">
        <dt>{t('document.symbol')}</dt>
        <dd>{detail.symbol ?? t('documents.noSymbol')}</dd>
        {detail.organ ? (
          <>
            <dt>{t('document.organ')}</dt>
            <dd>{detail.organ}</dd>
          </>
        ) : null}
        {detail.session !== null ? (
          <>
            <dt>{t('document.session')}</dt>
            <dd>{detail.session}</dd>
          </>
        ) : null}
        {detail.date ? (
          <>
            <dt>{t('document.date')}</dt>
            <dd>{detail.date}</dd>
          </>
        ) : null}
        {detail.agendaItem ? (
          <>
            <dt>{t('document.agendaItem')}</dt>
            <dd>{detail.agendaItem}</dd>
          </>
        ) : null}
        <dt>{t('document.versions')}</dt>
        <dd>
          {detail.versions.map((v, i) => (
            <>
              {i ? ' · ' : ''}
              <a href={href(ctx, `/documents/${detail.id}?in=${v.lang}`)} lang={v.lang} aria-current={v.lang === lang ? 'page' : undefined}>
                {endonyms[v.lang]}
              </a>
            </>
          ))}
        </dd>
        <dt>{t('document.source')}</dt>
        <dd>
          {t('document.sourceLine', {
            file: isolate(version.sourceFile.split('/').pop() ?? version.sourceFile),
            reader: version.reader,
            provenance: isolate(version.provenance),
            date: version.readAt.slice(0, 10),
          })}
        </dd>
        <dt>{t('document.export')}</dt>
        <dd>
          <a href={`${exportPath}/export.json?lang=${lang}`}>JSON</a> · <a href={`${exportPath}/akn.xml?lang=${lang}`}>Akoma Ntoso XML</a>
        </dd>
      </dl>
      {version.ocrNoise > 0.002 ? <p class="note">{t('document.ocr')}</p> : null}
      <p>
        <a href={href(ctx, `/documents/${detail.id}/diff?in=${lang}`)}>{t('document.diff.link')}</a> ·{' '}
        <a href={href(ctx, `/documents/${detail.id}/links?in=${lang}`)}>{t('document.links.title')}</a>
      </p>
      {detail.versions.length > 1 ? (
        <p>
          <a href={href(ctx, `/documents/${detail.id}/compare?a=${lang}&b=${detail.versions.find((v) => v.lang !== lang)?.lang ?? lang}`)}>
            {t('document.compare.link')}
          </a>
        </p>
      ) : null}

      <h2 id="actions">{t('document.actions.title')}</h2>
      <ActionsTable ctx={ctx} actions={props.actions} />
      <p>
        <a href={href(ctx, `/mandates?document=${encodeURIComponent(detail.id)}`)}>{t('mandate.followUp')}</a>
      </p>

      <h2 id="text">{t('document.text')}</h2>
      <div class="document-text" lang={lang} dir={directionOf(lang)}>
        {paragraphs.map((p) => (
          <Paragraph ctx={ctx} p={p} refs={refsBy.get(p.id) ?? []} />
        ))}
      </div>

      {footnotes.length ? (
        <>
          <h2 id="footnotes">{t('document.footnotes')}</h2>
          <ol class="footnotes" lang={lang} dir={directionOf(lang)}>
            {footnotes.map((f) => (
              <li id={`fn-${f.number}`} value={String(f.number)}>
                {f.text}{' '}
                <a href={`#${f.eid}`} aria-label={t('document.backToText')}>
                  ↩
                </a>
              </li>
            ))}
          </ol>
        </>
      ) : null}

      <h2 id="cites">{t('document.cites')}</h2>
      <Citations ctx={ctx} items={props.cites} />
      <h2 id="cited-by">{t('document.citedBy')}</h2>
      <Citations ctx={ctx} items={props.citedBy} />
    </Layout>
  );
}

function PlaceholderPage(props: { ctx: Ctx; symbol: string; citing: { id: string; symbol: string | null }[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={props.symbol}>
      <h1>{props.symbol}</h1>
      <p class="note">{t('document.placeholder', { symbol: props.symbol })}</p>
      <h2>{t('document.citedBy')}</h2>
      {props.citing.length ? (
        <ul>
          {props.citing.map((d) => (
            <li>
              <a href={href(ctx, `/documents/${d.id}`)}>{d.symbol ?? d.id}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('document.citedNone')}</p>
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------- suggested framework links

/** A page about one document (its links, languages side by side, a diff): the way back, and its title. */
export function DocumentSubpage(props: {
  ctx: PageContext;
  detail: { id: string; symbol: string | null };
  title: string;
  back: string;
  children: Child;
}) {
  const { ctx, detail } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${detail.symbol ?? detail.id} · ${props.title}`}>
      <nav class="crumbs" aria-label={t('document.crumbs')}>
        <ol>
          <li>
            <a href={href(ctx, '/documents')}>{t('documents.title')}</a>
          </li>
          <li>
            <a href={href(ctx, props.back)}>{detail.symbol ?? detail.id}</a>
          </li>
        </ol>
      </nav>
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

// ---------------------------------------------------------------- citation graph

function GraphPage(props: { ctx: Ctx; edges: CitationEdge[]; total: number }) {
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

// ---------------------------------------------------------------- side by side

function ComparePage(props: { ctx: Ctx; detail: DocumentDetail; a: Language; b: Language; pairs: AlignedPair<ParagraphView>[] }) {
  const { ctx, detail, a, b } = props;
  const { t } = ctx;
  const cell = (p: ParagraphView | null, lang: Language) =>
    p ? (
      <td lang={lang} dir={directionOf(lang)}>
        {p.number ? <span class="para-number">{p.kind === 'subparagraph' ? `(${p.number})` : `${p.number}.`} </span> : null}
        {p.text}
      </td>
    ) : (
      <td>
        <span class="meta">{t('document.compare.missing')}</span>
      </td>
    );
  const choose = (name: 'a' | 'b', value: Language, label: string) => (
    <div>
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        {detail.versions.map((v) => (
          <option value={v.lang} selected={v.lang === value} lang={v.lang}>
            {endonyms[v.lang]}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <DocumentSubpage ctx={ctx} detail={detail} title={t('document.compare.title')} back={`/documents/${detail.id}`}>
      <form class="inline" method="get" action={href(ctx, `/documents/${detail.id}/compare`)}>
        {choose('a', a, t('document.compare.left'))}
        {choose('b', b, t('document.compare.right'))}
        <button type="submit">{t('document.compare.submit')}</button>
      </form>
      <div class="scroll">
        <table class="compare">
          <thead>
            <tr>
              <th scope="col" lang={a}>
                {endonyms[a]}
              </th>
              <th scope="col" lang={b}>
                {endonyms[b]}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.pairs.map((pair) => (
              <tr>
                {cell(pair.a, a)}
                {cell(pair.b, b)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </DocumentSubpage>
  );
}

// ---------------------------------------------------------------- versions (diff)

function DiffText(props: { pair: RevisionPair; side: 'before' | 'after' }) {
  const { pair, side } = props;
  const p = pair[side];
  if (!p) return null;
  const number = p.number ? <span class="para-number">{p.kind === 'subparagraph' ? `(${p.number})` : `${p.number}.`} </span> : null;
  if (pair.status !== 'changed')
    return (
      <>
        {number}
        {p.text}
      </>
    );
  return (
    <>
      {number}
      {pair.changes.map((c) =>
        c.added ? side === 'after' ? <ins>{c.value}</ins> : null : c.removed ? side === 'before' ? <del>{c.value}</del> : null : c.value,
      )}
    </>
  );
}

function DiffPage(props: {
  ctx: Ctx;
  detail: DocumentDetail;
  lang: Language;
  others: DocumentSummary[];
  against: DocumentDetail | null;
  pairs: RevisionPair[] | null;
}) {
  const { ctx, detail, lang, pairs } = props;
  const { t } = ctx;
  const count = (status: RevisionPair['status']) => pairs?.filter((p) => p.status === status).length ?? 0;
  return (
    <DocumentSubpage ctx={ctx} detail={detail} title={t('document.diff.title')} back={`/documents/${detail.id}`}>
      <form class="inline" method="get" action={href(ctx, `/documents/${detail.id}/diff`)}>
        <input type="hidden" name="in" value={lang} />
        <div>
          <label for="against">{t('document.diff.against')}</label>
          <select id="against" name="against">
            {props.others.map((d) => (
              <option value={d.id} selected={props.against?.id === d.id}>
                {d.symbol ?? d.id}
                {d.title ? ` — ${d.title.slice(0, 80)}` : ''}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('document.diff.submit')}</button>
      </form>
      {pairs && props.against ? (
        <>
          <h2>{t('document.diff.summary', { changed: count('changed'), added: count('added'), removed: count('removed') })}</h2>
          <div class="scroll">
            <table class="compare">
              <thead>
                <tr>
                  <th scope="col">{t('document.diff.status')}</th>
                  <th scope="col">{props.against.symbol ?? props.against.id}</th>
                  <th scope="col">{detail.symbol ?? detail.id}</th>
                </tr>
              </thead>
              <tbody>
                {pairs.map((pair) => (
                  <tr class={`diff-${pair.status}`}>
                    <td>
                      {pair.status === 'renumbered' || (pair.status === 'changed' && pair.before?.number !== pair.after?.number)
                        ? t(`document.diff.${pair.status}`) +
                          ' · ' +
                          t('document.diff.numbers', { from: pair.before?.number ?? '', to: pair.after?.number ?? '' })
                        : t(`document.diff.${pair.status}`)}
                    </td>
                    <td lang={lang} dir={directionOf(lang)}>
                      <DiffText pair={pair} side="before" />
                    </td>
                    <td lang={lang} dir={directionOf(lang)}>
                      <DiffText pair={pair} side="after" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>{t('document.diff.choose')}</p>
      )}
    </DocumentSubpage>
  );
}

// ---------------------------------------------------------------- search

function SearchPage(props: { ctx: Ctx; form: Record<string, string>; result: DocumentSearchResult | null; error: string | null }) {
  const { ctx, form, result } = props;
  const { t } = ctx;
  const q = form.q ?? '';
  return (
    <Layout ctx={ctx} title={q ? `${t('documents.search.title')}: ${q}` : t('documents.search.title')}>
      <h1>{t('documents.search.title')}</h1>
      <form class="inline" method="get" action={href(ctx, '/documents/search')} role="search">
        <div>
          <label for="q">{t('documents.search.query')}</label>
          <input id="q" name="q" type="search" value={q} size={36} />
        </div>
        <div>
          <label for="in">{t('documents.search.language')}</label>
          <select id="in" name="in">
            <option value="">{t('documents.search.allLanguages')}</option>
            {languageOrder.map((l) => (
              <option value={l} selected={form.in === l} lang={l}>
                {endonyms[l]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="kind">{t('documents.search.kind')}</label>
          <select id="kind" name="kind">
            <option value="">{t('documents.search.anyKind')}</option>
            {searchKinds.map((k) => (
              <option value={k} selected={form.kind === k}>
                {t(`documents.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="organ">{t('document.organ')}</label>
          <input id="organ" name="organ" value={form.organ ?? ''} size={8} />
        </div>
        <div>
          <label for="year">{t('documents.filter.year')}</label>
          <input id="year" name="year" inputmode="numeric" value={form.year ?? ''} size={6} />
        </div>
        <div>
          <label for="symbol">{t('document.symbol')}</label>
          <input id="symbol" name="symbol" value={form.symbol ?? ''} size={14} />
        </div>
        <div>
          <label for="element">{t('documents.search.element')}</label>
          <input id="element" name="element" value={form.element ?? ''} size={12} dir="ltr" placeholder="sdg.9" />
        </div>
        <button type="submit">{t('documents.search.submit')}</button>
      </form>
      {props.error ? (
        <p class="note" role="alert">
          {props.error}
        </p>
      ) : null}
      {result ? (
        <>
          <h2 aria-live="polite">{t('documents.search.count', { count: result.total, q })}</h2>
          {form.element ? (
            <p class="meta">
              {t('documents.search.elementFilter', { id: form.element })}{' '}
              <a href={href(ctx, `/elements/${encodeURIComponent(form.element)}`)}>{form.element}</a>
            </p>
          ) : null}
          {result.documents.map((group) => (
            <section>
              <h3>
                <a href={href(ctx, `/documents/${group.document.id}`)}>{group.document.symbol ?? t('documents.noSymbol')}</a>
                {group.document.title ? <> — {group.document.title}</> : null}
              </h3>
              <ol class="links">
                {group.hits.map((h) => (
                  <li>
                    <div>
                      <a href={href(ctx, `/documents/${group.document.id}?in=${h.lang}#${h.eid}`)}>
                        {h.number
                          ? t('document.paragraph', { number: h.number })
                          : t(
                              `documents.kind.${searchKinds.includes(h.kind as (typeof searchKinds)[number]) ? h.kind : 'paragraph'}` as MessageKey,
                            )}
                      </a>{' '}
                      <span class="meta">
                        ({endonyms[h.lang]}
                        {h.match === 'similar' ? `, ${t('documents.search.similar')}` : ''})
                      </span>
                    </div>
                    {/* The snippet is escaped by search.ts; only its <mark> elements are markup. */}
                    <p lang={h.lang} dir={directionOf(h.lang)} dangerouslySetInnerHTML={{ __html: h.snippet }} />
                    {h.aligned ? (
                      <p class="aligned">
                        <a href={href(ctx, `/documents/${group.document.id}?in=${h.aligned.lang}#${h.aligned.eid}`)}>
                          {t('documents.search.aligned', { language: endonyms[h.aligned.lang] })}
                        </a>{' '}
                        <span lang={h.aligned.lang} dir={directionOf(h.aligned.lang)}>
                          {h.aligned.text.length > 400 ? `${h.aligned.text.slice(0, 400)}…` : h.aligned.text}
                        </span>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </>
      ) : null}
    </Layout>
  );
}

// ---------------------------------------------------------------- routes

export function registerDocumentPages(app: Hono<AppEnv>): void {
  const L = localePath;
  registerLinkPages(app);
  registerUploadPage(app);

  app.get(`${L}/documents`, async (c) => {
    const ctx = pageContext(c);
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const parsed = listQuery.safeParse(raw);
    const filter = parsed.success ? parsed.data : {};
    const result = await listDocuments(c.var.store.db, ctx.lang, { ...filter, limit: 500 });
    return c.html(
      <DocumentsPage
        ctx={ctx}
        items={result.items}
        total={result.total}
        filter={raw}
        error={parsed.success ? null : ctx.t('documents.filter.invalid')}
      />,
    );
  });

  app.get(`${L}/documents/search`, async (c) => {
    const ctx = pageContext(c);
    const form = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    if (!form.q) return c.html(<SearchPage ctx={ctx} form={form} result={null} error={null} />);
    const { in: inLang, ...rest } = form;
    const parsed = documentSearchQuery.safeParse({ ...rest, ...(inLang ? { lang: inLang } : {}) });
    if (!parsed.success) return c.html(<SearchPage ctx={ctx} form={form} result={null} error={ctx.t('documents.search.invalid')} />, 400);
    const found = await searchDocuments(c.var.store.db, parsed.data.q, { ...parsed.data, limit: 50 });
    // Each hit in another language comes with its aligned paragraph in the reader's, where the document has it.
    const result = await withAlignedParagraphs(c.var.store.db, found, ctx.lang);
    return c.html(<SearchPage ctx={ctx} form={form} result={result} error={null} />);
  });

  app.get(`${L}/documents/citations`, async (c) => {
    const graph = await citationGraph(c.var.store.db, 1000);
    return c.html(<GraphPage ctx={pageContext(c)} edges={graph.edges} total={graph.total} />);
  });

  app.get(`${L}/documents/cited`, async (c) => {
    const ctx = pageContext(c);
    const symbol = (c.req.query('symbol') ?? '').trim();
    if (!symbol || symbol.length > 100) return c.notFound();
    const held = await documentBySymbol(c.var.store.db, symbol);
    if (held) return c.redirect(href(ctx, `/documents/${held}`), 303);
    const citing = await documentsCiting(c.var.store.db, symbol);
    return c.html(<PlaceholderPage ctx={ctx} symbol={symbol} citing={citing} />);
  });

  app.get(`${L}/documents/:id/diff`, async (c) => {
    const ctx = pageContext(c);
    const db = c.var.store.db;
    const detail = await getDocument(db, c.req.param('id'), ctx.lang);
    if (!detail) return c.notFound();
    const wanted = c.req.query('in');
    const lang = versionLanguage(detail, isLanguage(wanted) ? wanted : ctx.lang);
    if (!lang) return c.notFound();
    const others = (await listDocuments(db, lang, { lang, limit: 500 })).items.filter((d) => d.id !== detail.id);
    const againstId = c.req.query('against');
    const against = againstId ? await getDocument(db, againstId, lang) : null;
    const pairs = against ? await diffDocuments(db, against.id, detail.id, lang) : null;
    return c.html(<DiffPage ctx={ctx} detail={detail} lang={lang} others={others} against={against} pairs={pairs} />);
  });

  app.get(`${L}/documents/:id/compare`, async (c) => {
    const ctx = pageContext(c);
    const db = c.var.store.db;
    const detail = await getDocument(db, c.req.param('id'), ctx.lang);
    if (!detail) return c.notFound();
    const held = detail.versions.map((v) => v.lang);
    const pick = (value: string | undefined, fallback: Language | undefined): Language | undefined =>
      isLanguage(value) && held.includes(value) ? value : fallback;
    const a = pick(c.req.query('a'), versionLanguage(detail, ctx.lang) ?? undefined);
    const b = pick(c.req.query('b'), held.find((l) => l !== a) ?? a);
    if (!a || !b) return c.notFound();
    const pairs = alignVersions(await getParagraphs(db, detail.id, a), await getParagraphs(db, detail.id, b));
    return c.html(<ComparePage ctx={ctx} detail={detail} a={a} b={b} pairs={pairs} />);
  });

  app.get(`${L}/documents/:id`, async (c) => {
    const ctx = pageContext(c);
    const db = c.var.store.db;
    const wanted = c.req.query('in');
    const detail = await getDocument(db, c.req.param('id'), ctx.lang);
    if (!detail) return c.notFound();
    const lang = versionLanguage(detail, isLanguage(wanted) ? wanted : ctx.lang);
    if (!lang) return c.notFound();
    const [paragraphs, references, actions, cites, citedBy] = await Promise.all([
      getParagraphs(db, detail.id, lang),
      getReferences(db, detail.id, lang),
      getActions(db, detail.id, lang, ctx.lang),
      getCitations(db, detail.id, 'cites', ctx.lang),
      getCitations(db, detail.id, 'cited-by', ctx.lang),
    ]);
    return c.html(
      <DocumentPage
        ctx={ctx}
        detail={detail}
        lang={lang}
        paragraphs={paragraphs}
        references={references}
        actions={actions}
        cites={cites}
        citedBy={citedBy}
      />,
    );
  });
}
