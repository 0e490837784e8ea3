// The front page of the map (issue 16, item 1): where implementation of the Global Digital
// Compact stands, objective by objective (what serves each, how its indicators stand), what falls
// due next, the latest additions, and a way into every section. Every figure comes from the slice
// that owns it, through its service; the page is plain HTML, no script.
import { mandatesDueByElement } from '../mandates/service.ts';
import type { Hono } from 'hono';
import type { AppEnv } from './env.ts';
import type { Database } from '../store/index.ts';
import { localePath } from './locale.ts';
import { Foreign, href, Layout, pageContext, type PageContext } from './layout.tsx';
import { UserText, Value } from './text.tsx';
import { formatDate, formatNumber } from '../i18n/format.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { Language } from '../language/languages.ts';
import { frameworkIds } from '../frameworks/service.ts';
import { LibraryNotice, SearchForm } from '../frameworks/pages.tsx';
import { libraryProgress } from '../documents/library.ts';
import { ANY, cellOf, coverageMatrix, coverageQuery, type AxisEntry, type Counts } from '../coverage/service.ts';
import { dashboard } from '../indicators/profile.ts';
import { activitiesDue } from '../roadmaps/service.ts';
import { listInitiatives, type InitiativeSummary } from '../initiatives/service.ts';

/** The assessment method the front page counts indicator standing with (the dashboard's default). */
const STANDING_METHOD = 'unsd-2022-cr';
const DUE_SHOWN = 5;
const LATEST_SHOWN = 5;

export interface ObjectiveStanding {
  objective: AxisEntry;
  /** Published records serving the objective or anything under it (the implementation map's row total). */
  counts: Counts;
  /** The indicators measuring it, by the world's headline category; `unassessed` have none. */
  indicators: { total: number; categories: [string, number][]; unassessed: number };
  /** Mandates of paragraphs linked to the objective (or under it) whose deadline falls in this year. */
  mandatesDue: number | null;
}

/** Something dated that falls due: a roadmap activity today, a mandate once the mandates slice lands. */
export interface DueItem {
  date: string;
  title: string;
  /** The language the title is written in. */
  lang: string;
  /** Where it is read, after the language prefix. */
  path: string;
  /** What it belongs to (the roadmap's title). */
  context: string;
}

export interface FrontPage {
  objectives: ObjectiveStanding[];
  /** The year whose mandates count as due. */
  year: number;
  due: DueItem[];
  latest: InitiativeSummary[];
}

/** The front page's figures, each read through the slice that owns it. */
export async function frontPage(db: Database, lang: Language, today = new Date().toISOString().slice(0, 10)): Promise<FrontPage> {
  const [matrix, standing, activities, latest] = await Promise.all([
    coverageMatrix(db, coverageQuery.parse({ rows: 'objective' }), lang),
    dashboard(db, lang, STANDING_METHOD),
    activitiesDue(db, { from: today, limit: DUE_SHOWN }),
    listInitiatives(db, { lang, limit: LATEST_SHOWN, offset: 0 }),
  ]);
  const year = Number(today.slice(0, 4));
  const due = await mandatesDueByElement(db, { year, elements: matrix.rows.map((objective) => objective.id) });
  const objectives = matrix.rows.map((objective): ObjectiveStanding => {
    const measured = standing.gdc.find((g) => g.elementId === objective.id)?.indicators ?? [];
    const categories = new Map<string, number>();
    let unassessed = 0;
    for (const i of measured) {
      const category = i.world?.category;
      if (category) categories.set(category, (categories.get(category) ?? 0) + 1);
      else unassessed++;
    }
    return {
      objective,
      counts: cellOf(matrix, objective.id, ANY),
      indicators: { total: measured.length, categories: [...categories], unassessed },
      mandatesDue: due.get(objective.id) ?? 0,
    };
  });
  const dueNext = activities.map((a): DueItem => ({
    date: a.dueDate,
    title: a.title,
    lang: a.lang,
    path: `/roadmaps/${a.roadmapId}#node-${a.nodeId}`,
    context: a.roadmapTitle,
  }));
  return { objectives, due: dueNext, latest: latest.items, year };
}

/** Every section of the site, with what it is for (the header's menu names them; this says why). */
const sections: { path: string; name: MessageKey; about: MessageKey }[] = [
  { path: '/registry', name: 'nav.registry', about: 'home.about.registry' },
  { path: '/implementation', name: 'coverage.nav', about: 'home.about.implementation' },
  { path: '/roadmaps', name: 'nav.roadmaps', about: 'home.about.roadmaps' },
  { path: '/indicators', name: 'indicators.nav', about: 'home.about.indicators' },
  { path: '/documents', name: 'documents.nav', about: 'home.about.documents' },
  { path: '/reports', name: 'reports.nav', about: 'home.about.reports' },
  { path: '/crosswalk', name: 'nav.crosswalk', about: 'home.crosswalk' },
  { path: '/search', name: 'nav.search', about: 'home.search' },
  { path: '/api', name: 'nav.api', about: 'home.api' },
  { path: '/sources', name: 'nav.sources', about: 'home.about.sources' },
];

