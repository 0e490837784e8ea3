// One document: structure, headings, footnotes, references as links, the requested-actions table,
// citations both ways; and the page of a cited document not yet held.
import type { Child } from 'hono/jsx';
import { href, Layout } from '../web/layout.tsx';
import { directionOf, endonyms, type Language } from '../language/languages.ts';
import { type ActionView, type CitationView, type DocumentDetail, type ParagraphView, type ReferenceView } from './service.ts';
import { isolate } from '../web/text.tsx';
import { InLanguage, symbolHref, type Ctx } from './page-parts.tsx';

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
          {/* Symbols and titles keep their own direction on a right-to-left page ("A/RES/217 A (III)"). */}
          {c.id ? (
            <a href={href(ctx, `/documents/${c.id}`)} dir="auto">
              {c.symbol ?? c.title ?? c.id}
            </a>
          ) : (
            <>
              <a href={symbolHref(ctx, c.symbol ?? '')} dir="ltr">
                {c.symbol}
              </a>{' '}
              <span class="meta">({ctx.t('document.notHeld')})</span>
            </>
          )}
          {c.id && c.title ? (
            <>
              {' — '}
              <bdi>{c.title}</bdi>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function DocumentPage(props: {
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

export function PlaceholderPage(props: { ctx: Ctx; symbol: string; citing: { id: string; symbol: string | null }[] }) {
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
