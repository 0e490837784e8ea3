// Server-rendered pages for the framework graph: frameworks, a framework's tree, an
// element, the crosswalk matrix and its cells, search, sources. Plain HTML: no script needed.
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../web/env.ts';
import { localePath } from '../web/locale.ts';
import { renderSections } from '../web/sections.tsx';
import { Foreign, href, Layout, pageContext, type PageContext } from '../web/layout.tsx';
import { directionOf, endonyms, isLanguage, languages, type Language } from '../language/languages.ts';
import { catalogs, type MessageKey, type Translate } from '../i18n/index.ts';
import {
  frameworkTree,
  listSources,
  frameworkIds,
  getElementView,
  listFrameworks,
  searchElements,
  type ElementSummary,
  type ElementView,
  type Framework,
  type Link,
  type Source,
  type SourceWithNotes,
  type TreeNode,
  type TextDocument,
} from './service.ts';
import { axes, crosswalkCell, crosswalkMatrix, type Axis, type MatrixCell } from './crosswalk.ts';
import { elementKinds } from './reference.ts';
import type { LibraryProgress } from '../documents/library.ts';
import { UserText } from '../web/text.tsx';
import { cachedForReaders } from '../web/page-cache.ts';

type Ctx = PageContext;

/** "Target 9.c", "Action line C7 e-health", or a topic's own title. */
export function elementLabel(t: Translate, e: Pick<ElementSummary, 'kind' | 'code' | 'title' | 'text'>): string {
  if (e.kind === 'topic') return e.text ?? '';
  return t(`element.label.${e.kind}` as MessageKey, { code: e.code });
}

function excerpt(text: string | null, max = 220): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

function frameworkName(t: Translate, id: string): string {
  return t(`framework.${id}.name` as MessageKey);
}

function ElementRef(props: { ctx: Ctx; e: ElementSummary; full?: boolean }) {
  const { ctx, e } = props;
  const body = e.kind === 'topic' ? null : (e.title ?? excerpt(e.text, props.full ? 2000 : 220));
  return (
    <>
      <a href={href(ctx, `/elements/${e.id}`)}>{elementLabel(ctx.t, e)}</a>
      {body ? (
        <>
          {' '}
          <Foreign lang={e.textLanguage} page={ctx.lang} t={ctx.t}>
            {body}
          </Foreign>
        </>
      ) : null}
    </>
  );
}

/** Shown wherever the English text stands in for a language that has none yet. */
function FallbackNote(props: { ctx: Ctx; textLanguage: Language | null }) {
  if (!props.textLanguage || props.textLanguage === props.ctx.lang) return null;
  return (
    <p class="note" role="note">
      {props.ctx.t('text.fallback', { language: endonyms[props.ctx.lang], shown: endonyms[props.textLanguage] })}
    </p>
  );
}

/** Says that a text is the official one of a language version of a document, with a link to that version. */
function OfficialTextLine(props: { ctx: Ctx; document: TextDocument | null }) {
  const d = props.document;
  if (!d) return null;
  return (
    <p class="meta" lang={props.ctx.lang} dir={directionOf(props.ctx.lang)}>
      <a href={href(props.ctx, `/documents/${encodeURIComponent(d.documentId)}?in=${d.lang}`)}>
        {props.ctx.t('element.officialText', { language: endonyms[d.lang], symbol: d.symbol ?? d.documentId })}
      </a>
    </p>
  );
}

/** Whether a source's address is on the web; otherwise it names a file of Concord's repository, no link on this site. */
const onTheWeb = (address: string) => /^https?:\/\//.test(address);

/**
 * Who asserted a link, readably: the loaders of reference data sign as `data:<dataset>`, named
 * in the catalogs (link.assertedBy.<dataset>); anyone else as recorded.
 */
export function assertedByName(t: Translate, who: string): string {
  const key = `link.assertedBy.${who.replace(/^data:/, '')}`;
  return who.startsWith('data:') && key in catalogs.en ? t(key as MessageKey) : who;
}