function Objective(props: { ctx: PageContext; o: ObjectiveStanding; year: number }) {
  const { ctx, o, year } = props;
  const { t, lang } = ctx;
  const n = (value: number) => formatNumber(lang, value, 0);
  const { objective, counts, indicators } = o;
  return (
    <li>
      <h3>
        <a href={href(ctx, `/elements/${objective.id}`)}>{t('element.label.objective', { code: objective.code })}</a>
      </h3>
      {objective.title ? (
        <p>
          <Foreign lang={objective.titleLanguage} page={lang}>
            {objective.title}
          </Foreign>
        </p>
      ) : null}
      <dl class="figures">
        <div>
          <dt>{t('coverage.measure.initiatives')}</dt>
          <dd>
            <a href={href(ctx, `/registry?element=${objective.id}`)}>{n(counts.initiatives)}</a>
          </dd>
        </div>
        <div>
          <dt>{t('coverage.measure.pledges')}</dt>
          <dd>{n(counts.pledges)}</dd>
        </div>
        <div>
          <dt>{t('coverage.measure.activities')}</dt>
          <dd>{n(counts.activities)}</dd>
        </div>
        {o.mandatesDue === null ? null : (
          <div>
            <dt>{t('home.mandatesDue', { year })}</dt>
            <dd>
              <a href={href(ctx, `/mandates?element=${objective.id}&year=${year}`)}>{n(o.mandatesDue)}</a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('coverage.measure.indicators')}</dt>
          <dd>
            <a href={href(ctx, '/indicators/dashboard')}>{n(indicators.total)}</a>
          </dd>
        </div>
      </dl>
      {indicators.total ? (
        <p class="meta">
          {[
            ...indicators.categories.map(
              ([category, count]) => `${t(`indicator.category.${category}` as MessageKey)}${t('ui.colon')}${n(count)}`,
            ),
            ...(indicators.unassessed ? [t('home.unassessed', { count: indicators.unassessed })] : []),
          ].join(' · ')}
        </p>
      ) : null}
    </li>
  );
}

function Home(props: { ctx: PageContext; page: FrontPage; library: ReturnType<typeof libraryProgress> }) {
  const { ctx, page } = props;
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')} description={t('home.lede')}>
      <h1>{t('home.title')}</h1>
      <p class="lede">{t('home.lede')}</p>
      {props.library ? <LibraryNotice ctx={ctx} progress={props.library} /> : null}
      <SearchForm ctx={ctx} q="" />

      <h2 id="standing">{t('home.standing')}</h2>
      <p class="meta">{t('home.standing.about')}</p>
      <ul class="cards objectives" aria-labelledby="standing">
        {page.objectives.map((o) => (
          <Objective ctx={ctx} o={o} year={page.year} />
        ))}
      </ul>
      <p>
        <a href={href(ctx, '/implementation')}>{t('home.standing.more')}</a>
      </p>

      <div class="two">
        <section aria-labelledby="due">
          <h2 id="due">{t('home.due')}</h2>
          {page.due.length ? (
            <ol class="dated">
              {page.due.map((d) => (
                <li>
                  <Value>{formatDate(lang, d.date)}</Value>
                  {t('ui.colon')}
                  <a href={href(ctx, d.path)}>
                    <UserText lang={d.lang}>{d.title}</UserText>
                  </a>{' '}
                  <span class="meta">
                    (<UserText lang={d.lang}>{d.context}</UserText>)
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p class="meta">{t('home.due.none')}</p>
          )}
        </section>
        <section aria-labelledby="latest">
          <h2 id="latest">{t('home.latest')}</h2>
          {page.latest.length ? (
            <ul class="dated">
              {page.latest.map((i) => (
                <li>
                  <a href={href(ctx, `/initiatives/${i.id}`)}>
                    <UserText lang={i.titleLanguage}>{i.title}</UserText>
                  </a>{' '}
                  <span class="meta">
                    (<UserText>{i.leadOrganization.name}</UserText>)
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="meta">{t('home.latest.none')}</p>
          )}
          <p>
            <a href={href(ctx, '/registry')}>{t('home.latest.more')}</a>
          </p>
        </section>
      </div>

      <h2 id="sections">{t('home.sections')}</h2>
      <ul class="sections" aria-labelledby="sections">
        <li>
          <a href={href(ctx, '/frameworks')}>{t('nav.frameworks')}</a>
          {t('ui.colon')}
          {frameworkIds.map((id, k) => (
            <>
              {k ? ' · ' : null}
              <a href={href(ctx, `/frameworks/${id}`)}>{t(`framework.${id}.name` as MessageKey)}</a>
            </>
          ))}
        </li>
        {sections.map((s) => (
          <li>
            <a href={href(ctx, s.path)}>{t(s.name)}</a>
            {t('ui.colon')}
            {t(s.about)}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function registerHomePage(app: Hono<AppEnv>): void {
  app.get(`${localePath}/`, async (c) => {
    const ctx = pageContext(c);
    const page = await frontPage(c.var.store.db, ctx.lang);
    return c.html(<Home ctx={ctx} page={page} library={libraryProgress(c.var.store)} />);
  });
}
