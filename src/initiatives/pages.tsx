// Registry pages: the public registry with filters, an initiative's page, its history, the
// submission and edit form (plain HTML, every language, accessible errors), the reviewers'
// queue and "my organizations". The element pages list the published initiatives linked to them.
import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { choroplethSvg } from '../charts/svg.ts';
import type { AppEnv } from '../web/env.ts';
import { Foreign, href, Layout, pageContext, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { requireUser } from '../web/session.ts';
import { fieldErrors, firstValue, readRawForm, refusalError, type FieldErrors } from '../web/forms.ts';
import { ErrorSummary, Field, PostForm, SelectField } from '../web/form-ui.tsx';
import { registerSection, renderSections } from '../web/sections.tsx';
import { Refusal } from '../shared/refusal.ts';
import { listOffset } from '../shared/fields.ts';
import { directionOf, endonyms, languages, type Language } from '../language/languages.ts';
import type { MessageKey } from '../i18n/index.ts';
import { historyOf } from '../provenance/history.ts';
import { actorNames, ChangeTable } from '../provenance/change-table.tsx';
import { areaReader, readAreaFilter, type AreaReader } from '../areas/typed.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { listOrganizations, membersOf, membershipsOf, stakeholderTypes } from '../organizations/service.ts';
import { searchElements, summaries, type ElementSummary } from '../frameworks/service.ts';
import { elementLabel } from '../frameworks/pages.tsx';
import { initiativeInput, initiativeStatuses, linkTypes, partnerRoles, type InitiativeInput } from './model.ts';
import {
  areaCatalog,
  canEdit,
  createInitiative,
  getInitiative,
  listInitiatives,
  registryCountries,
  registryFacets,
  suggestElements,
  transition,
  updateInitiative,
  type Initiative,
  type InitiativePage,
  type InitiativeSummary,
  type RegistryFacets,
} from './service.ts';

import { duplicateCandidates } from './duplicates.ts';
import { SubmitCheckPage } from './duplicate-pages.tsx';
import { registerSuggestions } from './suggestions.ts';
import { assets } from '../web/assets.ts';
import { decideSuggestedLink } from './link-review.ts';
import { registrySource, sourceFilterValues } from '../registries/sources.ts';
import { Value } from '../web/text.tsx';
import { formatDate, formatMoney } from '../i18n/format.ts';
type Ctx = PageContext & { csrf: string };
const PAGE = 25;
const LINK_ROWS = 5;
const PARTNER_ROWS = 3;
const WEB_ROWS = 3;

function StateBadge(props: { ctx: Ctx; state: string }) {
  return <span class={`badge record-${props.state}`}>{props.ctx.t(`initiative.state.${props.state}` as MessageKey)}</span>;
}

async function areaName(code: string, lang: Language): Promise<string> {
  const area = (await areaCatalog()).areas.get(code);
  return area?.names[lang] ?? area?.names.en ?? code;
}

// ---------------------------------------------------------------- the registry

function InitiativeList(props: { ctx: Ctx; items: InitiativeSummary[]; showState?: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <ul class="links">
      {props.items.map((i) => (
        <li>
          <div>
            <a href={href(ctx, `/initiatives/${i.id}`)}>
              <Foreign lang={i.titleLanguage} page={ctx.lang} t={t}>
                {i.title}
              </Foreign>
            </a>{' '}
            {props.showState ? <StateBadge ctx={ctx} state={i.state} /> : null}
          </div>
          <div class="meta">
            <span dir="auto">{i.leadOrganization.name}</span> · {t(`initiative.status.${i.status}` as MessageKey)}
            {i.startDate ? ` · ${i.startDate.slice(0, 4)}–${i.endDate?.slice(0, 4) ?? ''}` : ''}
            {i.areas.length ? ` · ${i.areas.slice(0, 8).join(', ')}${i.areas.length > 8 ? '…' : ''}` : ''}
            {i.source ? ` · ${t('initiative.fromSource', { source: i.source.toUpperCase() })}` : ''}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The refinements beside the list: each value with how many of the matches have it. */
function Facets(props: { ctx: Ctx; query: Record<string, string>; facets: RegistryFacets; labels: Map<string, string> }) {
  const { ctx, query, facets, labels } = props;
  const { t } = ctx;
  const number = new Intl.NumberFormat(ctx.lang);
  const groups: { title: MessageKey; param: string; counts: Record<string, number> }[] = [
    { title: 'initiative.status', param: 'status', counts: facets.status },
    { title: 'organization.stakeholderType', param: 'stakeholderType', counts: facets.stakeholderType },
    { title: 'registry.facetGroup', param: 'area', counts: facets.group },
    { title: 'registry.facetObjective', param: 'element', counts: facets.objective },
    { title: 'registry.facetActionLine', param: 'element', counts: facets.actionLine },
    { title: 'registry.facetSource', param: 'source', counts: facets.source },
  ];
  const link = (param: string, value: string | undefined) => {
    const p = new URLSearchParams(Object.entries(query).filter(([k, v]) => v && k !== param));
    if (value) p.set(param, value);
    return `/registry?${p.toString()}`;
  };
  return (
    <aside class="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">{t('registry.refine')}</h2>
      {groups.map((g) => {
        const values = Object.entries(g.counts).filter(([value, n]) => n > 0 || query[g.param] === value);
        if (values.length === 0) return null;
        return (
          <section>
            <h3>{t(g.title)}</h3>
            <ul>
              {values.map(([value, n]) => {
                const chosen = query[g.param] === value;
                return (
                  <li>
                    <a href={href(ctx, link(g.param, chosen ? undefined : value))} aria-current={chosen ? 'true' : undefined}>
                      {labels.get(`${g.param}:${value}`) ?? value}
                    </a>{' '}
                    <span class="meta">({number.format(n)})</span>
                    {chosen ? <span class="visually-hidden"> {t('registry.facetChosen')}</span> : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}

function RegistryPage(props: {
  ctx: Ctx;
  query: Record<string, string>;
  result: Awaited<ReturnType<typeof listInitiatives>>;
  offset: number;
  facets: RegistryFacets;
  labels: Map<string, string>;
  /** The area code the place filter names (the API takes codes only). */
  areaCode?: string | undefined;
  /** Said beside the place filter when it names no area: nothing is listed then. */
  areaError?: string | undefined;
}) {
  const { ctx, query, result } = props;
  const { t } = ctx;
  const params = (offset: number) => {
    const p = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    p.set('offset', String(offset));
    return `/registry?${p.toString()}`;
  };
  return (
    <Layout ctx={ctx} title={t('registry.title')}>
      <h1>{t('registry.title')}</h1>
      <p class="lede">{t('registry.lede')}</p>
      <p>
        <a href={href(ctx, '/initiatives/new')}>{t('initiative.newTitle')}</a>
      </p>
      <form method="get" action={href(ctx, '/registry')} class="inline" role="search" aria-label={t('registry.filters')}>
        <div>
          <label for="q">{t('search.query')}</label>
          <input id="q" name="q" type="search" value={query.q ?? ''} />
        </div>
        <div>
          <label for="element">{t('registry.element')}</label>
          <input id="element" name="element" value={query.element ?? ''} size={12} dir="ltr" aria-describedby="element-hint" />
          <span id="element-hint" class="visually-hidden">
            {t('initiative.elementHint')}
          </span>
        </div>
        <div>
          <label for="area">{t('registry.area')}</label>
          <input
            id="area"
            name="area"
            value={query.area ?? ''}
            size={12}
            dir="auto"
            aria-describedby={props.areaError ? 'area-error' : 'area-hint'}
            aria-invalid={props.areaError ? 'true' : undefined}
          />
          <span id="area-hint" class="visually-hidden">
            {t('coverage.areaHint')}
          </span>
          {props.areaError ? (
            <p class="error" id="area-error">
              <span class="visually-hidden">{t('form.errorPrefix')}</span>
              {props.areaError}
            </p>
          ) : null}
        </div>
        <div>
          <label for="stakeholderType">{t('organization.stakeholderType')}</label>
          <select id="stakeholderType" name="stakeholderType">
            <option value="">{t('registry.anyStakeholderType')}</option>
            {stakeholderTypes.map((s) => (
              <option value={s} selected={query.stakeholderType === s}>
                {t(`stakeholder.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="status">{t('initiative.status')}</label>
          <select id="status" name="status">
            <option value="">{t('registry.anyStatus')}</option>
            {initiativeStatuses.map((s) => (
              <option value={s} selected={query.status === s}>
                {t(`initiative.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="year">{t('registry.year')}</label>
          <input id="year" name="year" type="number" min="1990" max="2100" value={query.year ?? ''} />
        </div>
        <button type="submit">{t('search.submit')}</button>
      </form>
      <div class="with-facets">
        <div>
          <h2 aria-live="polite">
            {result.totalIsLowerBound ? t('registry.countMore', { count: result.total }) : t('registry.count', { count: result.total })}
          </h2>
          <InitiativeList ctx={ctx} items={result.items} />
          <nav aria-label={t('registry.pages')}>
            {props.offset > 0 ? <a href={href(ctx, params(Math.max(0, props.offset - PAGE)))}>{t('registry.previous')}</a> : null}{' '}
            {props.offset + PAGE < result.total ? <a href={href(ctx, params(props.offset + PAGE))}>{t('registry.next')}</a> : null}
          </nav>
        </div>
        <Facets ctx={ctx} query={query} facets={props.facets} labels={props.labels} />
      </div>
      <p class="meta">
        <a href={href(ctx, `/registry/map?${new URLSearchParams(Object.entries(query).filter(([, v]) => v)).toString()}`)}>
          {t('registry.mapLink')}
        </a>{' '}
        · <a href={href(ctx, '/registry/sources')}>{t('registrySources.title')}</a>·{' '}
        <a href={href(ctx, '/registry/transfer')}>{t('transfer.title')}</a> ·{' '}
        <a
          href={`/api/v1/initiatives?${new URLSearchParams(Object.entries({ ...query, area: props.areaCode ?? '' }).filter(([, v]) => v)).toString()}`}
        >
          {t('element.asJson')}
        </a>
      </p>
    </Layout>
  );
}

// ---------------------------------------------------------------- one initiative

/** The text in the reader's language, else English, else the first. */
function shownText(i: Initiative, lang: Language): Initiative['texts'][number] {
  return i.texts.find((x) => x.lang === lang) ?? i.texts.find((x) => x.lang === 'en') ?? i.texts[0]!;
}

/** Where an imported record comes from: its registry, licence, the date it was read, and why it is read-only. */
function SourceNote(props: { ctx: Ctx; initiative: Initiative }) {
  const { ctx, initiative: i } = props;
  const { t } = ctx;
  const source = i.source!;
  const registry = registrySource(source.id);
  const readAt = source.readAt
    ? new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(source.readAt))
    : '';
  return (
    <section class="note" role="note" aria-labelledby="source-title">
      <h2 id="source-title">{t('initiative.sourceTitle')}</h2>
      <dl class="facts">
        <dt>{t('initiative.sourceRegistry')}</dt>
        <dd>
          <a href={href(ctx, `/registry/sources#${source.id}`)} lang="en" dir="ltr">
            {registry?.name ?? source.id}
          </a>
          {source.url ? (
            <>
              {' · '}
              <a href={source.url} rel="nofollow noopener" dir="ltr">
                {t('initiative.sourceRecord', { id: source.recordId })}
              </a>
            </>
          ) : null}
        </dd>
        <dt>{t('source.licence')}</dt>
        <dd lang="en" dir="ltr">
          {registry ? <a href={registry.licence.url}>{source.licence}</a> : source.licence}
        </dd>
        <dt>{t('initiative.sourceReadAt')}</dt>
        <dd>
          <time datetime={source.readAt ?? ''}>{readAt}</time>
        </dd>
      </dl>
      {!source.claimed ? <p>{t('initiative.importedReadOnly', { source: source.id.toUpperCase() })}</p> : null}
      {i.archivedReason ? (
        <p>
          <strong>{t('initiative.archivedReason')}</strong>
          {t('ui.colon')}
          <span lang="en" dir="ltr">
            {i.archivedReason}
          </span>
        </p>
      ) : null}
    </section>
  );
}

function InitiativePage(props: {
  ctx: Ctx;
  initiative: Initiative;
  elements: Awaited<ReturnType<typeof summaries>>;
  areas: { code: string; name: string }[];
  editable: boolean;
  reviewer: boolean;
  notice?: string | undefined;
  sections: Child[];
}) {
  const { ctx, initiative: i } = props;
  const { t } = ctx;
  const shown = shownText(i, ctx.lang);
  const others = i.texts.filter((x) => x !== shown);
  const byId = new Map(props.elements.map((e) => [e.id, e]));
  const isPublic = i.state === 'published' || i.state === 'archived';
  return (
    <Layout ctx={ctx} title={shown.title}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, '/registry')}>{t('registry.title')}</a>
          </li>
        </ol>
      </nav>
      <h1 lang={shown.lang} dir="auto">
        {shown.title}
      </h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {!isPublic ? (
        <p class="note" role="note">
          <StateBadge ctx={ctx} state={i.state} /> {t(`initiative.stateExplain.${i.state}` as MessageKey)}
          {i.reviewNote ? (
            <>
              <br />
              <strong>{t('review.note')}</strong>
              {t('ui.colon')}
              <span dir="auto">{i.reviewNote}</span>
            </>
          ) : null}
        </p>
      ) : null}
      {i.source ? <SourceNote ctx={ctx} initiative={i} /> : null}
      {shown.lang !== ctx.lang ? (
        <p class="note" role="note">
          {t('text.fallback', { language: endonyms[ctx.lang], shown: endonyms[shown.lang] })}
        </p>
      ) : null}
      <div lang={shown.lang} dir="auto">
        <p class="text">{shown.description}</p>
      </div>
      <dl class="facts">
        <dt>{t('initiative.lead')}</dt>
        <dd>
          <a href={href(ctx, `/organizations/${i.leadOrganization.id}`)} dir="auto">
            {i.leadOrganization.name}
          </a>{' '}
          <span class="meta">({t(`stakeholder.${i.leadOrganization.stakeholderType}` as MessageKey)})</span>
        </dd>
        {i.partners.length ? (
          <>
            <dt>{t('initiative.partners')}</dt>
            <dd>
              <ul>
                {i.partners.map((p) => (
                  <li>
                    <a href={href(ctx, `/organizations/${p.organizationId}`)} dir="auto">
                      {p.name}
                    </a>{' '}
                    <span class="meta">({t(`partner.role.${p.role}` as MessageKey)})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('initiative.status')}</dt>
        <dd>{t(`initiative.status.${i.status}` as MessageKey)}</dd>
        {i.startDate || i.endDate ? (
          <>
            <dt>{t('initiative.dates')}</dt>
            <dd>
              <Value>{i.startDate ? formatDate(ctx.lang, i.startDate) : '…'}</Value> –{' '}
              <Value>{i.endDate ? formatDate(ctx.lang, i.endDate) : '…'}</Value>
            </dd>
          </>
        ) : null}
        {i.budget ? (
          <>
            <dt>{t('initiative.budget')}</dt>
            <dd>
              <Value>{formatMoney(ctx.lang, Number(i.budget.amount), i.budget.currency)}</Value>
            </dd>
          </>
        ) : null}
        {props.areas.length ? (
          <>
            <dt>{t('initiative.areas')}</dt>
            <dd>{props.areas.map((a) => a.name).join(', ')}</dd>
          </>
        ) : null}
        {i.webLinks.length ? (
          <>
            <dt>{t('initiative.webLinks')}</dt>
            <dd>
              <ul>
                {i.webLinks.map((w) => (
                  <li>
                    <a href={w.url} rel="nofollow noopener ugc" dir="ltr">
                      {w.label ?? w.url}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('initiative.links', { count: i.links.length })}</h2>
      <ul class="links">
        {i.links.map((l) => {
          const e = byId.get(l.elementId);
          return (
            <li>
              <div>
                <span class="meta">{t(`link.type.${l.type}` as MessageKey)}</span>{' '}
                <a href={href(ctx, `/elements/${l.elementId}`)}>{e ? elementLabel(t, e) : l.elementId}</a>{' '}
                {e ? (
                  <Foreign lang={e.textLanguage} page={ctx.lang} t={t}>
                    {(e.title ?? e.text ?? '').slice(0, 200)}
                  </Foreign>
                ) : null}
              </div>
              <p class="rationale" dir="auto">
                <span class="visually-hidden">{t('initiative.evidence')}</span>
                {l.evidence}
              </p>
              {l.source ? (
                <p class="meta">
                  {l.reviewedAtSource ? (
                    <a href={href(ctx, `/registry/sources#${l.source}`)}>
                      {t('initiative.linkReviewedAtSource', { source: l.source.toUpperCase() })}
                    </a>
                  ) : (
                    t('initiative.linkFromSource', { source: l.source.toUpperCase() })
                  )}
                </p>
              ) : null}
              {l.address ? (
                <a href={l.address} rel="nofollow noopener ugc" class="meta" dir="ltr">
                  {l.address}
                </a>
              ) : null}
            </li>
          );
        })}
      </ul>
      {i.suggestedLinks.length ? (
        <section aria-labelledby="suggested-title">
          <h2 id="suggested-title">{t('initiative.suggestedLinks', { count: i.suggestedLinks.length })}</h2>
          <p class="meta">{t('initiative.suggestedLinksExplain')}</p>
          <ul class="links">
            {i.suggestedLinks.map((l) => {
              const e = byId.get(l.elementId);
              return (
                <li>
                  <a href={href(ctx, `/elements/${l.elementId}`)}>{e ? elementLabel(t, e) : l.elementId}</a>{' '}
                  {e ? (
                    <Foreign lang={e.textLanguage} page={ctx.lang} t={t}>
                      {(e.title ?? e.text ?? '').slice(0, 200)}
                    </Foreign>
                  ) : null}
                  {props.reviewer ? (
                    <div class="actions">
                      <ActionButton ctx={ctx} id={i.id} action={`links/${l.elementId}/confirm`} label={t('initiative.suggestionConfirm')} />
                      <ActionButton
                        ctx={ctx}
                        id={i.id}
                        action={`links/${l.elementId}/reject`}
                        label={t('initiative.suggestionReject')}
                        secondary
                      />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {props.sections}
      {others.length ? (
        <>
          <h2>{t('element.otherLanguages')}</h2>
          <div class="langtexts">
            {others.map((x) => (
              <div lang={x.lang} dir="auto">
                <h3>{endonyms[x.lang]}</h3>
                <p class="text">
                  <strong>{x.title}</strong>
                </p>
                <p class="text">{x.description}</p>
              </div>
            ))}
          </div>
        </>
      ) : null}
      <h2>{t('initiative.actions')}</h2>
      <p>
        <a href={href(ctx, `/initiatives/${i.id}/history`)}>{t('initiative.history')}</a> ·{' '}
        <a href={`/api/v1/initiatives/${i.id}`}>{t('element.asJson')}</a>
      </p>
      {props.editable && !(i.source && !i.source.claimed) ? (
        <div class="actions">
          {['draft', 'returned'].includes(i.state) || props.reviewer ? (
            <p>
              <a href={href(ctx, `/initiatives/${i.id}/edit`)}>{t('initiative.edit')}</a>
            </p>
          ) : null}
          {['draft', 'returned'].includes(i.state) ? (
            <ActionButton ctx={ctx} id={i.id} action="submit" label={t('initiative.submit')} />
          ) : null}
          {i.state === 'published' ? <ActionButton ctx={ctx} id={i.id} action="reopen" label={t('initiative.reopen')} secondary /> : null}
          {i.state === 'published' ? <ActionButton ctx={ctx} id={i.id} action="archive" label={t('initiative.archive')} secondary /> : null}
        </div>
      ) : null}
      {props.reviewer && i.state === 'submitted' ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{t('review.title')}</h2>
          <ActionButton ctx={ctx} id={i.id} action="publish" label={t('review.publish')} />
          <PostForm ctx={ctx} action={href(ctx, `/initiatives/${i.id}/review`)} label={t('review.returnOrReject')}>
            <Field ctx={ctx} name="note" label={t('review.note')} hint={t('review.noteHint')} multiline required />
            <button type="submit" name="decision" value="return">
              {t('review.return')}
            </button>{' '}
            <button type="submit" name="decision" value="reject" class="secondary">
              {t('review.reject')}
            </button>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}

function ActionButton(props: { ctx: Ctx; id: string; action: string; label: string; secondary?: boolean }) {
  return (
    <PostForm ctx={props.ctx} action={href(props.ctx, `/initiatives/${props.id}/${props.action}`)} class="action" label={props.label}>
      <button type="submit" class={props.secondary ? 'secondary' : undefined}>
        {props.label}
      </button>
    </PostForm>
  );
}

function HistoryPage(props: {
  ctx: Ctx;
  initiative: Initiative;
  changes: Awaited<ReturnType<typeof historyOf>>;
  names: Map<string, string>;
}) {
  const { ctx, initiative } = props;
  const { t } = ctx;
  const title = initiative.texts[0]?.title ?? initiative.id;
  return (
    <Layout ctx={ctx} title={t('initiative.history')}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, '/registry')}>{t('registry.title')}</a>
          </li>
          <li>
            <a href={href(ctx, `/initiatives/${initiative.id}`)} dir="auto">
              {title}
            </a>
          </li>
        </ol>
      </nav>
      <h1>{t('initiative.history')}</h1>
      <ChangeTable ctx={ctx} changes={props.changes} names={props.names} caption={t('initiative.history')} hideCaption />
    </Layout>
  );
}

// ---------------------------------------------------------------- the form

/** Form field names for an input path, so errors land next to the right field. */
function formFieldOf(input: { textLangs: Language[]; pageLang: Language }) {
  return (path: string): string => {
    const [head = '', index, field] = path.split('.');
    const i = Number(index);
    switch (head) {
      case 'texts':
        return Number.isInteger(i)
          ? `${field ?? 'title'}_${input.textLangs[i] ?? input.pageLang}`
          : `title_${input.textLangs[0] ?? input.pageLang}`;
      case 'links':
        return Number.isInteger(i) ? `link_${field === 'elementId' ? 'element' : (field ?? 'element')}_${i}` : 'link_element_0';
      case 'partners':
        return Number.isInteger(i) ? `partner_${field === 'organizationId' ? 'org' : 'role'}_${i}` : 'partner_org_0';
      case 'webLinks':
        return Number.isInteger(i) ? `web_${field ?? 'url'}_${i}` : 'web_url_0';
      case 'areas':
        return 'areas';
      case 'budget':
        return field === 'currency' || index === 'currency' ? 'budgetCurrency' : 'budgetAmount';
      default:
        return head || '_form';
    }
  };
}

/** Reads the flat form into the shared input shape; rows left blank are dropped. Places may be typed by name or code. */
function inputFromForm(raw: Record<string, string | string[]>, pageLang: Language, places: AreaReader) {
  const field = (name: string) => firstValue(raw[name]);
  const textLangs = languages.filter((l) => field(`title_${l}`) || field(`description_${l}`));
  const linkRows = [...Array(LINK_ROWS + 20).keys()].filter((i) => field(`link_element_${i}`) || field(`link_evidence_${i}`));
  const partnerRows = [...Array(PARTNER_ROWS + 20).keys()].filter((i) => field(`partner_org_${i}`));
  const webRows = [...Array(WEB_ROWS + 10).keys()].filter((i) => field(`web_url_${i}`));
  const amount = field('budgetAmount').replace(/[\s,]/g, '');
  const areas = places.list(field('areas'));
  const input = {
    leadOrganizationId: field('leadOrganizationId'),
    status: field('status'),
    startDate: field('startDate') || null,
    endDate: field('endDate') || null,
    budget: amount || field('budgetCurrency') ? { amount: amount === '' ? NaN : Number(amount), currency: field('budgetCurrency') } : null,
    texts: textLangs.map((l) => ({ lang: l, title: field(`title_${l}`), description: field(`description_${l}`) })),
    partners: partnerRows.map((i) => ({ organizationId: field(`partner_org_${i}`), role: field(`partner_role_${i}`) || 'implementing' })),
    areas: areas.codes,
    webLinks: webRows.map((i) => ({ url: field(`web_url_${i}`), label: field(`web_label_${i}`) || null })),
    links: linkRows.map((i) => ({
      elementId: field(`link_element_${i}`),
      type: field(`link_type_${i}`) || 'contributes-to',
      evidence: field(`link_evidence_${i}`),
      address: field(`link_address_${i}`) || null,
    })),
  };
  // Errors on rows point at the row's position in the form, not in the compacted list.
  const fieldOf = (path: string) => {
    const [head, index, rest] = path.split('.');
    const i = Number(index);
    const rows = head === 'links' ? linkRows : head === 'partners' ? partnerRows : head === 'webLinks' ? webRows : null;
    const mapped = rows && Number.isInteger(i) ? [head, String(rows[i] ?? i), rest].filter(Boolean).join('.') : path;
    return formFieldOf({ textLangs, pageLang })(mapped);
  };
  return { input, fieldOf, unknownAreas: areas.unknown };
}

/** The form's values for an existing initiative (its places by name in the reader's language). */
function valuesOf(i: Initiative, places: AreaReader, lang: Language): Record<string, string> {
  const values: Record<string, string> = {
    leadOrganizationId: i.leadOrganization.id,
    status: i.status,
    startDate: i.startDate ?? '',
    endDate: i.endDate ?? '',
    budgetAmount: i.budget?.amount ?? '',
    budgetCurrency: i.budget?.currency ?? '',
    areas: places.names(i.areas, lang),
    version: String(i.version),
  };
  for (const x of i.texts) {
    values[`title_${x.lang}`] = x.title;
    values[`description_${x.lang}`] = x.description;
  }
  i.links.forEach((l, n) => {
    values[`link_element_${n}`] = l.elementId;
    values[`link_type_${n}`] = l.type;
    values[`link_evidence_${n}`] = l.evidence;
    values[`link_address_${n}`] = l.address ?? '';
  });
  i.partners.forEach((p, n) => {
    values[`partner_org_${n}`] = p.organizationId;
    values[`partner_role_${n}`] = p.role;
  });
  i.webLinks.forEach((w, n) => {
    values[`web_url_${n}`] = w.url;
    values[`web_label_${n}`] = w.label ?? '';
  });
  return values;
}

interface FormData {
  organizations: { id: string; name: string }[];
  leadOptions: { id: string; name: string }[];
  suggestions: Awaited<ReturnType<typeof summaries>>;
  /** The elements the link rows name, to show each by its label and text beside its identifier. */
  linked: ElementSummary[];
  /** The element finder's answer: what was searched and the elements found (undefined when nothing was searched). */
  found?: { query: string; items: ElementSummary[] } | undefined;
  /** The elements just added to the link rows by the finder. */
  added?: ElementSummary[] | undefined;
}

/** The values of a repeated field ('' dropped). */
function listOf(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : [value ?? '']).map((v) => v.trim()).filter(Boolean);
}

/**
 * Puts the elements ticked in the finder (or among the suggestions) into the first link rows
 * that name no element, skipping those a row already names, so a choice is never lost whichever button is
 * pressed. Returns the ids added; `raw` is changed in place.
 */
function addPickedElements(raw: Record<string, string | string[]>): string[] {
  const picked = listOf(raw.element_pick);
  delete raw.element_pick;
  // A row whose element is empty takes the next one (its evidence may be typed already).
  const taken = (i: number) => firstValue(raw[`link_element_${i}`]) !== '';
  const present = new Set(
    Object.keys(raw)
      .filter((k) => k.startsWith('link_element_'))
      .map((k) => firstValue(raw[k]).toLowerCase()),
  );
  const added: string[] = [];
  let row = 0;
  for (const id of picked) {
    if (present.has(id.toLowerCase())) continue;
    while (taken(row)) row++;
    raw[`link_element_${row}`] = id;
    present.add(id.toLowerCase());
    added.push(id);
  }
  return added;
}

/** The flat values a form shows again (repeated fields joined, as readRawForm does). */
function valuesFrom(raw: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
}

/** An element as a reader knows it: its label ("GDC action 11(b)") and the start of its text. */
function ElementName(props: { ctx: Ctx; e: ElementSummary; max?: number }) {
  const { ctx, e } = props;
  const text = (e.title ?? e.text ?? '').replace(/\s+/g, ' ').trim();
  const max = props.max ?? 160;
  return (
    <>
      {elementLabel(ctx.t, e)}
      {text && e.kind !== 'topic' ? (
        <>
          {ctx.t('ui.colon')}
          <Foreign lang={e.textLanguage} page={ctx.lang} t={ctx.t}>
            {text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text}
          </Foreign>
        </>
      ) : null}
    </>
  );
}

/** Beside a link row's identifier: the element it names, in words. */
function LinkedElement(props: { ctx: Ctx; id: string | undefined; linked: ElementSummary[] }) {
  const e = props.id ? props.linked.find((x) => x.id.toLowerCase() === props.id!.trim().toLowerCase()) : undefined;
  return e ? (
    <p class="meta linked-element">
      <ElementName ctx={props.ctx} e={e} max={200} />
    </p>
  ) : null;
}

/**
 * The element finder: words searched in the element texts of the reader's language, the matches
 * as boxes to tick, and a button that puts the ticked ones into the link rows. Plain buttons of
 * the initiative form (no script), so everything typed elsewhere in the form comes back as it was.
 */
function ElementFinder(props: { ctx: Ctx; query: string; data: FormData }) {
  const { ctx, data } = props;
  const { t } = ctx;
  const choices = [
    ...(data.found?.items ?? []),
    ...data.suggestions.filter((e) => !(data.found?.items ?? []).some((f) => f.id === e.id)),
  ].filter((e) => !data.linked.some((l) => l.id === e.id) || data.found?.items.some((f) => f.id === e.id));
  return (
    <div class="element-finder">
      {data.added ? (
        <p class="notice" role="status">
          {t('initiative.pick.added', { count: data.added.length })}
        </p>
      ) : null}
      <div class="field">
        <label for="f-element_q">{t('initiative.pick.query')}</label>
        <p class="hint" id="f-element_q-hint">
          {t('initiative.pick.hint')}
        </p>
        <div class="row">
          <input
            id="f-element_q"
            name="element_q"
            type="search"
            value={props.query}
            aria-describedby="f-element_q-hint"
            data-suggest={href(ctx, '/initiatives/suggest/elements')}
            data-suggest-pick="element_pick"
            data-suggest-action="_picker=add"
            data-suggest-status={t('initiative.pick.suggested', { count: '{count}' })}
          />
          <button type="submit" name="_picker" value="find" class="secondary">
            {t('initiative.pick.find')}
          </button>
        </div>
      </div>
      {data.found && data.found.items.length === 0 ? <p role="status">{t('initiative.pick.none', { q: data.found.query })}</p> : null}
      {choices.length ? (
        <fieldset class="choices">
          <legend>
            {data.found?.items.length
              ? t('initiative.pick.results', { count: data.found.items.length, q: data.found.query })
              : t('initiative.suggestions')}
          </legend>
          <ul>
            {choices.map((e) => (
              <li>
                <input type="checkbox" name="element_pick" value={e.id} id={`pick-${e.id}`} />{' '}
                <label for={`pick-${e.id}`}>
                  <ElementName ctx={ctx} e={e} />
                </label>
              </li>
            ))}
          </ul>
          <button type="submit" name="_picker" value="add" class="secondary">
            {t('initiative.pick.add')}
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}

function InitiativeFormPage(props: {
  ctx: Ctx;
  id?: string;
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
  data: FormData;
}) {
  const { ctx, values, errors, data } = props;
  const { t } = ctx;
  const title = props.id ? t('initiative.editTitle') : t('initiative.newTitle');
  const otherLangs = languages.filter((l) => l !== ctx.lang);
  const rowCount = (prefix: string, min: number) => {
    let n = min;
    for (const key of Object.keys(values)) {
      const m = new RegExp(`^${prefix}_(\\d+)$`).exec(key);
      if (m && values[key]) n = Math.max(n, Number(m[1]) + 2);
    }
    return n;
  };
  const labels: Record<string, string> = {
    leadOrganizationId: t('initiative.lead'),
    status: t('initiative.status'),
    startDate: t('initiative.startDate'),
    endDate: t('initiative.endDate'),
    budgetAmount: t('initiative.budgetAmount'),
    budgetCurrency: t('initiative.budgetCurrency'),
    areas: t('initiative.areas'),
  };
  for (const l of languages) {
    labels[`title_${l}`] = `${t('initiative.title')} (${endonyms[l]})`;
    labels[`description_${l}`] = `${t('initiative.description')} (${endonyms[l]})`;
  }
  for (let i = 0; i < 30; i++) {
    labels[`link_element_${i}`] = `${t('initiative.element')} ${i + 1}`;
    labels[`link_evidence_${i}`] = `${t('initiative.evidence')} ${i + 1}`;
    labels[`link_address_${i}`] = `${t('initiative.evidenceAddress')} ${i + 1}`;
    labels[`link_type_${i}`] = `${t('initiative.linkType')} ${i + 1}`;
    labels[`partner_org_${i}`] = `${t('initiative.partner')} ${i + 1}`;
    labels[`web_url_${i}`] = `${t('initiative.webAddress')} ${i + 1}`;
  }
  const textFields = (l: Language) => (
    <>
      <Field
        ctx={ctx}
        name={`title_${l}`}
        label={labels[`title_${l}`]!}
        value={values[`title_${l}`]}
        errors={errors}
        lang={l}
        dir="auto"
        required={l === ctx.lang}
      />
      <Field
        ctx={ctx}
        name={`description_${l}`}
        label={labels[`description_${l}`]!}
        value={values[`description_${l}`]}
        errors={errors}
        lang={l}
        dir="auto"
        multiline
        required={l === ctx.lang}
      />
    </>
  );
  const orgOptions = data.organizations.map((o) => ({ value: o.id, label: o.name }));
  return (
    <Layout ctx={ctx} title={title} head={<script src={assets.suggestScriptPath} defer />}>
      <h1>{title}</h1>
      <p class="lede">{t('initiative.formLede')}</p>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action={href(ctx, props.id ? `/initiatives/${props.id}/edit` : '/initiatives/new')}>
        {props.id ? <input type="hidden" name="version" value={values.version ?? ''} /> : null}
        <fieldset>
          <legend>{t('initiative.what')}</legend>
          {textFields(ctx.lang)}
          <details open={otherLangs.some((l) => values[`title_${l}`] || errors?.[`title_${l}`] || errors?.[`description_${l}`])}>
            <summary>{t('initiative.otherLanguages')}</summary>
            {otherLangs.map((l) => textFields(l))}
          </details>
        </fieldset>
        <fieldset>
          <legend>{t('initiative.who')}</legend>
          <SelectField
            ctx={ctx}
            name="leadOrganizationId"
            label={labels.leadOrganizationId!}
            options={data.leadOptions.map((o) => ({ value: o.id, label: o.name }))}
            value={values.leadOrganizationId}
            errors={errors}
            required
          />
          {[...Array(rowCount('partner_org', PARTNER_ROWS)).keys()].map((i) => (
            <div class="row">
              <SelectField
                ctx={ctx}
                name={`partner_org_${i}`}
                label={labels[`partner_org_${i}`]!}
                options={orgOptions}
                value={values[`partner_org_${i}`]}
                errors={errors}
              />
              <SelectField
                ctx={ctx}
                name={`partner_role_${i}`}
                label={t('initiative.partnerRole')}
                options={partnerRoles.map((r) => ({ value: r, label: t(`partner.role.${r}` as MessageKey) }))}
                value={values[`partner_role_${i}`]}
                errors={errors}
              />
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('initiative.whereWhen')}</legend>
          <Field
            ctx={ctx}
            name="areas"
            label={labels.areas!}
            value={values.areas}
            errors={errors}
            hint={t('initiative.areasHint')}
            dir="ltr"
            data={{
              'data-suggest': href(ctx, '/initiatives/suggest/places'),
              'data-suggest-list': '',
              'data-suggest-status': t('initiative.pick.suggested', { count: '{count}' }),
            }}
          />
          <SelectField
            ctx={ctx}
            name="status"
            label={labels.status!}
            options={initiativeStatuses.map((s) => ({ value: s, label: t(`initiative.status.${s}` as MessageKey) }))}
            value={values.status ?? 'ongoing'}
            errors={errors}
            required
          />
          <Field ctx={ctx} name="startDate" label={labels.startDate!} type="date" value={values.startDate} errors={errors} dir="ltr" />
          <Field ctx={ctx} name="endDate" label={labels.endDate!} type="date" value={values.endDate} errors={errors} dir="ltr" />
          <div class="row">
            <Field ctx={ctx} name="budgetAmount" label={labels.budgetAmount!} value={values.budgetAmount} errors={errors} dir="ltr" />
            <Field
              ctx={ctx}
              name="budgetCurrency"
              label={labels.budgetCurrency!}
              value={values.budgetCurrency}
              errors={errors}
              hint={t('initiative.currencyHint')}
              dir="ltr"
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('initiative.linksLegend')}</legend>
          <ElementFinder ctx={ctx} query={values.element_q ?? ''} data={data} />
          <p class="hint">{t('initiative.elementHint')}</p>
          {[...Array(rowCount('link_element', LINK_ROWS)).keys()].map((i) => (
            <div class="link-row">
              <Field
                ctx={ctx}
                name={`link_element_${i}`}
                label={labels[`link_element_${i}`]!}
                value={values[`link_element_${i}`]}
                errors={errors}
                dir="ltr"
                required={i === 0}
              />
              <LinkedElement ctx={ctx} id={values[`link_element_${i}`]} linked={data.linked} />
              <SelectField
                ctx={ctx}
                name={`link_type_${i}`}
                label={labels[`link_type_${i}`]!}
                options={linkTypes.map((l) => ({ value: l, label: t(`link.type.${l}` as MessageKey) }))}
                value={values[`link_type_${i}`] ?? 'contributes-to'}
                errors={errors}
                required
              />
              <Field
                ctx={ctx}
                name={`link_evidence_${i}`}
                label={labels[`link_evidence_${i}`]!}
                value={values[`link_evidence_${i}`]}
                errors={errors}
                dir="auto"
                required={i === 0}
              />
              <Field
                ctx={ctx}
                name={`link_address_${i}`}
                label={labels[`link_address_${i}`]!}
                type="url"
                value={values[`link_address_${i}`]}
                errors={errors}
                dir="ltr"
              />
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('initiative.webLinks')}</legend>
          {[...Array(rowCount('web_url', WEB_ROWS)).keys()].map((i) => (
            <div class="row">
              <Field
                ctx={ctx}
                name={`web_url_${i}`}
                label={labels[`web_url_${i}`]!}
                type="url"
                value={values[`web_url_${i}`]}
                errors={errors}
                dir="ltr"
              />
              <Field
                ctx={ctx}
                name={`web_label_${i}`}
                label={t('initiative.webLabel')}
                value={values[`web_label_${i}`]}
                errors={errors}
                dir="auto"
              />
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('initiative.saveDraft')}</button>
      </PostForm>
    </Layout>
  );
}

// ---------------------------------------------------------------- review and "mine"

function QueuePage(props: { ctx: Ctx; initiatives: InitiativeSummary[]; organizations: { id: string; name: string }[]; more: Child[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('review.queue')}>
      <h1>{t('review.queue')}</h1>
      <h2>{t('review.initiatives', { count: props.initiatives.length })}</h2>
      <InitiativeList ctx={ctx} items={props.initiatives} showState />
      {props.more}
      <h2>{t('review.organizations', { count: props.organizations.length })}</h2>
      <ul>
        {props.organizations.map((o) => (
          <li>
            <a href={href(ctx, `/organizations/${o.id}`)} dir="auto">
              {o.name}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** "My organizations": each organization's records by state, what needs an answer, and the sections other slices add (pledges). */
function MinePage(props: {
  ctx: Ctx;
  initiatives: InitiativeSummary[];
  memberships: Awaited<ReturnType<typeof membershipsOf>>;
  pendingMembers: Map<string, number>;
  sections: Child[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const active = props.memberships.filter((m) => m.state === 'active');
  const attention = props.initiatives.filter((i) => i.state === 'returned' || i.state === 'draft');
  return (
    <Layout ctx={ctx} title={t('mine.title')}>
      <h1>{t('mine.title')}</h1>
      <p>
        <a href={href(ctx, '/initiatives/new')}>{t('initiative.newTitle')}</a> ·{' '}
        <a href={href(ctx, '/registry/transfer')}>{t('transfer.title')}</a>
      </p>
      <div class="cards">
        {active.map((m) => {
          const own = props.initiatives.filter((i) => i.leadOrganization.id === m.organizationId);
          const pending = props.pendingMembers.get(m.organizationId) ?? 0;
          return (
            <section class="card" aria-labelledby={`org-${m.organizationId}`}>
              <h2 id={`org-${m.organizationId}`}>
                <a href={href(ctx, `/organizations/${m.organizationId}`)} dir="auto">
                  {m.organizationName}
                </a>
              </h2>
              <p class="meta">{t(`mine.role.${m.role}` as MessageKey)}</p>
              <table>
                <caption>{t('mine.byState')}</caption>
                <tbody>
                  {(['draft', 'returned', 'submitted', 'published', 'rejected', 'archived'] as const).map((state) => {
                    const count = own.filter((i) => i.state === state).length;
                    return count ? (
                      <tr>
                        <th scope="row">{t(`initiative.state.${state}`)}</th>
                        <td>{count}</td>
                      </tr>
                    ) : null;
                  })}
                </tbody>
              </table>
              {own.length === 0 ? <p class="meta">{t('mine.initiatives', { count: 0 })}</p> : null}
              {pending ? (
                <p>
                  <a href={href(ctx, `/organizations/${m.organizationId}`)}>{t('mine.joinRequests', { count: pending })}</a>
                </p>
              ) : null}
            </section>
          );
        })}
      </div>
      <h2>{t('mine.attention', { count: attention.length })}</h2>
      {attention.length ? <InitiativeList ctx={ctx} items={attention} showState /> : <p class="meta">{t('mine.nothingWaiting')}</p>}
      {props.sections}
      <h2>{t('mine.initiatives', { count: props.initiatives.length })}</h2>
      <InitiativeList ctx={ctx} items={props.initiatives} showState />
    </Layout>
  );
}

/** The registry's filters as typed in the address, and as the service takes them. */
async function registryQuery(c: Context<AppEnv>) {
  const pick = (k: string) => (c.req.query(k) ?? '').trim().slice(0, 200);
  const query = {
    q: pick('q'),
    element: pick('element'),
    area: pick('area'),
    stakeholderType: pick('stakeholderType'),
    status: pick('status'),
    source: pick('source'),
    year: pick('year'),
  };
  const year = Number(query.year);
  // The implementation map's rule (areas/typed.ts): a place by code or name, else refused, never matched as nothing.
  const area = query.area ? await readAreaFilter(query.area) : undefined;
  const filter = {
    q: query.q || undefined,
    element: query.element || undefined,
    area: area?.code,
    stakeholderType: (stakeholderTypes as readonly string[]).includes(query.stakeholderType) ? query.stakeholderType : undefined,
    status: (initiativeStatuses as readonly string[]).includes(query.status)
      ? (query.status as (typeof initiativeStatuses)[number])
      : undefined,
    source: (sourceFilterValues as readonly string[]).includes(query.source) ? query.source : undefined,
    year: Number.isInteger(year) && year > 1900 && year < 2200 ? year : undefined,
  };
  const areaError = area?.error ? c.var.t(area.error.key, area.error.values) : undefined;
  return { query, filter, areaError };
}

/** The registry by country: a world map of how many initiatives work in each (SVG), and the same as a table. */
function RegistryMapPage(props: {
  ctx: Ctx;
  query: Record<string, string>;
  svg: string;
  rows: { area: string; name: string; initiatives: number }[];
}) {
  const { ctx, query } = props;
  const { t } = ctx;
  const kept = new URLSearchParams(Object.entries(query).filter(([, v]) => v)).toString();
  const withArea = (area: string) => {
    const p = new URLSearchParams(Object.entries(query).filter(([k, v]) => v && k !== 'area'));
    p.set('area', area);
    return `/registry?${p.toString()}`;
  };
  return (
    <Layout ctx={ctx} title={t('registry.mapTitle')}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, `/registry${kept ? `?${kept}` : ''}`)}>{t('registry.title')}</a>
          </li>
        </ol>
      </nav>
      <h1>{t('registry.mapTitle')}</h1>
      <p class="lede">{t('registry.mapLede')}</p>
      <figure class="chart">
        {raw(props.svg)}
        <figcaption>
          <a href={href(ctx, `/registry/map.svg${kept ? `?${kept}` : ''}`)} download>
            {t('chart.downloadSvg')}
          </a>
        </figcaption>
      </figure>
      <table>
        <caption>{t('registry.mapTable', { count: props.rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.country')}</th>
            <th scope="col">{t('registry.initiativesColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={href(ctx, withArea(r.area))}>{r.name}</a>
              </th>
              <td>{new Intl.NumberFormat(ctx.lang).format(r.initiatives)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

// ---------------------------------------------------------------- routes

export function registerInitiativePages(app: Hono<AppEnv>): void {
  const L = localePath;
  const ctxOf = pageContext;
  registerSuggestions(app);

  // Element pages list the published initiatives linked to the element (or below it).
  registerSection(app, 'element', async ({ db, id: elementId, ctx }) => {
    const result = await listInitiatives(db, { element: elementId, lang: ctx.lang, limit: 10, offset: 0 });
    return (
      <section aria-labelledby="initiatives-title">
        <h2 id="initiatives-title">{ctx.t('element.initiatives', { count: result.total })}</h2>
        {result.total ? <InitiativeList ctx={ctx} items={result.items} /> : <p class="meta">{ctx.t('element.noInitiatives')}</p>}
        {result.total > 10 ? (
          <p>
            <a href={href(ctx, `/registry?element=${encodeURIComponent(elementId)}`)}>{ctx.t('registry.all', { count: result.total })}</a>
          </p>
        ) : null}
      </section>
    );
  });

  // Country and region profiles list the published initiatives working there (in it or in a country of it).
  registerSection(app, 'area', async ({ db, id: area, ctx }) => {
    const result = await listInitiatives(db, { area, lang: ctx.lang, limit: 10, offset: 0 });
    return (
      <section aria-labelledby="area-initiatives-title">
        <h2 id="area-initiatives-title">{ctx.t('area.initiatives', { count: result.total })}</h2>
        {result.total ? <InitiativeList ctx={ctx} items={result.items} /> : <p class="meta">{ctx.t('area.noInitiatives')}</p>}
        {result.total > 10 ? (
          <p>
            <a href={href(ctx, `/registry?area=${encodeURIComponent(area)}`)}>{ctx.t('registry.all', { count: result.total })}</a>
          </p>
        ) : null}
      </section>
    );
  });

  /** The map's data and drawing for the registry's filters. */
  const registryMap = async (c: Context<AppEnv>) => {
    const { query, filter, areaError } = await registryQuery(c);
    if (areaError) throw new Refusal(400, 'coverage.areaUnknown', 'area', { code: query.area });
    const [counts, catalog] = await Promise.all([registryCountries(c.var.store.db, filter), areaCatalog()]);
    const lang = c.var.lang;
    const rows = counts.map((r) => {
      const area = catalog.areas.get(r.area);
      return { area: r.area, name: area?.names[lang] ?? area?.names.en ?? r.area, initiatives: r.initiatives, m49: catalog.m49Of(r.area) };
    });
    const values = new Map(rows.filter((r) => r.m49).map((r) => [r.m49!.padStart(3, '0'), { value: r.initiatives, name: r.name }]));
    const svg = choroplethSvg({
      title: c.var.t('registry.mapTitle'),
      desc: c.var.t('registry.mapDesc', { count: rows.length }),
      lang,
      rtl: directionOf(lang) === 'rtl',
      values,
      breaks: [5, 20, 100, 500],
      noDataLabel: c.var.t('registry.mapNone'),
      unitLabel: c.var.t('registry.mapUnit'),
    });
    return { query, rows, svg };
  };

  app.get(`${L}/registry/map`, async (c) => {
    const { query, rows, svg } = await registryMap(c);
    return c.html(<RegistryMapPage ctx={ctxOf(c)} query={query} svg={svg} rows={rows} />);
  });

  app.get(`${L}/registry/map.svg`, async (c) => {
    const { svg } = await registryMap(c);
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' });
  });

  app.get(`${L}/registry`, async (c) => {
    const ctx = ctxOf(c);
    const { query, filter, areaError } = await registryQuery(c);
    const offset = listOffset(c.req.query('offset'));
    const db = c.var.store.db;
    if (areaError) {
      const none: InitiativePage = { items: [], total: 0, totalIsLowerBound: false };
      const empty: RegistryFacets = { status: {}, stakeholderType: {}, group: {}, objective: {}, actionLine: {}, source: {} };
      return c.html(
        <RegistryPage ctx={ctx} query={query} result={none} offset={0} facets={empty} labels={new Map()} areaError={areaError} />,
        400,
      );
    }
    const [result, facets, catalog] = await Promise.all([
      listInitiatives(db, { ...filter, lang: ctx.lang, limit: PAGE, offset }),
      registryFacets(db, filter),
      areaCatalog(),
    ]);
    const elements = await summaries(db, [...Object.keys(facets.objective), ...Object.keys(facets.actionLine)], ctx.lang);
    const labels = new Map<string, string>([
      ...initiativeStatuses.map((v) => [`status:${v}`, ctx.t(`initiative.status.${v}` as MessageKey)] as const),
      ...stakeholderTypes.map((v) => [`stakeholderType:${v}`, ctx.t(`stakeholder.${v}` as MessageKey)] as const),
      ...sourceFilterValues.map((v) => [`source:${v}`, registrySource(v)?.name ?? ctx.t('registry.sourceConcord')] as const),
      ...Object.keys(facets.group).map((v) => {
        const area = catalog.areas.get(catalog.resolve(v) ?? v);
        return [`area:${v}`, area?.names[ctx.lang] ?? area?.names.en ?? v] as const;
      }),
      ...elements.map((e) => [`element:${e.id}`, `${elementLabel(ctx.t, e)}${e.title ? `: ${e.title}` : ''}`] as const),
    ]);
    return c.html(
      <RegistryPage ctx={ctx} query={query} result={result} offset={offset} facets={facets} labels={labels} areaCode={filter.area} />,
    );
  });

  const formData = async (
    c: Context<AppEnv>,
    user: User,
    options: { texts?: InitiativeInput['texts']; values?: Record<string, string>; find?: string; added?: string[] } = {},
  ): Promise<FormData> => {
    const db = c.var.store.db;
    const lang = c.var.lang;
    const [organizations, mine, suggested, found] = await Promise.all([
      listOrganizations(db).then((all) => all.map((o) => ({ id: o.id, name: o.name }))),
      // A reviewer may lead for any organization: their memberships are not needed.
      isReviewer(user)
        ? undefined
        : membershipsOf(db, user.id).then((all) =>
            all.filter((m) => m.state === 'active').map((m) => ({ id: m.organizationId, name: m.organizationName })),
          ),
      options.texts?.length ? suggestElements(db, options.texts) : [],
      // The finder searches element texts in the reader's language (and the English-only texts, labelled).
      options.find ? searchElements(db, options.find, lang, { lang, limit: 12 }).then((r) => r.items) : undefined,
    ]);
    const suggestedIds = suggested.map((s) => s.id);
    const linkedIds = [
      ...new Set([
        ...Object.entries(options.values ?? {})
          .filter(([k, v]) => k.startsWith('link_element_') && v)
          .map(([, v]) => v),
        ...(options.added ?? []),
      ]),
    ];
    // One read names both the suggested elements and those the link rows name.
    const named = new Map((await summaries(db, [...new Set([...suggestedIds, ...linkedIds])], lang)).map((e) => [e.id, e]));
    const pick = (ids: string[]) => ids.flatMap((id) => named.get(id) ?? []);
    const linked = pick(linkedIds);
    return {
      organizations,
      leadOptions: mine ?? organizations,
      suggestions: pick(suggestedIds),
      linked,
      found: options.find && found ? { query: options.find, items: found } : undefined,
      added: options.added?.length ? linked.filter((e) => options.added!.includes(e.id)) : undefined,
    };
  };

  /**
   * Validates and saves a posted form; on a refusal, the form comes back with the error at its
   * field. The element finder posts the same form with `_picker=find` (search) or `_picker=add`
   * (put the ticked elements into link rows): the form comes back with everything typed kept.
   */
  const save = async (c: Context<AppEnv>, user: User, id?: string) => {
    const ctx = ctxOf(c);
    const { raw } = await readRawForm(c);
    const added = addPickedElements(raw);
    const values = valuesFrom(raw);
    const picker = firstValue(raw._picker);
    const find = firstValue(raw.element_q).slice(0, 200);
    // Enter in any text field presses the first button, the finder's: with nothing to find, it saves.
    if (picker === 'add' || (picker === 'find' && find)) {
      const data = await formData(c, user, { values, added, ...(picker === 'find' ? { find } : {}) });
      return c.html(<InitiativeFormPage ctx={ctx} id={id} values={values} data={data} />);
    }
    const { input, fieldOf, unknownAreas } = inputFromForm(raw, ctx.lang, await areaReader());
    const parsed = initiativeInput.safeParse(input);
    const again = async (errors: FieldErrors, status: 400 | 403 | 404 | 409) =>
      c.html(<InitiativeFormPage ctx={ctx} id={id} values={values} errors={errors} data={await formData(c, user, { values })} />, status);
    // A place typed that names no country, region or group: said with what was typed.
    const areaError: FieldErrors = unknownAreas[0] ? { areas: { key: 'initiative.areaUnknown', values: { code: unknownAreas[0] } } } : {};
    if (!parsed.success) return again({ ...fieldErrors(parsed.error.issues, fieldOf), ...areaError }, 400);
    if (unknownAreas[0]) return again(areaError, 400);
    try {
      const saved = id
        ? await updateInitiative(c.var.store, user, id, parsed.data, Number(firstValue(raw.version)))
        : await createInitiative(c.var.store, user, parsed.data);
      return c.redirect(`/${ctx.lang}/initiatives/${saved.id}?saved=1`, 303);
    } catch (error) {
      if (error instanceof Refusal && error.status !== 401 && error.status !== 429 && error.status !== 413 && error.status !== 422) {
        return again({ [error.field ? fieldOf(error.field) : '_form']: refusalError(error) }, error.status);
      }
      throw error;
    }
  };

  app.get(`${L}/initiatives/new`, async (c) => {
    const user = requireUser(c);
    const data = await formData(c, user);
    return c.html(
      <InitiativeFormPage ctx={ctxOf(c)} values={{ status: 'ongoing', leadOrganizationId: data.leadOptions[0]?.id ?? '' }} data={data} />,
    );
  });
  app.post(`${L}/initiatives/new`, async (c) => save(c, requireUser(c)));

  app.get(`${L}/initiatives/:id/edit`, async (c, next) => {
    const user = requireUser(c);
    const initiative = await getInitiative(c.var.store.db, c.req.param('id'), user);
    if (!initiative) return next();
    if (!(await canEdit(c.var.store.db, user, initiative))) throw new Refusal(403, 'initiative.notYours');
    const values = valuesOf(initiative, await areaReader(), c.var.lang);
    return c.html(
      <InitiativeFormPage
        ctx={ctxOf(c)}
        id={initiative.id}
        values={values}
        data={await formData(c, user, { texts: initiative.texts, values })}
      />,
    );
  });
  app.post(`${L}/initiatives/:id/edit`, async (c) => save(c, requireUser(c), c.req.param('id')));

  app.get(`${L}/initiatives/:id`, async (c, next) => {
    const ctx = ctxOf(c);
    const db = c.var.store.db;
    const initiative = await getInitiative(db, c.req.param('id'), c.var.user);
    if (!initiative) return next();
    const areas = await Promise.all(initiative.areas.map(async (code) => ({ code, name: await areaName(code, ctx.lang) })));
    const notice = c.req.query('saved')
      ? ctx.t('initiative.saved')
      : c.req.query('done')
        ? ctx.t(`initiative.done.${c.req.query('done')}` as MessageKey)
        : undefined;
    if (initiative.state !== 'published' && initiative.state !== 'archived') c.header('Cache-Control', 'private, no-store');
    return c.html(
      <InitiativePage
        ctx={ctx}
        initiative={initiative}
        elements={await summaries(
          db,
          [...initiative.links, ...initiative.suggestedLinks].map((l) => l.elementId),
          ctx.lang,
        )}
        areas={areas}
        editable={await canEdit(db, c.var.user, initiative)}
        reviewer={isReviewer(c.var.user)}
        notice={notice}
        sections={await renderSections(c, 'initiative', { db, id: initiative.id, ctx, user: c.var.user })}
      />,
    );
  });

  app.get(`${L}/initiatives/:id/history`, async (c, next) => {
    const ctx = ctxOf(c);
    const db = c.var.store.db;
    const initiative = await getInitiative(db, c.req.param('id'), c.var.user);
    if (!initiative) return next();
    const changes = await historyOf(db, 'initiative', initiative.id, c.var.user);
    const names = await actorNames(db, changes);
    return c.html(<HistoryPage ctx={ctx} initiative={initiative} changes={changes} names={names} />);
  });

  app.post(`${L}/initiatives/:id/:action{submit|publish|archive|reopen}`, async (c) => {
    const user = requireUser(c);
    const { raw } = await readRawForm(c);
    const action = c.req.param('action') as 'submit' | 'publish' | 'archive' | 'reopen';
    if (action === 'submit' && firstValue(raw.confirm) !== '1') {
      // Before a record goes to review, its submitters see the records that look like it.
      const initiative = await getInitiative(c.var.store.db, c.req.param('id'), user);
      const candidates =
        initiative && (await canEdit(c.var.store.db, user, initiative))
          ? await duplicateCandidates(c.var.store.db, initiative.id, user)
          : [];
      if (initiative && candidates.length > 0) {
        const title = shownText(initiative, c.var.lang).title;
        return c.html(<SubmitCheckPage ctx={ctxOf(c)} id={initiative.id} title={title} candidates={candidates} />);
      }
    }
    await transition(c.var.store, user, c.req.param('id'), action);
    return c.redirect(`/${c.var.lang}/initiatives/${c.req.param('id')}?done=${action}`, 303);
  });

  app.post(`${L}/initiatives/:id/links/:element/:decision{confirm|reject}`, async (c) => {
    const user = requireUser(c);
    await readRawForm(c);
    await decideSuggestedLink(c.var.store, user, c.req.param('id'), c.req.param('element'), c.req.param('decision') === 'confirm');
    return c.redirect(`/${c.var.lang}/initiatives/${c.req.param('id')}`, 303);
  });

  app.post(`${L}/initiatives/:id/review`, async (c) => {
    const user = requireUser(c);
    const { raw } = await readRawForm(c);
    const decision = firstValue(raw.decision) === 'reject' ? 'reject' : 'return';
    await transition(c.var.store, user, c.req.param('id'), decision, firstValue(raw.note));
    return c.redirect(`/${c.var.lang}/review`, 303);
  });

  app.get(`${L}/review`, async (c) => {
    const user = requireUser(c);
    if (!isReviewer(user)) throw new Refusal(403, 'review.notReviewer');
    const db = c.var.store.db;
    const queue = await listInitiatives(db, { lang: c.var.lang, states: ['submitted'], limit: 500, offset: 0 });
    const organizations = (await listOrganizations(db, { verified: false })).map((o) => ({ id: o.id, name: o.name }));
    const ctx = ctxOf(c);
    const more = await renderSections(c, 'review', { db, id: '', ctx, user });
    return c.html(<QueuePage ctx={ctx} initiatives={queue.items} organizations={organizations} more={more} />);
  });

  app.get(`${L}/mine`, async (c) => {
    const user = requireUser(c);
    const db = c.var.store.db;
    const result = await listInitiatives(db, {
      lang: c.var.lang,
      states: ['draft', 'submitted', 'returned', 'published', 'rejected', 'archived'],
      organizationsOf: user.id,
      limit: 500,
      offset: 0,
    });
    const memberships = await membershipsOf(db, user.id);
    // Join requests waiting for the organizations this user administers.
    const pendingMembers = new Map<string, number>();
    for (const m of memberships.filter((x) => x.state === 'active' && x.role === 'admin')) {
      pendingMembers.set(m.organizationId, (await membersOf(db, m.organizationId)).filter((x) => x.state === 'requested').length);
    }
    const ctx = ctxOf(c);
    return c.html(
      <MinePage
        ctx={ctx}
        initiatives={result.items}
        memberships={memberships}
        pendingMembers={pendingMembers}
        sections={await renderSections(c, 'mine', { db, id: user.id, ctx, user })}
      />,
    );
  });
}
