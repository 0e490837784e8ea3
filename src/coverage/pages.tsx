// The Compact implementation map's pages (issue 6, items 2-4, 6): the coverage matrix with its
// drill-down, the gap list, overlaps, the joint WSIS-GDC view of every published roadmap, the AI
// capacity-building map (GDC objective 5) and the money chain. Server-rendered, readable without
// JavaScript; every number is a link to the records behind it, and colour is never the only cue.
import type { Context, Hono } from 'hono';
import type { z } from '@hono/zod-openapi';
import { MandateGaps } from '../mandates/pages.tsx';
import type { AppEnv } from '../web/env.ts';
import { Foreign, Layout, href, pageContext, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import type { MessageKey } from '../i18n/index.ts';
import { getOrganization, listOrganizations, stakeholderTypes } from '../organizations/service.ts';
import { readAreaFilter } from '../areas/typed.ts';
import type { Database } from '../store/index.ts';
import { registrySource, sourceFilterValues } from '../registries/sources.ts';
import { elementLabel } from '../frameworks/pages.tsx';
import { milestones } from '../roadmaps/milestones.ts';
import {
  ANY,
  STALE_MONTHS,
  activitiesWithoutInitiative,
  axis,
  cellOf,
  cellQuery,
  cellRecords,
  columnAxes,
  coverageMatrix,
  coverageQuery,
  financialCommitments,
  gapKinds,
  gapList,
  gapQuery,
  jointView,
  measures,
  moneyKinds,
  overlapQuery,
  overlaps,
  rowLevels,
  type AxisEntry,
  type CoverageFilter,
  type CoverageMatrix,
  type GapEntry,
  type JointActivity,
  type Measure,
  type MoneyRow,
  type UncoveredActivity,
} from './service.ts';

type Ctx = PageContext & { csrf: string };

const AI_OBJECTIVE = 'gdc.obj.5';

/** The query string of a set of values, without the empty ones. */
function qs(values: Record<string, string | number | undefined>): string {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined && v !== '') as [string, string][];
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

function excerpt(text: string | null, max = 80): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

const label = (ctx: Ctx, e: AxisEntry) => elementLabel(ctx.t, { kind: e.kind as never, code: e.code, title: e.title, text: e.title });

function ElementName(props: { ctx: Ctx; e: AxisEntry; max?: number }) {
  const { ctx, e } = props;
  return (
    <>
      <a href={href(ctx, `/elements/${e.id}`)}>{label(ctx, e)}</a>{' '}
      {e.kind !== 'objective' || props.max ? (
        <Foreign lang={e.titleLanguage} page={ctx.lang} t={ctx.t}>
          {excerpt(e.title, props.max ?? 80)}
        </Foreign>
      ) : (
        <Foreign lang={e.titleLanguage} page={ctx.lang} t={ctx.t}>
          {e.title ?? ''}
        </Foreign>
      )}
    </>
  );
}

const views = [
  { path: '/implementation', key: 'coverage.view.matrix' },
  { path: '/implementation/gaps', key: 'coverage.view.gaps' },
  { path: '/implementation/overlaps', key: 'coverage.view.overlaps' },
  { path: '/implementation/joint', key: 'coverage.view.joint' },
  { path: '/implementation/ai', key: 'coverage.view.ai' },
  { path: '/implementation/finance', key: 'coverage.view.finance' },
] as const;

function Views(props: { ctx: Ctx }) {
  const { ctx } = props;
  const current = ctx.path.split('?')[0];
  return (
    <nav aria-label={ctx.t('coverage.views')} class="subnav">
      <ul>
        {views.map((v) => (
          <li>
            <a href={href(ctx, v.path)} aria-current={current === v.path ? 'page' : undefined}>
              {ctx.t(v.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type Errors = Partial<Record<string, string>>;

/** The filters every view shares, as a GET form; a value the schema refuses is named beside its field. */
function Filters(props: {
  ctx: Ctx;
  action: string;
  values: Record<string, string | undefined>;
  errors: Errors;
  extra?: 'matrix' | 'gaps' | 'objective';
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const error = (name: string) =>
    errors[name] ? (
      <p class="error" id={`${name}-error`}>
        <span class="visually-hidden">{t('form.errorPrefix')}</span>
        {errors[name]}
      </p>
    ) : null;
  const described = (name: string) => (errors[name] ? `${name}-error` : undefined);
  const select = (name: string, options: { value: string; label: string }[], all: string) => (
    <select id={name} name={name} aria-describedby={described(name)} aria-invalid={errors[name] ? 'true' : undefined}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option value={o.value} selected={values[name] === o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  const objectives = [1, 2, 3, 4, 5].map((n) => ({ value: `gdc.obj.${n}`, label: t('element.label.objective', { code: String(n) }) }));
  return (
    <form method="get" action={href(ctx, props.action)} class="inline" aria-label={t('coverage.filters')}>
      {props.extra === 'matrix' ? (
        <>
          {(
            [
              ['rows', rowLevels, 'objective'],
              ['columns', columnAxes, 'action-line'],
              ['measure', measures, 'initiatives'],
            ] as const
          ).map(([name, choices, fallback]) => (
            <div>
              <label for={name}>{t(`coverage.${name}`)}</label>
              <select id={name} name={name}>
                {choices.map((value) => (
                  <option value={value} selected={(values[name] ?? fallback) === value}>
                    {t(`coverage.${name}.${value}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </>
      ) : null}
      {props.extra ? (
        <div>
          <label for="objective">{t('coverage.objective')}</label>
          {select('objective', objectives, t('coverage.allObjectives'))}
          {error('objective')}
        </div>
      ) : null}
      {props.extra === 'gaps' ? (
        <div>
          <label for="gap">{t('coverage.gapKind')}</label>
          {select(
            'gap',
            gapKinds.map((g) => ({ value: g, label: t(`coverage.gap.${g}`) })),
            t('coverage.anyGap'),
          )}
        </div>
      ) : null}
      <div>
        <label for="area">{t('registry.area')}</label>
        <input
          id="area"
          name="area"
          value={values.area ?? ''}
          size={6}
          dir="ltr"
          aria-describedby={described('area') ?? 'area-hint'}
          aria-invalid={errors.area ? 'true' : undefined}
        />
        <span id="area-hint" class="visually-hidden">
          {t('coverage.areaHint')}
        </span>
        {error('area')}
      </div>
      <div>
        <label for="stakeholderType">{t('organization.stakeholderType')}</label>
        {select(
          'stakeholderType',
          stakeholderTypes.map((s) => ({ value: s, label: t(`stakeholder.${s}` as MessageKey) })),
          t('coverage.allStakeholders'),
        )}
      </div>
      <div>
        <label for="source">{t('registry.facetSource')}</label>
        {select(
          'source',
          sourceFilterValues.map((s) => ({ value: s, label: registrySource(s)?.name ?? t('registry.sourceConcord') })),
          t('coverage.allSources'),
        )}
        {error('source')}
      </div>
      <div>
        <label for="organization">{t('coverage.organization')}</label>
        <input
          id="organization"
          name="organization"
          value={values.organization ?? ''}
          size={20}
          dir="auto"
          aria-describedby={described('organization')}
          aria-invalid={errors.organization ? 'true' : undefined}
        />
        {error('organization')}
      </div>
      <div>
        <label for="year">{t('registry.year')}</label>
        <input
          id="year"
          name="year"
          type="number"
          min="2000"
          max="2100"
          value={values.year ?? ''}
          aria-describedby={described('year')}
          aria-invalid={errors.year ? 'true' : undefined}
        />
        {error('year')}
      </div>
      <button type="submit">{t('coverage.apply')}</button>
    </form>
  );
}

/** Shading steps: the number is always printed; the shade only repeats it. */
function shade(n: number, max: number): string | undefined {
  if (n === 0 || max === 0) return undefined;
  return `heat-${Math.min(4, 1 + Math.floor((4 * n) / (max + 1)))}`;
}

function filterValues(filter: CoverageFilter): Record<string, string | number | undefined> {
  return {
    area: filter.area,
    stakeholderType: filter.stakeholderType,
    organization: filter.organization,
    year: filter.year,
    source: filter.source,
  };
}

function MatrixTable(props: { ctx: Ctx; matrix: CoverageMatrix; measure: Measure; caption: string }) {
  const { ctx, matrix, measure } = props;
  const { t } = ctx;
  const cells = new Map(matrix.cells.map((c) => [`${c.row}|${c.column}`, c.counts[measure]]));
  const value = (row: string, column: string) => cells.get(`${row}|${column}`) ?? 0;
  const max = Math.max(0, ...matrix.cells.filter((c) => c.row !== ANY && c.column !== ANY).map((c) => c.counts[measure]));
  const base = filterValues(matrix.query);
  const cellLink = (row: string, column: string, n: number, rowLabel: string, columnLabel: string) =>
    n === 0 ? (
      <>0</>
    ) : (
      <a
        href={href(ctx, `/implementation/cell${qs({ row, column, measure, ...base })}`)}
        aria-label={t('coverage.cellLabel', { count: n, measure: t(`coverage.measure.${measure}`), row: rowLabel, column: columnLabel })}
      >
        {n}
      </a>
    );
  const columnName = (c: AxisEntry) => label(ctx, c);
  return (
    <div class="scroll" role="region" aria-labelledby="matrix-title" tabindex={0}>
      <table class="matrix coverage">
        <caption id="matrix-title">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`coverage.rows.${matrix.query.rows}`)}</th>
            {matrix.columns.map((c) => (
              <th scope="col">
                <a href={href(ctx, `/elements/${c.id}`)} title={c.title ?? ''}>
                  {c.code}
                </a>
              </th>
            ))}
            <th scope="col">{t('coverage.total')}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((r) => (
            <tr>
              <th scope="row">
                <ElementName ctx={ctx} e={r} />
              </th>
              {matrix.columns.map((c) => {
                const n = value(r.id, c.id);
                return <td class={shade(n, max)}>{cellLink(r.id, c.id, n, label(ctx, r), columnName(c))}</td>;
              })}
              <td class="total">{cellLink(r.id, ANY, value(r.id, ANY), label(ctx, r), t('coverage.total'))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">
              {matrix.query.objective ? t('coverage.totalUnder', { objective: matrix.query.objective.slice(-1) }) : t('coverage.totalAll')}
            </th>
            {matrix.columns.map((c) => (
              <td class="total">
                {cellLink(matrix.query.objective ?? ANY, c.id, value(ANY, c.id), t('coverage.totalAll'), columnName(c))}
              </td>
            ))}
            <td class="total">
              {cellLink(matrix.query.objective ?? ANY, ANY, value(ANY, ANY), t('coverage.totalAll'), t('coverage.total'))}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Totals(props: { ctx: Ctx; matrix: CoverageMatrix }) {
  const { ctx, matrix } = props;
  const totals = cellOf(matrix, ANY, ANY);
  return (
    <dl class="totals">
      {measures.map((m) => (
        <div>
          <dt>{ctx.t(`coverage.measure.${m}`)}</dt>
          <dd>{totals[m]}</dd>
        </div>
      ))}
    </dl>
  );
}

function GapTable(props: { ctx: Ctx; entries: GapEntry[]; caption: string }) {
  const { ctx, entries } = props;
  const { t } = ctx;
  if (!entries.length) return <p>{t('coverage.noGaps')}</p>;
  return (
    <div class="scroll" role="region" aria-label={props.caption} tabindex={0}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.rows.action')}</th>
            <th scope="col">{t('coverage.measure.initiatives')}</th>
            <th scope="col">{t('coverage.measure.pledges')}</th>
            <th scope="col">{t('coverage.stalePledges')}</th>
            <th scope="col">{t('coverage.measure.indicators')}</th>
            <th scope="col">{t('coverage.measure.activities')}</th>
            <th scope="col">{t('coverage.gaps')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <th scope="row">
                <ElementName ctx={ctx} e={e.element} max={110} />
              </th>
              <td>{e.counts.initiatives}</td>
              <td>{e.counts.pledges}</td>
              <td>{e.stalePledges}</td>
              <td>{e.counts.indicators}</td>
              <td>{e.counts.activities}</td>
              <td>
                <ul class="badges">
                  {e.gaps.map((g) => (
                    <li class="badge warn">{t(`coverage.gap.${g}`)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UncoveredTable(props: { ctx: Ctx; items: UncoveredActivity[] }) {
  const { ctx, items } = props;
  const { t } = ctx;
  if (!items.length) return <p>{t('coverage.allActivitiesCovered')}</p>;
  return (
    <table>
      <caption>{t('coverage.uncovered')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('roadmap.kind.activity')}</th>
          <th scope="col">{t('nav.roadmaps')}</th>
          <th scope="col">{t('roadmap.lead')}</th>
          <th scope="col">{t('roadmap.dueDate')}</th>
          <th scope="col">{t('roadmap.serves')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr>
            <th scope="row">
              <a href={href(ctx, `/roadmaps/${a.roadmap.id}#node-${a.id}`)} dir="auto">
                {a.title}
              </a>
            </th>
            <td dir="auto">{a.roadmap.title}</td>
            <td dir="auto">{a.lead?.name ?? '—'}</td>
            <td dir="ltr">{a.dueDate ?? '—'}</td>
            <td dir="ltr">{a.elements.join(' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ActivityRows(props: { ctx: Ctx; items: JointActivity[]; caption: string; labels: Map<string, string> }) {
  const { ctx, items } = props;
  const { t } = ctx;
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('roadmap.kind.activity')}</th>
          <th scope="col">{t('roadmap.kind.outcome')}</th>
          <th scope="col">{t('nav.roadmaps')}</th>
          <th scope="col">{t('roadmap.lead')}</th>
          <th scope="col">{t('roadmap.dueDate')}</th>
          <th scope="col">{t('roadmap.statusLabel')}</th>
          <th scope="col">{t('coverage.measure.initiatives')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr>
            <th scope="row">
              <a href={href(ctx, `/roadmaps/${a.roadmap.id}#node-${a.id}`)} dir="auto">
                {a.title}
              </a>
            </th>
            <td dir="auto">{a.outcome}</td>
            <td>
              <span dir="auto">{a.roadmap.title}</span> (
              {a.roadmap.actionLineId ? (props.labels.get(a.roadmap.actionLineId) ?? a.roadmap.actionLineId) : t('roadmap.joint')})
            </td>
            <td dir="auto">{a.lead ?? a.roadmap.owner}</td>
            <td dir="ltr">{a.dueDate ?? '—'}</td>
            <td>{t(`roadmap.status.${a.status}` as MessageKey)}</td>
            <td>{a.initiatives === 0 ? <span class="badge warn">{t('roadmap.noInitiative')}</span> : a.initiatives}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MoneyTable(props: { ctx: Ctx; rows: MoneyRow[]; caption: string; head: string }) {
  const { ctx, rows } = props;
  const { t, lang } = ctx;
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          <th scope="col">{t('coverage.currency')}</th>
          {moneyKinds.map((k) => (
            <th scope="col">{t(`coverage.money.${k}`)}</th>
          ))}
          <th scope="col">{t('coverage.measure.pledges')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colspan={3 + moneyKinds.length}>{t('coverage.noMoney')}</td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr>
              <th scope="row">
                <ElementName ctx={ctx} e={r.element} max={60} />
              </th>
              <td dir="ltr">{r.currency}</td>
              {moneyKinds.map((k) => (
                <td class="num">{number.format(r.amounts[k])}</td>
              ))}
              <td class="num">{r.pledges}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

// ------------------------------------------------------------------ routes

/**
 * The query as text values and parsed by one schema, with readable errors. An area or an
 * organization may be typed by name: `values` carries the code and id they name (for links and
 * the API), `shown` what the reader typed or, for an id, the organization's name (for the form).
 */
async function readQuery<T extends z.ZodTypeAny>(c: Context<AppEnv>, schema: T) {
  const raw = c.req.query();
  const shown = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.trim() || undefined]));
  const values = { ...shown };
  const errors: Errors = {};
  // The shared rule of every place filter (areas/typed.ts): a code or a name, else refused beside the field.
  if (values.area) {
    const area = await readAreaFilter(values.area);
    if (area.error) errors.area = c.var.t(area.error.key, area.error.values);
    else values.area = area.code;
  }
  if (values.organization) {
    const found = await organizationNamed(c.var.store.db, values.organization);
    if ('error' in found) errors.organization = c.var.t(found.error.key, found.error.values);
    else {
      values.organization = found.id;
      if (found.id === shown.organization) shown.organization = found.name;
    }
  }
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== undefined && !errors[k])));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      errors[field] = c.var.t(field === 'year' ? 'coverage.yearInvalid' : 'coverage.valueInvalid');
    }
  }
  return { values, shown, errors, query: parsed.success && Object.keys(errors).length === 0 ? parsed.data : undefined };
}

/** The organization a filter names: by its id, its exact name or short name, else the one whose name contains the text. */
async function organizationNamed(
  db: Database,
  text: string,
): Promise<{ id: string; name: string } | { error: { key: MessageKey; values: Record<string, string | number> } }> {
  // An id (as links and the API carry it) is one read; only words need the search by name.
  const byId = /^[0-9a-f-]{36}$/i.test(text) ? await getOrganization(db, text) : undefined;
  if (byId) return { id: byId.id, name: byId.name };
  const candidates = await listOrganizations(db, { q: text });
  const folded = text.toLocaleLowerCase();
  const exact = candidates.filter((o) => o.name.toLocaleLowerCase() === folded || o.shortName?.toLocaleLowerCase() === folded);
  const found = exact.length === 1 ? exact[0] : candidates.length === 1 ? candidates[0] : undefined;
  if (found) return { id: found.id, name: found.name };
  return candidates.length === 0
    ? { error: { key: 'coverage.organizationUnknown', values: { name: text } } }
    : { error: { key: 'coverage.organizationAmbiguous', values: { name: text, count: candidates.length } } };
}

async function actionLineLabels(c: Context<AppEnv>, ctx: Ctx): Promise<Map<string, string>> {
  return new Map((await axis(c.var.store.db, 'action-line', ctx.lang)).map((e) => [e.id, label(ctx, e)]));
}

export function registerCoveragePages(app: Hono<AppEnv>): void {
  const L = localePath;

  app.get(`${L}/implementation`, async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const { values, shown, errors, query } = await readQuery(c, coverageQuery);
    const measure = (measures as readonly string[]).includes(values.measure ?? '') ? (values.measure as Measure) : 'initiatives';
    const matrix = query ? await coverageMatrix(c.var.store.db, query, ctx.lang) : undefined;
    return c.html(
      <Layout ctx={ctx} title={t('coverage.title')} description={t('coverage.lede')}>
        <h1>{t('coverage.title')}</h1>
        <p class="lede">{t('coverage.lede')}</p>
        <Views ctx={ctx} />
        <Filters ctx={ctx} action="/implementation" values={shown} errors={errors} extra="matrix" />
        <p class="meta">{t('coverage.filtersApply')}</p>
        {matrix ? (
          <>
            <Totals ctx={ctx} matrix={matrix} />
            <MatrixTable
              ctx={ctx}
              matrix={matrix}
              measure={measure}
              caption={t('coverage.caption', {
                measure: t(`coverage.measure.${measure}`),
                rows: t(`coverage.rows.${matrix.query.rows}`),
                columns: t(`coverage.columns.${matrix.query.columns}`),
              })}
            />
            <p class="meta">{t('coverage.howToRead')}</p>
            <p class="meta">
              <a href={`/api/v1/coverage${qs({ ...values, lang: ctx.lang })}`}>{t('element.asJson')}</a>
            </p>
          </>
        ) : null}
      </Layout>,
      matrix ? 200 : 400,
    );
  });

  app.get(`${L}/implementation/cell`, async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const { values, errors, query } = await readQuery(c, cellQuery);
    const result = query ? await cellRecords(c.var.store.db, query, ctx.lang) : undefined;
    const title = t('coverage.cellTitle', {
      measure: t(`coverage.measure.${query?.measure ?? 'initiatives'}`),
      row: query?.row === ANY ? t('coverage.totalAll') : (query?.row ?? ''),
      column: query?.column === ANY ? t('coverage.total') : (query?.column ?? ''),
    });
    const page = (offset: number) => href(ctx, `/implementation/cell${qs({ ...values, offset })}`);
    return c.html(
      <Layout ctx={ctx} title={title}>
        <p>
          <a
            href={href(ctx, `/implementation${qs({ ...values, row: undefined, column: undefined, offset: undefined, limit: undefined })}`)}
          >
            {t('coverage.back')}
          </a>
        </p>
        <h1 dir="auto">{title}</h1>
        {result && query ? (
          <>
            <p>{t('coverage.recordCount', { count: result.total })}</p>
            <ol start={query.offset + 1} class="records">
              {result.items.map((r) => (
                <li>
                  <a href={href(ctx, r.path)} dir="auto">
                    {r.title}
                  </a>
                  {r.by ? (
                    <>
                      {' · '}
                      <span dir="auto">{r.by}</span>
                    </>
                  ) : null}
                  {r.detail ? (
                    <>
                      {' · '}
                      <span class="meta" dir="auto">
                        {r.detail}
                      </span>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
            <nav aria-label={t('registry.pages')}>
              {query.offset > 0 ? <a href={page(Math.max(0, query.offset - query.limit))}>{t('registry.previous')}</a> : null}{' '}
              {query.offset + query.limit < result.total ? <a href={page(query.offset + query.limit)}>{t('registry.next')}</a> : null}
            </nav>
          </>
        ) : (
          <p class="error">{Object.values(errors)[0] ?? t('coverage.valueInvalid')}</p>
        )}
      </Layout>,
      result ? 200 : 400,
    );
  });

  app.get(`${L}/implementation/gaps`, async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const { values, shown, errors, query } = await readQuery(c, gapQuery);
    const entries = query ? await gapList(c.var.store.db, query, ctx.lang) : undefined;
    return c.html(
      <Layout ctx={ctx} title={t('coverage.gapsTitle')}>
        <h1>{t('coverage.gapsTitle')}</h1>
        <p class="lede">{t('coverage.gapsLede', { months: STALE_MONTHS })}</p>
        <Views ctx={ctx} />
        <Filters ctx={ctx} action="/implementation/gaps" values={shown} errors={errors} extra="gaps" />
        {entries ? (
          <>
            <h2>{t('coverage.gapCount', { count: entries.length })}</h2>
            <GapTable ctx={ctx} entries={entries} caption={t('coverage.gapsTitle')} />
            <p class="meta">
              <a href={`/api/v1/coverage/gaps${qs({ ...values, lang: ctx.lang })}`}>{t('element.asJson')}</a>
            </p>
            {/* Requests of the documents that nothing answers yet (src/mandates). */}
            <MandateGaps db={c.var.store.db} ctx={ctx} />
          </>
        ) : null}
      </Layout>,
      entries ? 200 : 400,
    );
  });

  app.get(`${L}/implementation/overlaps`, async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const { values, shown, errors, query } = await readQuery(c, overlapQuery);
    const db = c.var.store.db;
    const [result, uncovered] = query
      ? await Promise.all([overlaps(db, query, ctx.lang), activitiesWithoutInitiative(db, query)])
      : [undefined, undefined];
    const page = (offset: number) => href(ctx, `/implementation/overlaps${qs({ ...values, offset })}`);
    return c.html(
      <Layout ctx={ctx} title={t('coverage.overlapsTitle')}>
        <h1>{t('coverage.overlapsTitle')}</h1>
        <p class="lede">{t('coverage.overlapsLede')}</p>
        <Views ctx={ctx} />
        <Filters ctx={ctx} action="/implementation/overlaps" values={shown} errors={errors} extra="objective" />
        {result && query && uncovered ? (
          <>
            <h2>{t('coverage.overlapCount', { count: result.total })}</h2>
            {result.groups.map((g) => (
              <section class="overlap" aria-labelledby={`o-${g.element.id}-${g.area}`}>
                <h3 id={`o-${g.element.id}-${g.area}`}>
                  {t('coverage.overlapHeading', { action: label(ctx, g.element), area: g.area, count: g.organizations })}
                </h3>
                <div class="scroll" role="region" aria-labelledby={`o-${g.element.id}-${g.area}`} tabindex={0}>
                  <table class="side-by-side">
                    <tbody>
                      <tr>
                        <th scope="row">{t('coverage.initiative')}</th>
                        {g.initiatives.map((i) => (
                          <td>
                            <a href={href(ctx, `/initiatives/${i.id}`)} dir="auto">
                              {i.title}
                            </a>
                          </td>
                        ))}
                      </tr>
                      <tr>
                        <th scope="row">{t('coverage.leadOrganization')}</th>
                        {g.initiatives.map((i) => (
                          <td>
                            <a href={href(ctx, `/organizations/${i.organization.id}`)} dir="auto">
                              {i.organization.name}
                            </a>
                          </td>
                        ))}
                      </tr>
                      <tr>
                        <th scope="row">{t('initiative.status')}</th>
                        {g.initiatives.map((i) => (
                          <td>{t(`initiative.status.${i.status}` as MessageKey)}</td>
                        ))}
                      </tr>
                      <tr>
                        <th scope="row">{t('roadmap.dates')}</th>
                        {g.initiatives.map((i) => (
                          <td dir="ltr">
                            {i.startDate ?? '…'} – {i.endDate ?? '…'}
                          </td>
                        ))}
                      </tr>
                    </tbody>
                  </table>
                </div>
              </section>
            ))}
            <nav aria-label={t('registry.pages')}>
              {query.offset > 0 ? <a href={page(Math.max(0, query.offset - query.limit))}>{t('registry.previous')}</a> : null}{' '}
              {query.offset + query.limit < result.total ? <a href={page(query.offset + query.limit)}>{t('registry.next')}</a> : null}
            </nav>
            <h2>{t('coverage.uncovered')}</h2>
            <UncoveredTable ctx={ctx} items={uncovered} />
          </>
        ) : null}
      </Layout>,
      result ? 200 : 400,
    );
  });

  app.get(`${L}/implementation/joint`, async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const view = await jointView(c.var.store.db, ctx.lang);
    const labels = await actionLineLabels(c, ctx);
    return c.html(
      <Layout ctx={ctx} title={t('coverage.jointTitle')}>
        <h1>{t('coverage.jointTitle')}</h1>
        <p class="lede">{t('coverage.jointLede')}</p>
        <Views ctx={ctx} />
        <h2>{t('coverage.milestones')}</h2>
        <ul>
          {milestones.map((m) => (
            <li>
              <time datetime={m.date}>{m.date.slice(0, 4)}</time> {t(m.label)} <span class="meta">({m.source})</span>
            </li>
          ))}
        </ul>
        {view.objectives.map((o) => (
          <section aria-labelledby={`j-${o.objective.id}`}>
            <h2 id={`j-${o.objective.id}`}>
              <ElementName ctx={ctx} e={o.objective} />
            </h2>
            {o.activities.length ? (
              <div class="scroll" role="region" aria-labelledby={`j-${o.objective.id}`} tabindex={0}>
                <ActivityRows
                  ctx={ctx}
                  items={o.activities}
                  labels={labels}
                  caption={t('coverage.jointActivities', { count: o.activities.length })}
                />
              </div>
            ) : (
              <p class="badge warn">{t('coverage.noActivities')}</p>
            )}
          </section>
        ))}
        {view.unplaced.length ? (
          <section aria-labelledby="j-unplaced">
            <h2 id="j-unplaced">{t('coverage.unplaced')}</h2>
            <ActivityRows ctx={ctx} items={view.unplaced} labels={labels} caption={t('coverage.unplaced')} />
          </section>
        ) : null}
        <p class="meta">
          <a href={`/api/v1/coverage/joint?lang=${ctx.lang}`}>{t('element.asJson')}</a>
        </p>
      </Layout>,
    );
  });

  app.get(`${L}/implementation/ai`, async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const { shown, errors, query } = await readQuery(c, coverageQuery.omit({ objective: true, rows: true }));
    const db = c.var.store.db;
    const filter = query ? { ...query, objective: AI_OBJECTIVE, rows: 'action' as const } : undefined;
    const [matrix, gaps, uncovered] = filter
      ? await Promise.all([
          coverageMatrix(db, filter, ctx.lang),
          gapList(
            db,
            {
              area: filter.area,
              stakeholderType: filter.stakeholderType,
              organization: filter.organization,
              year: filter.year,
              source: filter.source,
              objective: AI_OBJECTIVE,
            },
            ctx.lang,
          ),
          activitiesWithoutInitiative(db, { ...filter }),
        ])
      : [undefined, undefined, undefined];
    const registryLink = href(ctx, `/registry${qs({ element: AI_OBJECTIVE, ...(filter ? filterValues(filter) : {}) })}`);
    return c.html(
      <Layout ctx={ctx} title={t('coverage.aiTitle')}>
        <h1>{t('coverage.aiTitle')}</h1>
        <p class="lede">{t('coverage.aiLede')}</p>
        <Views ctx={ctx} />
        <Filters ctx={ctx} action="/implementation/ai" values={shown} errors={errors} />
        {matrix && gaps && uncovered ? (
          <>
            <Totals ctx={ctx} matrix={matrix} />
            <p>
              <a href={registryLink}>{t('coverage.aiRegistry')}</a> ·{' '}
              <a href={href(ctx, `/registry/map${qs({ element: AI_OBJECTIVE })}`)}>{t('registry.mapLink')}</a>
            </p>
            <MatrixTable
              ctx={ctx}
              matrix={matrix}
              measure="initiatives"
              caption={t('coverage.caption', {
                measure: t('coverage.measure.initiatives'),
                rows: t('coverage.rows.action'),
                columns: t(`coverage.columns.${matrix.query.columns}`),
              })}
            />
            <h2>{t('coverage.gapsTitle')}</h2>
            <GapTable ctx={ctx} entries={gaps} caption={t('coverage.gapsTitle')} />
            <h2>{t('coverage.uncovered')}</h2>
            <UncoveredTable ctx={ctx} items={uncovered} />
          </>
        ) : null}
      </Layout>,
      matrix ? 200 : 400,
    );
  });

  app.get(`${L}/implementation/finance`, async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const { values, shown, errors, query } = await readQuery(
      c,
      coverageQuery.pick({ area: true, stakeholderType: true, organization: true, year: true, source: true }),
    );
    const money = query ? await financialCommitments(c.var.store.db, query, ctx.lang) : undefined;
    return c.html(
      <Layout ctx={ctx} title={t('coverage.financeTitle')}>
        <h1>{t('coverage.financeTitle')}</h1>
        <p class="lede">{t('coverage.financeLede')}</p>
        <Views ctx={ctx} />
        <Filters ctx={ctx} action="/implementation/finance" values={shown} errors={errors} />
        {money ? (
          <>
            <div class="scroll" role="region" aria-label={t('coverage.byObjective')} tabindex={0}>
              <MoneyTable ctx={ctx} rows={money.objectives} caption={t('coverage.byObjective')} head={t('coverage.rows.objective')} />
            </div>
            <div class="scroll" role="region" aria-label={t('coverage.byActionLine')} tabindex={0}>
              <MoneyTable
                ctx={ctx}
                rows={money.actionLines}
                caption={t('coverage.byActionLine')}
                head={t('coverage.columns.action-line')}
              />
            </div>
            <p class="meta">{t('coverage.moneyNote')}</p>
            <p class="meta">
              <a href={`/api/v1/coverage/finance${qs({ ...values, lang: ctx.lang })}`}>{t('element.asJson')}</a>
            </p>
          </>
        ) : null}
      </Layout>,
      money ? 200 : 400,
    );
  });
}