function SourceLine(props: { ctx: Ctx; source: Source | null; locator?: string | null; address?: string | null; bare?: boolean }) {
  const { ctx, source } = props;
  if (!source) return null;
  const address = props.address ?? source.address;
  return (
    <span class="meta">
      {props.bare ? null : `${ctx.t('source.label')}${ctx.t('ui.colon')}`}
      <a href={href(ctx, `/sources#${source.id}`)} lang="en" dir="ltr">
        {source.title}
      </a>
      {props.locator ? (
        <>
          ,{' '}
          <span lang="en" dir="ltr">
            {props.locator}
          </span>
        </>
      ) : null}
      {address && onTheWeb(address) ? (
        <>
          {' '}
          (<a href={address}>{ctx.t('source.original')}</a>)
        </>
      ) : null}
    </span>
  );
}

function StateBadge(props: { ctx: Ctx; state: string }) {
  return <span class={`badge state-${props.state}`}>{props.ctx.t(`link.state.${props.state}` as MessageKey)}</span>;
}

// ---------------------------------------------------------------- home (src/web/home.tsx) shares these

/** While the core library is read in the background (src/documents/library.ts), and what failed. */
export function LibraryNotice(props: { ctx: Ctx; progress: LibraryProgress }) {
  const { t } = props.ctx;
  const { done, total, current, failures, finished } = props.progress;
  if (finished && failures.length === 0) return null;
  return (
    <div class="note" role="status">
      {finished ? null : <p>{t('home.library.reading', { n: done, total, title: current ?? '' })}</p>}
      {failures.length ? (
        <>
          <p>{t('home.library.failed', { count: failures.length })}</p>
          <ul>
            {failures.map((f) => (
              <li>
                <UserText>
                  <code>{f.file}</code>
                </UserText>
                {t('ui.colon')}
                <span lang="en" dir="ltr">
                  {f.reason}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function FrameworkCards(props: { ctx: Ctx; frameworks: Framework[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <ul class="cards">
      {props.frameworks.map((f) => (
        <li>
          <h3>
            <a href={href(ctx, `/frameworks/${f.id}`)}>{frameworkName(t, f.id)}</a>
          </h3>
          <p>{t(`framework.${f.id}.about` as MessageKey)}</p>
          <p class="meta">
            {elementKinds
              .filter((k) => f.counts[k])
              .map((k) => t(`count.${k}` as MessageKey, { count: f.counts[k] ?? 0 }))
              .join(' · ')}
          </p>
          <p class="meta">{f.languages.length === languages.length ? t('framework.sixLanguages') : t('framework.englishOnly')}</p>
        </li>
      ))}
    </ul>
  );
}

// ---------------------------------------------------------------- framework tree

function TreeList(props: { ctx: Ctx; nodes: TreeNode[]; depth: number }): Child {
  const { ctx } = props;
  return (
    <ul>
      {props.nodes.map((node) => {
        const label = (
          <>
            <a class="code" href={href(ctx, `/elements/${node.e.id}`)}>
              {elementLabel(ctx.t, node.e)}
            </a>
            {node.e.kind !== 'topic' ? (
              <Foreign lang={node.e.textLanguage} page={ctx.lang} t={ctx.t}>
                {node.e.title ?? node.e.text ?? ''}
              </Foreign>
            ) : null}
          </>
        );
        if (node.children.length === 0) return <li>{label}</li>;
        // Deep levels fold away (native <details>: works without script). The link stays out of
        // the <summary>: a link inside it is a control nested in a control (axe nested-interactive).
        return props.depth >= 1 ? (
          <li>
            {label}
            <details>
              <summary>
                {ctx.t('element.children', { count: node.children.length })}
                <span class="visually-hidden">
                  {' '}
                  (<bdi>{elementLabel(ctx.t, node.e)}</bdi>)
                </span>
              </summary>
              <TreeList ctx={ctx} nodes={node.children} depth={props.depth + 1} />
            </details>
          </li>
        ) : (
          <li>
            {label}
            <TreeList ctx={ctx} nodes={node.children} depth={props.depth + 1} />
          </li>
        );
      })}
    </ul>
  );
}

function FrameworkPage(props: { ctx: Ctx; framework: Framework; tree: TreeNode[]; englishShown: boolean }) {
  const { ctx, framework } = props;
  const { t } = ctx;
  const name = frameworkName(t, framework.id);
  return (
    <Layout ctx={ctx} title={name}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, '/frameworks')}>{t('nav.frameworks')}</a>
          </li>
        </ol>
      </nav>
      <h1>{name}</h1>
      <p class="lede">{t(`framework.${framework.id}.about` as MessageKey)}</p>
      {props.englishShown ? (
        <p class="note" role="note">
          {t('framework.englishShown', { language: endonyms[ctx.lang] })}
        </p>
      ) : null}
      <p>
        <SourceLine ctx={ctx} source={framework.source} />
      </p>
      <h2>{t('framework.contents')}</h2>
      <div class="tree">
        <TreeList ctx={ctx} nodes={props.tree} depth={0} />
      </div>
    </Layout>
  );
}

// ---------------------------------------------------------------- element

function LinkItem(props: { ctx: Ctx; link: Link; other: ElementSummary }) {
  const { ctx, link } = props;
  const { t } = ctx;
  return (
    <li>
      <div>
        <StateBadge ctx={ctx} state={link.state} /> <span class="meta">{t(`link.type.${link.type}` as MessageKey)}</span>{' '}
        <span class="meta">({frameworkName(t, props.other.framework)})</span>
      </div>
      <div>
        <ElementRef ctx={ctx} e={props.other} />
      </div>
      {link.rationale ? (
        <p class="rationale">
          <span class="visually-hidden">
            {t('link.rationale')}
            {t('ui.colon')}
          </span>
          <Foreign lang="en" page={ctx.lang} t={ctx.t}>
            {link.rationale}
          </Foreign>
        </p>
      ) : (
        <p class="meta">{t('link.noRationale')}</p>
      )}
      <div>
        <SourceLine ctx={ctx} source={link.source} locator={link.sourceLocator} address={link.sourceAddress} />
        <span class="meta">
          {' · '}
          {t('link.assertedBy', { who: assertedByName(t, link.assertedBy) })}
        </span>
      </div>
      {link.flags.length ? (
        <ul class="meta">
          {link.flags.map((f) => (
            <li>
              {t('link.flag')}
              {t('ui.colon')}
              <span lang="en">{f}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function ElementPage(props: { ctx: Ctx; view: ElementView; sections: Child[] }) {
  const { ctx } = props;
  const { element: e, outgoing, incoming, derived, texts, facilitators } = props.view;
  const { t } = ctx;
  const label = elementLabel(t, e);
  const deadline = typeof e.attributes.deadline === 'string' ? e.attributes.deadline : null;
  const flags = Array.isArray(e.attributes.flags) ? (e.attributes.flags as string[]) : [];
  const wsisRefs = Array.isArray(e.attributes.wsisReferences) ? (e.attributes.wsisReferences as { wsisElement: string }[]) : [];
  const otherTexts = texts.filter((x) => x.lang !== e.textLanguage);
  return (
    <Layout ctx={ctx} title={`${label} · ${frameworkName(t, e.framework)}`} description={excerpt(e.text, 160)}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, `/frameworks/${e.framework}`)}>{frameworkName(t, e.framework)}</a>
          </li>
          {e.ancestors.map((a) => (
            <li>
              <a href={href(ctx, `/elements/${a.id}`)}>{elementLabel(t, a)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <h1>{label}</h1>
      <FallbackNote ctx={ctx} textLanguage={e.textLanguage} />
      <Foreign lang={e.textLanguage} page={ctx.lang} block>
        {e.title && e.kind !== 'topic' ? <p class="text">{e.title}</p> : null}
        {e.text && e.kind !== 'topic' ? <p class="text">{e.text}</p> : null}
      </Foreign>
      {!e.text && e.kind !== 'topic' ? <p class="meta">{t('element.noText')}</p> : null}
      <OfficialTextLine ctx={ctx} document={e.textDocument} />
      <dl class="facts">
        <dt>{t('element.framework')}</dt>
        <dd>
          <a href={href(ctx, `/frameworks/${e.framework}`)}>{frameworkName(t, e.framework)}</a>
        </dd>
        <dt>{t('element.id')}</dt>
        <dd>
          <code>{e.id}</code>
        </dd>
        {deadline ? (
          <>
            <dt>{t('element.deadline')}</dt>
            <dd>{t('element.by', { year: deadline })}</dd>
          </>
        ) : null}
        {e.attributes.status === 'legacy' ? (
          <>
            <dt>{t('element.status')}</dt>
            <dd>
              {t('element.legacy')} {typeof e.attributes.legacyNote === 'string' ? <span lang="en">{e.attributes.legacyNote}</span> : null}
            </dd>
          </>
        ) : null}
        <dt>{t('source.label')}</dt>
        <dd>
          <SourceLine ctx={ctx} source={e.source} bare />{' '}
          <span class="meta">
            ({t('source.licence')}
            {t('ui.colon')}
            <span lang="en" dir="auto">
              {e.source.licence}
            </span>
            )
          </span>
        </dd>
      </dl>
      {e.caveats.length || flags.length ? (
        <div class="note" role="note">
          <p>{t('element.caveats')}</p>
          <ul lang="en">
            {[...e.caveats, ...flags].map((c) => (
              <li>{c}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {wsisRefs.length ? (
        <>
          <h2>{t('element.wsisReferences')}</h2>
          <ul lang="en">
            {wsisRefs.map((r) => (
              <li>{r.wsisElement}</li>
            ))}
          </ul>
        </>
      ) : null}
      {facilitators.length ? (
        <>
          <h2>{t('element.facilitators')}</h2>
          <ul>
            {facilitators.map((f) => (
              <li>
                <strong>{f.shortName}</strong> <span lang="en">({f.name})</span>: {t(`facilitator.role.${f.role}` as MessageKey)}{' '}
                <span class="meta">
                  · {t('facilitator.confidence')}
                  {t('ui.colon')}
                  <span lang="en">{f.confidence}</span>
                </span>
                {f.evidence.length ? (
                  <ul class="meta">
                    {f.evidence.map((ev) => (
                      <li>
                        <a href={ev.address}>{t('facilitator.evidence')}</a>: <span lang="en">{ev.says}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {e.children.length ? (
        <>
          <h2>{t('element.children', { count: e.children.length })}</h2>
          <ul>
            {e.children.map((c) => (
              <li>
                <ElementRef ctx={ctx} e={c} full />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('element.linksOut', { count: outgoing.length })}</h2>
      {outgoing.length ? (
        <ul class="links">
          {outgoing.map((l) => (
            <LinkItem ctx={ctx} link={l} other={l.to} />
          ))}
        </ul>
      ) : (
        <p class="meta">{t('element.noLinks')}</p>
      )}
      <h2>{t('element.linksIn', { count: incoming.length })}</h2>
      {incoming.length ? (
        <ul class="links">
          {incoming.map((l) => (
            <LinkItem ctx={ctx} link={l} other={l.from} />
          ))}
        </ul>
      ) : (
        <p class="meta">{t('element.noLinks')}</p>
      )}
      {derived.length ? (
        <section aria-labelledby="derived">
          <h2 id="derived" class="derived">
            {t('element.derived', { count: derived.length })}
          </h2>
          <p class="meta">{t('element.derivedExplain')}</p>
          <ul>
            {derived.map((d) => (
              <li>
                <span class="badge derived">{t('link.derived')}</span> <ElementRef ctx={ctx} e={d.other} />{' '}
                <span class="meta">
                  {t('element.via')}{' '}
                  {d.via.map((g, i) => (
                    <>
                      {i > 0 ? ', ' : ''}
                      <a href={href(ctx, `/elements/${g.id}`)}>{elementLabel(t, g)}</a>
                    </>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.sections}
      <h2>{t('element.otherLanguages')}</h2>
      {otherTexts.length ? (
        <div class="langtexts">
          {otherTexts.map((x) => (
            <div lang={x.lang} dir={directionOf(x.lang)}>
              <h3>
                <a href={`/${x.lang}/elements/${e.id}`} hreflang={x.lang}>
                  {endonyms[x.lang]}
                </a>
              </h3>
              {x.title ? <p class="text">{x.title}</p> : null}
              {x.text ? <p class="text">{x.text}</p> : null}
              <OfficialTextLine ctx={ctx} document={x.document} />
            </div>
          ))}
        </div>
      ) : (
        <p class="meta">{t('element.onlyLanguage', { language: endonyms[e.textLanguage ?? 'en'] })}</p>
      )}
      <p class="meta">
        <a href={`/api/v1/elements/${e.id}?lang=${ctx.lang}`}>{t('element.asJson')}</a>
      </p>
    </Layout>
  );
}

// ---------------------------------------------------------------- crosswalk

const axisKeys: Record<Axis, MessageKey> = {
  'gdc-objectives': 'axis.gdc-objectives',
  'gdc-paragraphs': 'axis.gdc-paragraphs',
  'wsis-lines': 'axis.wsis-lines',
  'sdg-goals': 'axis.sdg-goals',
};

const views: { rows: Axis; columns: Axis }[] = [
  { rows: 'gdc-objectives', columns: 'sdg-goals' },
  { rows: 'gdc-paragraphs', columns: 'sdg-goals' },
  { rows: 'wsis-lines', columns: 'sdg-goals' },
  { rows: 'gdc-objectives', columns: 'wsis-lines' },
  { rows: 'gdc-paragraphs', columns: 'wsis-lines' },
];

function CrosswalkPage(props: { ctx: Ctx; rows: Axis; columns: Axis; matrix: Awaited<ReturnType<typeof crosswalkMatrix>> }) {
  const { ctx, matrix } = props;
  const { t } = ctx;
  const cells = new Map<string, MatrixCell>(matrix.cells.map((c) => [`${c.row}|${c.column}`, c]));
  const short = (e: ElementSummary) => (e.framework === 'sdg' ? e.code : e.framework === 'wsis' ? e.code : elementLabel(t, e));
  const cellHref = (row: string, column: string) =>
    href(ctx, `/crosswalk/cell?row=${encodeURIComponent(row)}&column=${encodeURIComponent(column)}`);
  const title = t('crosswalk.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lede">{t('crosswalk.lede')}</p>
      <p class="note" role="note">
        {t('crosswalk.noOfficialGdcWsis')}
      </p>
      <nav aria-label={t('crosswalk.views')}>
        <ul>
          {views.map((v) => (
            <li>
              <a
                href={href(ctx, `/crosswalk?rows=${v.rows}&columns=${v.columns}`)}
                aria-current={v.rows === props.rows && v.columns === props.columns ? 'page' : undefined}
              >
                {t('crosswalk.view', { rows: t(axisKeys[v.rows]), columns: t(axisKeys[v.columns]) })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2 id="matrix-title">{t('crosswalk.view', { rows: t(axisKeys[props.rows]), columns: t(axisKeys[props.columns]) })}</h2>
      <p class="meta">{matrix.derivedApplies ? t('crosswalk.howToReadDerived') : t('crosswalk.howToRead')}</p>
      <div class="scroll" role="region" aria-labelledby="matrix-title" tabindex={0}>
        <table class="matrix">
          <caption class="visually-hidden">
            {t('crosswalk.view', { rows: t(axisKeys[props.rows]), columns: t(axisKeys[props.columns]) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(axisKeys[props.rows])}</th>
              {matrix.columns.map((c) => (
                <th scope="col">
                  <a href={href(ctx, `/elements/${c.id}`)} title={c.title ?? c.text ?? ''}>
                    {short(c)}
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r) => (
              <tr>
                <th scope="row">
                  <a href={href(ctx, `/elements/${r.id}`)}>{elementLabel(t, r)}</a>{' '}
                  <Foreign lang={r.textLanguage} page={ctx.lang}>
                    {excerpt(r.title ?? r.text, 70)}
                  </Foreign>
                </th>
                {matrix.columns.map((c) => {
                  const cell = cells.get(`${r.id}|${c.id}`);
                  if (!cell || (cell.links === 0 && cell.derived === 0)) return <td>0</td>;
                  return (
                    <td>
                      <a
                        href={cellHref(r.id, c.id)}
                        aria-label={t('crosswalk.cellLabel', {
                          links: cell.links,
                          derived: cell.derived,
                          row: elementLabel(t, r),
                          column: elementLabel(t, c),
                        })}
                      >
                        {cell.links}
                        {matrix.derivedApplies ? (
                          <span class="derived"> · {t('crosswalk.derivedShort', { count: cell.derived })}</span>
                        ) : null}
                      </a>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="meta">
        <a href={`/api/v1/crosswalk?rows=${props.rows}&columns=${props.columns}&lang=${ctx.lang}`}>{t('element.asJson')}</a>
      </p>
    </Layout>
  );
}

function CellPage(props: { ctx: Ctx; cell: NonNullable<Awaited<ReturnType<typeof crosswalkCell>>> }) {
  const { ctx, cell } = props;
  const { t } = ctx;
  const title = t('crosswalk.cellTitle', { row: elementLabel(t, cell.row), column: elementLabel(t, cell.column) });
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, '/crosswalk')}>{t('crosswalk.title')}</a>
          </li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <p>
        <ElementRef ctx={ctx} e={cell.row} />
      </p>
      <p>
        <ElementRef ctx={ctx} e={cell.column} />
      </p>
      <h2>{t('crosswalk.storedLinks', { count: cell.links.length })}</h2>
      {cell.links.length ? (
        <ul class="links">
          {cell.links.map((l) => (
            <li>
              <div>
                <StateBadge ctx={ctx} state={l.state} /> <span class="meta">{t(`link.type.${l.type}` as MessageKey)}</span>
              </div>
              <div>
                <ElementRef ctx={ctx} e={l.from} /> → <ElementRef ctx={ctx} e={l.to} />
              </div>
              {l.rationale ? (
                <p class="rationale">
                  <Foreign lang="en" page={ctx.lang} t={ctx.t}>
                    {l.rationale}
                  </Foreign>
                </p>
              ) : (
                <p class="meta">{t('link.noRationale')}</p>
              )}
              <SourceLine ctx={ctx} source={l.source} locator={l.sourceLocator} address={l.sourceAddress} />
            </li>
          ))}
        </ul>
      ) : (
        <p class="meta">{t('element.noLinks')}</p>
      )}
      {cell.derived.length ? (
        <section aria-labelledby="derived">
          <h2 id="derived" class="derived">
            {t('crosswalk.derivedLinks', { count: cell.derived.length })}
          </h2>
          <p class="meta">{t('element.derivedExplain')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('crosswalk.sharedGoal')}</th>
                <th scope="col">{elementLabel(t, cell.row)}</th>
                <th scope="col">{elementLabel(t, cell.column)}</th>
              </tr>
            </thead>
            <tbody>
              {cell.derived.map((d) => (
                <tr>
                  <th scope="row">
                    <ElementRef ctx={ctx} e={d.goal} />
                  </th>
                  <td>
                    {d.rowSide.map((x, i) => (
                      <>
                        {i > 0 ? ', ' : ''}
                        <a href={href(ctx, `/elements/${x.id}`)}>{elementLabel(t, x)}</a>
                      </>
                    ))}
                  </td>
                  <td>
                    {d.columnSide.map((x, i) => (
                      <>
                        {i > 0 ? ', ' : ''}
                        <a href={href(ctx, `/elements/${x.id}`)}>{elementLabel(t, x)}</a>
                      </>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </Layout>
  );
}

// ---------------------------------------------------------------- search

export function SearchForm(props: { ctx: Ctx; q: string; framework?: string; inLang?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <form class="inline" method="get" action={href(ctx, '/search')} role="search">
      <div>
        <label for="q">{t('search.query')}</label>
        <input id="q" name="q" type="search" value={props.q} size={40} />
      </div>
      <div>
        <label for="framework">{t('search.framework')}</label>
        <select id="framework" name="framework">
          <option value="">{t('search.all')}</option>
          {frameworkIds.map((f) => (
            <option value={f} selected={props.framework === f}>
              {frameworkName(t, f)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="in">{t('search.inLanguage')}</label>
        <select id="in" name="in">
          <option value="">{t('search.allLanguages')}</option>
          {languages.map((l) => (
            <option value={l} selected={props.inLang === l} lang={l}>
              {endonyms[l]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
}

function SearchPage(props: {
  ctx: Ctx;
  q: string;
  framework: string;
  inLang: string;
  result: Awaited<ReturnType<typeof searchElements>> | null;
  error: string | null;
}) {
  const { ctx, result } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={props.q ? t('search.resultsFor', { q: props.q }) : t('search.title')}>
      <h1>{t('search.title')}</h1>
      <SearchForm ctx={ctx} q={props.q} framework={props.framework} inLang={props.inLang} />
      {props.error ? (
        <p class="note" role="alert">
          {props.error}
        </p>
      ) : null}
      {result ? (
        <>
          <h2 aria-live="polite">{t('search.count', { count: result.total, q: props.q })}</h2>
          <ol class="links">
            {result.items.map((hit) => (
              <li>
                <div>
                  <a href={href(ctx, `/elements/${hit.id}`)}>{elementLabel(t, hit)}</a>{' '}
                  <span class="meta">({frameworkName(t, hit.framework)})</span>
                </div>
                {hit.englishFallback ? (
                  <p class="meta">
                    {t('search.englishText', {
                      language: t(`language.${isLanguage(props.inLang) ? props.inLang : ctx.lang}` as MessageKey),
                    })}
                  </p>
                ) : null}
                {hit.snippet ? (
                  <p lang={hit.matchLanguage} dir={directionOf(hit.matchLanguage)} dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                ) : (
                  <p>
                    <Foreign lang={hit.textLanguage} page={ctx.lang}>
                      {excerpt(hit.title ?? hit.text)}
                    </Foreign>
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </Layout>
  );
}

// ---------------------------------------------------------------- sources

function SourcesPage(props: { ctx: Ctx; sources: SourceWithNotes[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('sources.title')}>
      <h1>{t('sources.title')}</h1>
      <p class="lede">{t('sources.lede')}</p>
      {props.sources.map((s) => (
        <section aria-labelledby={s.id}>
          <h2 id={s.id} lang="en" dir="ltr">
            {s.title}
          </h2>
          <dl class="facts" lang="en" dir="ltr">
            {s.documentSymbol ? (
              <>
                <dt>{t('sources.symbol')}</dt>
                <dd>{s.documentSymbol}</dd>
              </>
            ) : null}
            {s.address ? (
              <>
                <dt>{t('sources.address')}</dt>
                <dd>
                  {/* A file of Concord's own repository ("data/indicators/catalogue.json") is no address on this site. */}
                  {onTheWeb(s.address) ? <a href={s.address}>{s.address}</a> : <code>{s.address}</code>}
                </dd>
              </>
            ) : null}
            {s.repository ? (
              <>
                <dt>{t('sources.repository')}</dt>
                <dd>
                  {s.repository} {s.commit ? <code>{s.commit.slice(0, 12)}</code> : null} {s.path ? <code>{s.path}</code> : null}
                </dd>
              </>
            ) : null}
            <dt>{t('source.licence')}</dt>
            <dd>{s.licence}</dd>
          </dl>
          {s.notes.length ? (
            <ul lang="en" dir="ltr" class="meta">
              {s.notes.map((n) => (
                <li>{n}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}

// ---------------------------------------------------------------- routes

export function registerFrameworkPages(app: Hono<AppEnv>): void {
  const L = localePath;
  const ctxOf = pageContext;

  app.get(`${L}/frameworks`, cachedForReaders(['reference']), async (c) => {
    const ctx = ctxOf(c);
    const frameworks = await listFrameworks(c.var.store.db);
    return c.html(
      <Layout ctx={ctx} title={ctx.t('nav.frameworks')}>
        <h1>{ctx.t('nav.frameworks')}</h1>
        <FrameworkCards ctx={ctx} frameworks={frameworks} />
      </Layout>,
    );
  });

  app.get(`${L}/frameworks/:id`, cachedForReaders(['reference']), async (c, next) => {
    const ctx = ctxOf(c);
    const framework = (await listFrameworks(c.var.store.db)).find((f) => f.id === c.req.param('id'));
    if (!framework) return next();
    const tree = await frameworkTree(c.var.store.db, framework.id, ctx.lang);
    const englishShown = !framework.languages.includes(ctx.lang);
    return c.html(<FrameworkPage ctx={ctx} framework={framework} tree={tree} englishShown={englishShown} />);
  });

  app.get(`${L}/elements/:id`, async (c, next) => {
    const ctx = ctxOf(c);
    const db = c.var.store.db;
    const id = c.req.param('id');
    // One statement for the framework graph's part of the page; the sections add theirs.
    const view = await getElementView(db, id, ctx.lang);
    if (!view) return next();
    const sections = await renderSections(c, 'element', { db, id, ctx, user: c.var.user });
    return c.html(<ElementPage ctx={ctx} view={view} sections={sections} />);
  });

  app.get(`${L}/crosswalk`, cachedForReaders(['reference']), async (c) => {
    const ctx = ctxOf(c);
    const rowsAxis = (axes as readonly string[]).includes(c.req.query('rows') ?? '') ? (c.req.query('rows') as Axis) : 'gdc-objectives';
    let columnsAxis = (axes as readonly string[]).includes(c.req.query('columns') ?? '') ? (c.req.query('columns') as Axis) : 'sdg-goals';
    if (columnsAxis === rowsAxis) columnsAxis = rowsAxis === 'sdg-goals' ? 'gdc-objectives' : 'sdg-goals';
    const matrix = await crosswalkMatrix(c.var.store.db, rowsAxis, columnsAxis, ctx.lang);
    return c.html(<CrosswalkPage ctx={ctx} rows={rowsAxis} columns={columnsAxis} matrix={matrix} />);
  });

  app.get(`${L}/crosswalk/cell`, async (c, next) => {
    const ctx = ctxOf(c);
    const row = c.req.query('row');
    const column = c.req.query('column');
    if (!row || !column) return next();
    const cell = await crosswalkCell(c.var.store.db, row, column, ctx.lang);
    if (!cell) return next();
    return c.html(<CellPage ctx={ctx} cell={cell} />);
  });

  app.get(`${L}/search`, async (c) => {
    const ctx = ctxOf(c);
    const q = (c.req.query('q') ?? '').trim();
    const framework = (frameworkIds as readonly string[]).includes(c.req.query('framework') ?? '') ? c.req.query('framework')! : '';
    const inLang = c.req.query('in') ?? '';
    let error: string | null = null;
    let result = null;
    if (q.length > 500) error = ctx.t('search.tooLong', { max: 500 });
    else if (q) {
      result = await searchElements(c.var.store.db, q, ctx.lang, {
        lang: isLanguage(inLang) ? inLang : undefined,
        framework: framework || undefined,
        limit: 50,
      });
    }
    return c.html(<SearchPage ctx={ctx} q={q} framework={framework} inLang={inLang} result={result} error={error} />);
  });

  app.get(`${L}/sources`, async (c) => {
    const ctx = ctxOf(c);
    return c.html(<SourcesPage ctx={ctx} sources={await listSources(c.var.store.db)} />);
  });
}
