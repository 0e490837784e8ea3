// Pages of the mandate tracker, without JavaScript: the mandates with their filters and counts
// (with a document filter, the document's follow-up table, also as CSV and XLSX with the same
// rows), one mandate with its texts, answers and the reviewers' forms, the actors and "what has
// been asked of" each, and the mandates section of framework element pages.
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { Foreign, href, Layout, pageContext, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { requireUser } from '../web/session.ts';
import { readRawForm, firstValue, fieldErrors } from '../web/forms.ts';
import { Field, PostForm, SelectField } from '../web/form-ui.tsx';
import { formRoute } from '../web/form-page.tsx';
import { registerSection } from '../web/sections.tsx';
import { Refusal } from '../shared/refusal.ts';
import { isReviewer } from '../accounts/service.ts';
import { historyOf } from '../provenance/history.ts';
import { actorNames, ChangeTable } from '../provenance/change-table.tsx';
import { actorById, ACTORS } from '../documents/actors.ts';
import type { Translate } from '../i18n/index.ts';
import type { Database } from '../store/index.ts';
import {
  answerKinds,
  answerRelations,
  correctMandate,
  decideAnswer,
  getMandate,
  groupsOf,
  listActors,
  listMandates,
  mandateForces,
  mandatesOfElement,
  mandateStatuses,
  presentActor,
  proposeAnswer,
  type MandateDetail,
  type MandateFilter,
  type MandateList,
  type MandateView,
} from './service.ts';
import { aliasInput, answerInput, correctionInput, mandateFilterInput, mergeInput, type MandateFilterInput } from './model.ts';
import { addActorAlias, addedNames, mergeActors, mergedInto, survivorOf, type AddedName } from './catalogue.ts';
import { languages } from '../language/languages.ts';
import { deadlineText, mandatesCsv, mandatesXlsx, ruleText } from './export.ts';

type Ctx = PageContext & { csrf: string };

/** Rows per page (exports carry every row). */
const PAGE = 100;

/** The query string of a filter (for links that keep it). */
function queryOf(filter: Partial<MandateFilterInput>, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function StatusBadge(props: { t: Translate; m: MandateView }) {
  return (
    <>
      <span class={`badge status-${props.m.status}`}>{props.t(`mandate.status.${props.m.status}`)}</span>
      <br />
      <small class="meta">{ruleText(props.t, props.m)}</small>
    </>
  );
}

function MandateTable(props: { ctx: Ctx; items: MandateView[]; caption: string; showDocument?: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <div class="scroll">
      <table class="mandates">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.showDocument === false ? null : <th scope="col">{t('mandate.col.document')}</th>}
            <th scope="col">{t('mandate.col.paragraph')}</th>
            <th scope="col">{t('mandate.col.what')}</th>
            <th scope="col">{t('mandate.col.who')}</th>
            <th scope="col">{t('mandate.col.when')}</th>
            <th scope="col">{t('mandate.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((m) => (
            <tr>
              {props.showDocument === false ? null : (
                <td>
                  <a href={href(ctx, `/documents/${m.document.id}`)}>{m.document.symbol ?? m.document.id}</a>
                </td>
              )}
              <td>
                <a href={href(ctx, `/mandates/${m.id}`)}>{m.paragraph ?? '—'}</a>
              </td>
              <td>
                <Foreign lang={m.lang} page={ctx.lang}>
                  <strong>{m.verbText}</strong> {m.object}
                </Foreign>
              </td>
              <td>
                {m.actors.length
                  ? m.actors.map((a, i) => (
                      <>
                        {i > 0 ? '; ' : ''}
                        {a.id ? (
                          <a href={href(ctx, `/actors/${a.id}`)} title={a.text}>
                            {a.name}
                          </a>
                        ) : (
                          <span>{a.name}</span>
                        )}
                      </>
                    ))
                  : t('mandate.noActor')}
              </td>
              <td>{deadlineText(t, m)}</td>
              <td>
                <StatusBadge t={t} m={m} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FilterForm(props: { ctx: Ctx; filter: Partial<MandateFilterInput>; errors: ReturnType<typeof fieldErrors> | undefined }) {
  const { ctx, filter } = props;
  const { t } = ctx;
  const actors = ACTORS.map((a) => ({ value: a.id, label: a.names[ctx.lang] })).sort((a, b) => a.label.localeCompare(b.label, ctx.lang));
  return (
    <form method="get" action={href(ctx, '/mandates')} class="filters">
      <fieldset>
        <legend>{t('mandate.filter.legend')}</legend>
        <SelectField ctx={ctx} name="actor" label={t('mandate.filter.actor')} options={actors} value={filter.actor} errors={props.errors} />
        <Field ctx={ctx} name="document" label={t('mandate.filter.document')} value={filter.document} errors={props.errors} />
        <Field ctx={ctx} name="element" label={t('mandate.filter.element')} value={filter.element} errors={props.errors} />
        <Field ctx={ctx} name="year" type="number" label={t('mandate.filter.year')} value={filter.year?.toString()} errors={props.errors} />
        <SelectField
          ctx={ctx}
          name="status"
          label={t('mandate.filter.status')}
          options={mandateStatuses.map((s) => ({ value: s, label: t(`mandate.status.${s}`) }))}
          value={filter.status}
          errors={props.errors}
        />
        <SelectField
          ctx={ctx}
          name="force"
          label={t('mandate.filter.force')}
          options={mandateForces.map((s) => ({ value: s, label: t(`mandate.force.${s}`) }))}
          value={filter.force}
          errors={props.errors}
        />
        <Field ctx={ctx} name="asOf" type="date" label={t('mandate.filter.asOf')} value={filter.asOf} errors={props.errors} />
        <button type="submit">{t('mandate.filter.apply')}</button>
      </fieldset>
    </form>
  );
}

function Counts(props: { ctx: Ctx; filter: Partial<MandateFilterInput>; list: MandateList }) {
  const { ctx, filter, list } = props;
  const { t } = ctx;
  return (
    <div class="counts">
      <h2>{t('mandate.counts.status')}</h2>
      <ul class="inline">
        {mandateStatuses.map((s) => (
          <li>
            <a href={href(ctx, `/mandates${queryOf({ ...filter, status: s })}`)} aria-current={filter.status === s ? 'true' : undefined}>
              {t(`mandate.status.${s}`)}
            </a>{' '}
            <span class="count">{list.counts.status[s]}</span>
          </li>
        ))}
      </ul>
      <h2>{t('mandate.counts.force')}</h2>
      <ul class="inline">
        {mandateForces.map((f) => (
          <li>
            <a href={href(ctx, `/mandates${queryOf({ ...filter, force: f })}`)} aria-current={filter.force === f ? 'true' : undefined}>
              {t(`mandate.force.${f}`)}
            </a>{' '}
            <span class="count">{list.counts.force[f]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ListPage(props: {
  ctx: Ctx;
  filter: Partial<MandateFilterInput>;
  list: MandateList;
  offset: number;
  errors?: ReturnType<typeof fieldErrors>;
}) {
  const { ctx, filter, list, offset } = props;
  const { t } = ctx;
  const last = offset + list.items.length;
  return (
    <Layout ctx={ctx} title={t('mandate.list.title')}>
      <h1>{t('mandate.list.title')}</h1>
      <p>{t('mandate.list.intro', { asOf: list.asOf })}</p>
      <FilterForm ctx={ctx} filter={filter} errors={props.errors} />
      <Counts ctx={ctx} filter={filter} list={list} />
      <p>
        <strong>{t('mandate.count', { count: list.total })}</strong>
        {list.total > 0 ? (
          <>
            {' · '}
            <a href={href(ctx, `/mandates.csv${queryOf(filter)}`)}>{t('mandate.export.csv')}</a>
            {' · '}
            <a href={href(ctx, `/mandates.xlsx${queryOf(filter)}`)}>{t('mandate.export.xlsx')}</a>
          </>
        ) : null}
      </p>
      {list.items.length === 0 ? (
        <p>{t('mandate.none')}</p>
      ) : (
        <>
          <MandateTable ctx={ctx} items={list.items} caption={t('mandate.list.title')} />
          <nav class="pager" aria-label={t('mandate.page.range', { from: offset + 1, to: last, total: list.total })}>
            <p>{t('mandate.page.range', { from: offset + 1, to: last, total: list.total })}</p>
            {offset > 0 ? (
              <a href={href(ctx, `/mandates${queryOf(filter, { offset: Math.max(0, offset - PAGE) })}`)}>{t('mandate.page.previous')}</a>
            ) : null}{' '}
            {last < list.total ? <a href={href(ctx, `/mandates${queryOf(filter, { offset: last })}`)}>{t('mandate.page.next')}</a> : null}
          </nav>
        </>
      )}
    </Layout>
  );
}

/** The filter of a request's query string, and its errors (a bad field is shown beside it; the rest still filters). */
function readFilter(c: Context<AppEnv>): { filter: Partial<MandateFilterInput>; errors?: ReturnType<typeof fieldErrors> } {
  const raw = Object.fromEntries(['actor', 'document', 'element', 'year', 'status', 'force', 'asOf'].map((k) => [k, c.req.query(k) ?? '']));
  const parsed = mandateFilterInput.safeParse(raw);
  if (parsed.success) return { filter: parsed.data };
  const errors = fieldErrors(parsed.error.issues);
  const kept = mandateFilterInput.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in errors))));
  return { filter: kept.success ? kept.data : {}, errors };
}

/** `?asOf=` of a page: absent is today; a date that does not exist is refused (400), never read as another day. */
function asOfQuery(c: Context<AppEnv>): string | undefined {
  const parsed = mandateFilterInput.shape.asOf.safeParse(c.req.query('asOf') ?? '');
  if (!parsed.success) throw new Refusal(400, 'form.dateInvalid');
  return parsed.data;
}

function DetailPage(props: {
  ctx: Ctx;
  m: MandateDetail;
  reviewer: boolean;
  signedIn: boolean;
  history: Parameters<typeof ChangeTable>[0]['changes'];
  names: Map<string, string>;
}) {
  const { ctx, m } = props;
  const { t } = ctx;
  const title = t('mandate.detail.title', { document: m.document.symbol ?? m.document.id, paragraph: m.paragraph ?? '—' });
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, `/mandates${queryOf({ document: m.document.symbol ?? m.document.id })}`)}>
              {m.document.symbol ?? m.document.id}
            </a>
          </li>
        </ol>
      </nav>
      <h1>{title}</h1>
      {m.notMandate ? <p class="notice">{t('mandate.detail.notMandate', { reason: m.notMandateReason ?? '—' })}</p> : null}
      {m.present ? null : <p class="notice">{t('mandate.detail.absent')}</p>}
      <MandateTable ctx={ctx} items={[m]} caption={title} />
      <h2>{t('mandate.detail.texts')}</h2>
      {m.texts.map((x) => (
        <blockquote lang={x.lang} dir={x.lang === 'ar' ? 'rtl' : 'ltr'}>
          <p>
            <span class="badge">{t(`language.${x.lang}`)}</span> {x.text}
          </p>
        </blockquote>
      ))}
      <h2>{t('mandate.detail.elements')}</h2>
      {m.elements.length === 0 ? (
        <p>{t('mandate.detail.noElements')}</p>
      ) : (
        <ul class="inline">
          {m.elements.map((e) => (
            <li>
              <a href={href(ctx, `/elements/${e.id}`)}>{e.id}</a> <span class="meta">({e.state})</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('mandate.detail.answers')}</h2>
      {m.answers.length === 0 ? (
        <p>{t('mandate.detail.noAnswers')}</p>
      ) : (
        <ul>
          {m.answers.map((a) => (
            <li>
              <span class="badge">{t(`mandate.answer.kind.${a.kind}`)}</span> {a.title ?? a.targetId} —{' '}
              {t(`mandate.answer.relation.${a.relation}`)} ({t(`mandate.answer.state.${a.state}`)}): <q>{a.evidence}</q>
              {props.reviewer && a.state === 'proposed' ? (
                <PostForm ctx={ctx} action={href(ctx, `/mandates/answers/${a.id}/decision`)} class="inline">
                  <button type="submit" name="decision" value="confirmed">
                    {t('mandate.answer.confirm')}
                  </button>{' '}
                  <button type="submit" name="decision" value="rejected">
                    {t('mandate.answer.reject')}
                  </button>
                </PostForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {m.suggestions.length ? (
        <>
          <h2>{t('mandate.detail.suggestions')}</h2>
          <p class="hint">{t('mandate.detail.suggestionsHint')}</p>
          <ul>
            {m.suggestions.map((s) => (
              <li>
                <a href={href(ctx, `/documents/${s.documentId}`)}>{s.symbol ?? s.documentId}</a> {s.date ?? ''}
                {s.citesParagraph ? <span class="badge">{t('mandate.detail.citesParagraph')}</span> : null}
                {props.signedIn ? (
                  <>
                    {' '}
                    <a href={href(ctx, `/mandates/${m.id}/answer${queryOf({}, { kind: 'document', targetId: s.documentId })}`)}>
                      {t('mandate.answer.propose')}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.signedIn ? (
        <p>
          <a href={href(ctx, `/mandates/${m.id}/answer`)}>{t('mandate.answer.propose')}</a>
          {props.reviewer ? (
            <>
              {' · '}
              <a href={href(ctx, `/mandates/${m.id}/correct`)}>{t('mandate.correct.title')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {props.history.length ? (
        <ChangeTable ctx={ctx} changes={props.history} names={props.names} caption={t('mandate.detail.history')} />
      ) : null}
    </Layout>
  );
}

function ActorsPage(props: { ctx: Ctx; actors: Awaited<ReturnType<typeof listActors>> }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('actor.list.title')}>
      <h1>{t('actor.list.title')}</h1>
      <p>{t('actor.list.intro')}</p>
      <div class="scroll">
        <table>
          <caption class="visually-hidden">{t('actor.list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('actor.col.name')}</th>
              <th scope="col">{t('actor.col.kind')}</th>
              <th scope="col">{t('actor.col.mandates')}</th>
            </tr>
          </thead>
          <tbody>
            {props.actors.map((a) => (
              <tr>
                <td>
                  <a href={href(ctx, `/actors/${a.id}`)}>{a.name}</a>
                </td>
                <td>{t(`actor.kind.${a.kind}`)}</td>
                <td>{a.mandates}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

function ActorPage(props: {
  ctx: Ctx;
  actor: ReturnType<typeof presentActor>;
  direct: MandateList;
  viaGroups: { group: string; name: string; list: MandateList }[];
  addedNames: AddedName[];
  mergedFrom: string[];
  reviewer: boolean;
  history: Parameters<typeof ChangeTable>[0]['changes'];
  names: Map<string, string>;
}) {
  const { ctx, actor, direct } = props;
  const { t } = ctx;
  const title = t('actor.page.title', { name: actor.name });
  const documents = new Set([...direct.items, ...props.viaGroups.flatMap((g) => g.list.items)].map((m) => m.document.id));
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, '/actors')}>{t('actor.list.title')}</a>
          </li>
        </ol>
      </nav>
      <h1>{title}</h1>
      {actor.members.length ? <p>{t('actor.page.members', { members: actor.members.map((m) => m.name).join(', ') })}</p> : null}
      {actor.organization ? (
        <p>
          <a href={href(ctx, `/organizations/${actor.organization}`)}>{t('actor.page.organization')}</a>
        </p>
      ) : null}
      {props.mergedFrom.length ? (
        <p>{t('actor.page.mergedFrom', { names: props.mergedFrom.map((id) => actorById(id)?.names[ctx.lang] ?? id).join(', ') })}</p>
      ) : null}
      {props.addedNames.length ? (
        <>
          <h2>{t('actor.page.addedNames')}</h2>
          <ul>
            {props.addedNames.map((a) => (
              <li>
                <bdi lang={a.lang}>{a.alias}</bdi> <span class="meta">({t(`language.${a.lang}`)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.reviewer ? (
        <p>
          <a href={href(ctx, `/actors/${actor.id}/alias`)}>{t('actor.alias.title')}</a> ·{' '}
          <a href={href(ctx, `/actors/${actor.id}/merge`)}>{t('actor.merge.title')}</a>
        </p>
      ) : null}
      <p>
        <strong>{t('actor.page.documents', { count: documents.size })}</strong>
      </p>
      <h2>{t('actor.page.direct')}</h2>
      <p>
        <a href={href(ctx, `/mandates${queryOf({ actor: actor.id })}`)}>{t('mandate.count', { count: direct.total })}</a>
      </p>
      {direct.items.length ? (
        <MandateTable ctx={ctx} items={direct.items} caption={t('actor.page.direct')} />
      ) : (
        <p>{t('actor.page.none')}</p>
      )}
      {props.viaGroups.map((g) =>
        g.list.items.length ? (
          <>
            <h2>{t('actor.page.viaGroup', { group: g.name, name: actor.name })}</h2>
            <p>
              <a href={href(ctx, `/mandates${queryOf({ actor: g.group })}`)}>{t('mandate.count', { count: g.list.total })}</a>
            </p>
            <MandateTable ctx={ctx} items={g.list.items} caption={t('actor.page.viaGroup', { group: g.name, name: actor.name })} />
          </>
        ) : null,
      )}
      {props.history.length ? (
        <ChangeTable ctx={ctx} changes={props.history} names={props.names} caption={t('actor.page.history')} />
      ) : null}
    </Layout>
  );
}

/**
 * The implementation map's mandate gaps: how many mandates there are, how many no confirmed
 * answer links to, and the first of those by deadline (overdue ones first).
 */
export async function MandateGaps(props: { db: Database; ctx: Ctx }) {
  const { ctx } = props;
  const { t } = ctx;
  const [all, gaps] = await Promise.all([
    listMandates(props.db, ctx.lang, { limit: 1 }),
    listMandates(props.db, ctx.lang, { unanswered: true, order: 'deadline', limit: 20 }),
  ]);
  if (all.total === 0) return null;
  return (
    <section aria-labelledby="mandate-gaps">
      <h2 id="mandate-gaps">{t('mandate.gaps.title')}</h2>
      <p>
        {t('mandate.gaps.summary', { total: all.total, count: gaps.total, overdue: gaps.counts.status.overdue })}{' '}
        <a href={href(ctx, `/mandates${queryOf({ status: 'overdue' })}`)}>{t('mandate.gaps.overdue')}</a>
      </p>
      {gaps.items.length ? <MandateTable ctx={ctx} items={gaps.items} caption={t('mandate.gaps.title')} /> : null}
    </section>
  );
}

/** Lines of a textarea as a list, blank lines dropped. */
const lines = (v: string) =>
  v
    .split(/[\r\n,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function registerMandatePages(app: Hono<AppEnv>): void {
  const L = localePath;

  app.get(`${L}/mandates`, async (c) => {
    const ctx = pageContext(c);
    const { filter, errors } = readFilter(c);
    const offset = Math.max(0, Number.parseInt(c.req.query('offset') ?? '0', 10) || 0);
    const list = await listMandates(c.var.store.db, ctx.lang, { ...filter, limit: PAGE, offset });
    return c.html(<ListPage ctx={ctx} filter={filter} list={list} offset={offset} {...(errors ? { errors } : {})} />, errors ? 400 : 200);
  });

  app.get(`${L}/:file{mandates\\.(?:csv|xlsx)}`, (c) => {
    const ctx = pageContext(c);
    const { filter, errors } = readFilter(c);
    if (errors) throw new Refusal(400, 'form.invalid');
    const name = `concord-mandates${filter.document ? `-${filter.document.replace(/[^A-Za-z0-9]+/g, '-')}` : ''}`;
    if (c.req.param('file') === 'mandates.csv') {
      return c.body(mandatesCsv(c.var.store.db, ctx.lang, ctx.t, filter), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}.csv"`,
      });
    }
    return c.body(mandatesXlsx(c.var.store.db, ctx.lang, ctx.t, filter), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}.xlsx"`,
    });
  });

  app.get(`${L}/mandates/:id{[0-9]+}`, async (c) => {
    const ctx = pageContext(c);
    const m = await getMandate(c.var.store.db, Number(c.req.param('id')), ctx.lang, asOfQuery(c));
    if (!m) return c.notFound();
    const history = await historyOf(c.var.store.db, 'mandate', String(m.id), c.var.user);
    return c.html(
      <DetailPage
        ctx={ctx}
        m={m}
        reviewer={isReviewer(c.var.user)}
        signedIn={c.var.user !== null}
        history={history}
        names={await actorNames(c.var.store.db, history)}
      />,
    );
  });

  app.post(`${L}/mandates/answers/:id{[0-9]+}/decision`, async (c) => {
    const user = requireUser(c);
    const { raw } = await readRawForm(c);
    const decision = firstValue(raw.decision);
    if (decision !== 'confirmed' && decision !== 'rejected') throw new Refusal(400, 'form.chooseOne');
    const mandate = await decideAnswer(c.var.store, user, Number(c.req.param('id')), decision);
    return c.redirect(`/${c.var.lang}/mandates/${mandate}`, 303);
  });

  formRoute(app, `${L}/mandates/:id{[0-9]+}/answer`, {
    title: 'mandate.answer.propose',
    target: async (c, ctx) => {
      const m = await getMandate(c.var.store.db, Number(c.req.param('id')), ctx.lang);
      if (!m) return undefined;
      return {
        back: href(ctx, `/mandates/${m.id}`),
        backLabel: ctx.t('mandate.detail.title', { document: m.document.symbol ?? m.document.id, paragraph: m.paragraph ?? '—' }),
        id: m.id,
        query: c.req.query(),
      };
    },
    labels: (t) => ({
      kind: t('mandate.answer.kindLabel'),
      targetId: t('mandate.answer.target'),
      relation: t('mandate.answer.relationLabel'),
      evidence: t('mandate.answer.evidence'),
    }),
    form: ({ ctx, target, errors, values }) => (
      <PostForm ctx={ctx} action={href(ctx, `/mandates/${target.id}/answer`)}>
        <p class="hint">{ctx.t('mandate.answer.proposeHint')}</p>
        <SelectField
          ctx={ctx}
          name="kind"
          required
          label={ctx.t('mandate.answer.kindLabel')}
          options={answerKinds.map((k) => ({ value: k, label: ctx.t(`mandate.answer.kind.${k}`) }))}
          value={values?.kind ?? target.query.kind}
          errors={errors}
        />
        <Field
          ctx={ctx}
          name="targetId"
          required
          label={ctx.t('mandate.answer.target')}
          value={values?.targetId ?? target.query.targetId}
          errors={errors}
        />
        <SelectField
          ctx={ctx}
          name="relation"
          required
          label={ctx.t('mandate.answer.relationLabel')}
          options={answerRelations.map((k) => ({ value: k, label: ctx.t(`mandate.answer.relation.${k}`) }))}
          value={values?.relation ?? 'answers'}
          errors={errors}
        />
        <Field
          ctx={ctx}
          name="evidence"
          required
          multiline
          label={ctx.t('mandate.answer.evidence')}
          value={values?.evidence}
          errors={errors}
        />
        <button type="submit">{ctx.t('mandate.answer.submit')}</button>
      </PostForm>
    ),
    parse: (raw) => answerInput.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, firstValue(v)]))),
    save: async (c, user, data) => {
      const id = Number(c.req.param('id'));
      await proposeAnswer(c.var.store, user, id, data);
      return `/${c.var.lang}/mandates/${id}`;
    },
  });

  formRoute(app, `${L}/mandates/:id{[0-9]+}/correct`, {
    title: 'mandate.correct.title',
    target: async (c, ctx) => {
      const m = await getMandate(c.var.store.db, Number(c.req.param('id')), ctx.lang);
      if (!m) return undefined;
      return {
        back: href(ctx, `/mandates/${m.id}`),
        backLabel: ctx.t('mandate.detail.title', { document: m.document.symbol ?? m.document.id, paragraph: m.paragraph ?? '—' }),
        m,
      };
    },
    labels: (t) => ({
      actors: t('mandate.correct.actors'),
      object: t('mandate.correct.object'),
      deadlineText: t('mandate.correct.deadlineText'),
      deadlineFrom: t('mandate.correct.deadlineFrom'),
      deadlineTo: t('mandate.correct.deadlineTo'),
      notMandate: t('mandate.correct.notMandate'),
      reason: t('mandate.correct.reason'),
    }),
    form: ({ ctx, target, errors, values }) => {
      const m = target.m;
      return (
        <PostForm ctx={ctx} action={href(ctx, `/mandates/${m.id}/correct`)}>
          <Field
            ctx={ctx}
            name="actors"
            multiline
            label={ctx.t('mandate.correct.actors')}
            value={values?.actors ?? m.actors.flatMap((a) => (a.id ? [a.id] : [])).join('\n')}
            errors={errors}
          />
          <Field
            ctx={ctx}
            name="object"
            multiline
            label={ctx.t('mandate.correct.object')}
            value={values?.object ?? m.object}
            errors={errors}
          />
          <Field
            ctx={ctx}
            name="deadlineText"
            label={ctx.t('mandate.correct.deadlineText')}
            value={values?.deadlineText ?? m.deadline?.text ?? ''}
            errors={errors}
          />
          <Field
            ctx={ctx}
            name="deadlineFrom"
            type="date"
            label={ctx.t('mandate.correct.deadlineFrom')}
            value={values?.deadlineFrom ?? m.deadline?.from ?? ''}
            errors={errors}
          />
          <Field
            ctx={ctx}
            name="deadlineTo"
            type="date"
            label={ctx.t('mandate.correct.deadlineTo')}
            value={values?.deadlineTo ?? m.deadline?.to ?? ''}
            errors={errors}
          />
          <div class="field">
            <label>
              <input type="checkbox" name="notMandate" value="yes" checked={values ? values.notMandate === 'yes' : m.notMandate} />{' '}
              {ctx.t('mandate.correct.notMandate')}
            </label>
          </div>
          <Field ctx={ctx} name="reason" multiline label={ctx.t('mandate.correct.reason')} value={values?.reason ?? ''} errors={errors} />
          <button type="submit">{ctx.t('mandate.correct.submit')}</button>
        </PostForm>
      );
    },
    parse: (raw) => {
      const v = (k: string) => firstValue(raw[k]);
      const deadlineText = v('deadlineText');
      const parsed = correctionInput.safeParse({
        actors: lines(Array.isArray(raw.actors) ? raw.actors.join('\n') : (raw.actors ?? '')),
        object: v('object'),
        deadline: deadlineText ? { text: deadlineText, from: v('deadlineFrom') || null, to: v('deadlineTo') || null } : null,
        notMandate: { value: v('notMandate') === 'yes', reason: v('reason') || null },
        reason: v('reason') || null,
      });
      if (!parsed.success) {
        // Nested fields land beside their inputs.
        const issues = parsed.error.issues.map((i) => ({
          ...i,
          path:
            i.path[0] === 'deadline'
              ? [i.path[1] === 'to' ? 'deadlineTo' : i.path[1] === 'from' ? 'deadlineFrom' : 'deadlineText']
              : i.path,
        }));
        return { success: false, error: { issues } };
      }
      return parsed;
    },
    save: async (c, user, data) => {
      const id = Number(c.req.param('id'));
      const m = await getMandate(c.var.store.db, id, 'en');
      if (!m) throw new Refusal(404, 'mandate.error.notFound');
      // Only what the reviewer changed is a correction.
      const was = m.actors.flatMap((a) => (a.id ? [a.id] : []));
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      const deadline = data.deadline ?? null;
      const before = m.deadline ? { text: m.deadline.text, from: m.deadline.from, to: m.deadline.to } : null;
      await correctMandate(c.var.store, user, id, {
        ...(data.actors && !same(data.actors, was) ? { actors: data.actors } : {}),
        ...(data.object !== undefined && data.object !== m.object ? { object: data.object } : {}),
        ...(!same(deadline ? { text: deadline.text, from: deadline.from, to: deadline.to } : null, before) ? { deadline } : {}),
        ...(data.notMandate && data.notMandate.value !== m.notMandate ? { notMandate: data.notMandate } : {}),
        reason: data.reason ?? null,
      });
      return `/${c.var.lang}/mandates/${id}`;
    },
  });

  app.get(`${L}/actors`, async (c) => {
    const ctx = pageContext(c);
    return c.html(<ActorsPage ctx={ctx} actors={await listActors(c.var.store.db, ctx.lang)} />);
  });

  app.get(`${L}/actors/:id`, async (c) => {
    const ctx = pageContext(c);
    const actor = actorById(c.req.param('id'));
    if (!actor) return c.notFound();
    const db = c.var.store.db;
    // A merged actor's page is the page of the actor that remains.
    const survivor = await survivorOf(db, actor.id);
    if (survivor !== actor.id) return c.redirect(`/${ctx.lang}/actors/${encodeURIComponent(survivor)}`, 301);
    const asOf = asOfQuery(c);
    const base: MandateFilter = { order: 'deadline', limit: 500, asOf };
    const direct = await listMandates(db, ctx.lang, { ...base, actor: actor.id });
    const seen = new Set(direct.items.map((m) => m.id));
    const viaGroups = [];
    for (const group of groupsOf(actor.id)) {
      const list = await listMandates(db, ctx.lang, { ...base, actor: group });
      // What the group was asked and the actor was not asked by name.
      const items = list.items.filter((m) => !seen.has(m.id));
      viaGroups.push({
        group,
        name: actorById(group)?.names[ctx.lang] ?? group,
        list: { ...list, items, total: list.total - (list.items.length - items.length) },
      });
    }
    const [added, merged, history] = await Promise.all([
      addedNames(db, actor.id),
      mergedInto(db, actor.id),
      historyOf(db, 'actor', actor.id, c.var.user),
    ]);
    return c.html(
      <ActorPage
        ctx={ctx}
        actor={presentActor(actor, ctx.lang)}
        direct={direct}
        viaGroups={viaGroups}
        addedNames={added}
        mergedFrom={merged.map((m) => m.id)}
        reviewer={isReviewer(c.var.user)}
        history={history}
        names={await actorNames(db, history)}
      />,
    );
  });

  /** The way back from a reviewer's form to the actor's page. */
  const actorTarget = (c: Context<AppEnv>, ctx: Ctx) => {
    const actor = actorById(c.req.param('id') ?? '');
    return Promise.resolve(actor ? { back: href(ctx, `/actors/${actor.id}`), backLabel: actor.names[ctx.lang], actor } : undefined);
  };

  formRoute(app, `${L}/actors/:id/alias`, {
    title: 'actor.alias.title',
    target: actorTarget,
    labels: (t) => ({ lang: t('actor.alias.lang'), alias: t('actor.alias.alias') }),
    form: ({ ctx, target, errors, values }) => (
      <PostForm ctx={ctx} action={href(ctx, `/actors/${target.actor.id}/alias`)}>
        <p class="hint">{ctx.t('actor.alias.hint')}</p>
        <SelectField
          ctx={ctx}
          name="lang"
          required
          label={ctx.t('actor.alias.lang')}
          options={languages.map((l) => ({ value: l, label: ctx.t(`language.${l}`) }))}
          value={values?.lang ?? ctx.lang}
          errors={errors}
        />
        <Field ctx={ctx} name="alias" required label={ctx.t('actor.alias.alias')} value={values?.alias} errors={errors} />
        <button type="submit">{ctx.t('actor.alias.submit')}</button>
      </PostForm>
    ),
    parse: (raw) => aliasInput.safeParse({ lang: firstValue(raw.lang), alias: firstValue(raw.alias) }),
    save: async (c, user, data) => {
      const id = c.req.param('id') ?? '';
      await addActorAlias(c.var.store, user, id, data);
      return `/${c.var.lang}/actors/${id}`;
    },
  });

  formRoute(app, `${L}/actors/:id/merge`, {
    title: 'actor.merge.title',
    target: actorTarget,
    labels: (t) => ({ into: t('actor.merge.into'), reason: t('actor.merge.reason') }),
    form: ({ ctx, target, errors, values }) => (
      <PostForm ctx={ctx} action={href(ctx, `/actors/${target.actor.id}/merge`)}>
        <p class="hint">{ctx.t('actor.merge.hint')}</p>
        <SelectField
          ctx={ctx}
          name="into"
          required
          label={ctx.t('actor.merge.into')}
          options={ACTORS.filter((a) => a.id !== target.actor.id)
            .map((a) => ({ value: a.id, label: a.names[ctx.lang] }))
            .sort((a, b) => a.label.localeCompare(b.label, ctx.lang))}
          value={values?.into}
          errors={errors}
        />
        <Field ctx={ctx} name="reason" multiline label={ctx.t('actor.merge.reason')} value={values?.reason} errors={errors} />
        <button type="submit">{ctx.t('actor.merge.submit')}</button>
      </PostForm>
    ),
    parse: (raw) => mergeInput.safeParse({ into: firstValue(raw.into), reason: firstValue(raw.reason) || null }),
    save: async (c, user, data) => {
      await mergeActors(c.var.store, user, c.req.param('id') ?? '', data);
      return `/${c.var.lang}/actors/${data.into}`;
    },
  });

  registerSection(app, 'element', async ({ db, id, ctx }) => {
    const list = await mandatesOfElement(db, ctx.lang, id, 20);
    if (list.total === 0) return null;
    return (
      <section aria-labelledby="element-mandates">
        <h2 id="element-mandates">{ctx.t('mandate.element.title')}</h2>
        <MandateTable ctx={ctx} items={list.items} caption={ctx.t('mandate.element.title')} />
        {list.total > list.items.length ? (
          <p>
            <a href={href(ctx, `/mandates${queryOf({ element: id })}`)}>{ctx.t('mandate.element.all', { count: list.total })}</a>
          </p>
        ) : null}
      </section>
    );
  });
}
