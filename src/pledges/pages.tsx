// Pledge routes: the pledges section of an initiative's and an organization's page and of "My
// organizations", a pledge's own page, the forms to add pledges, transactions and progress
// reports, and the reviewers' decisions. The views are in their own files.
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { href, pageContext, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { requireUser } from '../web/session.ts';
import { firstValue, readRawForm } from '../web/forms.ts';
import { registerSection } from '../web/sections.tsx';
import { formRoute, type FormTarget } from '../web/form-page.tsx';
import { historyOf } from '../provenance/history.ts';
import { actorNames } from '../provenance/change-table.tsx';
import { mayEditFor } from '../organizations/editors.ts';
import { getOrganization, membershipsOf } from '../organizations/service.ts';
import { addProgressUpdate, addTransaction, createPledge, reviewPledge, reviewProgressUpdate, type PledgeDecision } from './service.ts';
import { getPledge, initiativePledgeRights, pledgeHome, pledgesBy, pledgesOf, type Pledge } from './reads.ts';
import { canReview, dueAReport } from './policy.ts';
import { pledgeFields, pledgeNotice, transactionFields, updateFields } from './form-mapping.ts';
import { NewPledgeForm, pledgeLabels, ReportForm, TransactionForm } from './forms.tsx';
import { OrganizationPledges, PledgesSection, PledgeTable } from './lists.tsx';
import { PledgePage } from './pledge-page.tsx';
import { PendingUpdates, SubmittedPledges } from './review-sections.tsx';

type Ctx = PageContext & { csrf: string };
const L = localePath;

export function registerPledgePages(app: Hono<AppEnv>): void {
  registerPledgeSections(app);
  registerPledgePage(app);
  registerNewPledgeForms(app);
  registerPledgeForms(app);
  registerSection(app, 'review', async ({ db, ctx }) => <PendingUpdates ctx={ctx} db={db} />);
  registerSection(app, 'review', async ({ db, ctx }) => <SubmittedPledges ctx={ctx} db={db} />);
  app.post(`${L}/progress/:id/:decision{publish|reject}`, async (c) => {
    const user = requireUser(c);
    await readRawForm(c);
    await reviewProgressUpdate(c.var.store, user, c.req.param('id'), c.req.param('decision') === 'publish');
    return c.redirect(`/${c.var.lang}/review#progress`, 303);
  });
}

function registerPledgeSections(app: Hono<AppEnv>): void {
  registerSection(app, 'initiative', async ({ db, id, ctx, user }) => {
    const rights = await initiativePledgeRights(db, id, user);
    if (!rights) return null;
    return <PledgesSection ctx={ctx} initiativeId={id} pledges={await pledgesOf(db, id, user)} {...rights} />;
  });

  registerSection(app, 'organization', async ({ db, id, ctx, user }) => {
    const member = await mayEditFor(db, user, id);
    return <OrganizationPledges ctx={ctx} organizationId={id} pledges={await pledgesBy(db, id, user)} member={member} />;
  });

  // "My organizations": every pledge of the reader's organizations, those due a report first.
  registerSection(app, 'mine', async ({ db, ctx, user }) => {
    if (!user) return null;
    const organizations = (await membershipsOf(db, user.id)).filter((m) => m.state === 'active');
    const pledges = (await Promise.all(organizations.map((m) => pledgesBy(db, m.organizationId, user)))).flat();
    const due = (p: Pledge) => dueAReport(p.canReport, p.progress.status);
    return (
      <PledgeTable
        ctx={ctx}
        title={ctx.t('mine.pledges', { count: pledges.length })}
        pledges={[...pledges.filter(due), ...pledges.filter((p) => !due(p))]}
        due={due}
      />
    );
  });
}

function registerPledgePage(app: Hono<AppEnv>): void {
  app.get(`${L}/pledges/:id`, async (c, next) => {
    const ctx = pageContext(c);
    const db = c.var.store.db;
    const pledge = await getPledge(db, c.req.param('id'), c.var.user);
    const home = pledge ? await pledgeHome(db, pledge.id, ctx.lang) : undefined;
    if (!pledge || !home) return next();
    const changes = pledge.initiativeId
      ? (await historyOf(db, 'initiative', pledge.initiativeId, c.var.user)).filter((ch) => ch.after?.pledge === pledge.id)
      : await historyOf(db, 'pledge', pledge.id, c.var.user);
    const notice = pledgeNotice(c.req.query('done'), !pledge.initiativeId);
    return c.html(
      <PledgePage
        ctx={ctx}
        pledge={pledge}
        home={{ back: home.back, label: home.label }}
        reviewer={canReview(c.var.user)}
        changes={changes}
        names={await actorNames(db, changes)}
        notice={notice === 'sentForReview' ? ctx.t('pledge.sentForReview') : notice ? ctx.t(`initiative.done.${notice}`) : undefined}
      />,
    );
  });

  app.post(`${L}/pledges/:id/:decision{publish|reject|archive}`, async (c) => {
    const user = requireUser(c);
    const { raw } = await readRawForm(c);
    const decision = c.req.param('decision') as PledgeDecision;
    await reviewPledge(c.var.store, user, c.req.param('id'), decision, firstValue(raw.note));
    return c.redirect(`/${c.var.lang}/pledges/${c.req.param('id')}`, 303);
  });
}

/** A new pledge: to an initiative, or an organization's own. */
function registerNewPledgeForms(app: Hono<AppEnv>): void {
  formRoute(app, `${L}/initiatives/:id/pledges/new`, {
    title: 'pledge.add',
    target: (c, ctx) =>
      Promise.resolve({ back: href(ctx, `/initiatives/${c.req.param('id')}`), backLabel: ctx.t('pledge.backToInitiative'), unit: '' }),
    labels: (t) => pledgeLabels(t),
    form: (props) => <NewPledgeForm {...props} action={`/initiatives/${props.target.back.split('/').pop()}/pledges/new`} />,
    parse: pledgeFields,
    save: async (c, user, data) => {
      await createPledge(c.var.store, user, c.req.param('id')!, data);
      return `/${c.var.lang}/initiatives/${c.req.param('id')}?done=pledge#pledges-title`;
    },
  });
  formRoute(app, `${L}/organizations/:id/pledges/new`, {
    title: 'pledge.addOwn',
    target: async (c, ctx) => {
      const org = await getOrganization(c.var.store.db, c.req.param('id')!);
      return org ? { back: href(ctx, `/organizations/${c.req.param('id')}`), backLabel: org.name, unit: '' } : undefined;
    },
    labels: (t) => pledgeLabels(t),
    form: (props) => <NewPledgeForm {...props} action={`/organizations/${props.target.back.split('/').pop()}/pledges/new`} />,
    parse: pledgeFields,
    save: async (c, user, data) => {
      const id = await createPledge(c.var.store, user, null, data, c.req.param('id'));
      return `/${c.var.lang}/pledges/${id}?done=pledge`;
    },
  });
}

/** What a pledge form is for: where "back" leads, and the unit a value is in. */
type PledgeTarget = FormTarget & { unit: string };

async function pledgeTarget(c: Context<AppEnv>, ctx: Ctx): Promise<PledgeTarget | undefined> {
  // Only for a pledge the reader may report on: nothing of a draft is shown to others.
  const pledge = await getPledge(c.var.store.db, c.req.param('id')!, c.var.user);
  if (!pledge?.canReport) return undefined;
  const home = await pledgeHome(c.var.store.db, pledge.id, ctx.lang);
  return home ? { back: href(ctx, `/pledges/${c.req.param('id')}`), backLabel: home.label, unit: home.unit } : undefined;
}

/** A progress report and a money transaction on a pledge. */
function registerPledgeForms(app: Hono<AppEnv>): void {
  formRoute(app, `${L}/pledges/:id/report`, {
    title: 'pledge.report',
    target: pledgeTarget,
    labels: (t) => ({
      date: t('pledge.date'),
      value: t('pledge.value'),
      narrative: t('pledge.narrative'),
      evidenceUrl: t('pledge.evidence'),
    }),
    form: (props) => <ReportForm {...props} pledgeId={props.target.back.split('/').pop()!} unit={props.target.unit} />,
    parse: updateFields,
    save: async (c, user, data) => {
      await addProgressUpdate(c.var.store, user, c.req.param('id')!, data);
      return `/${c.var.lang}/pledges/${c.req.param('id')}?done=progress`;
    },
  });

  formRoute(app, `${L}/pledges/:id/transactions/new`, {
    title: 'pledge.addTransaction',
    target: pledgeTarget,
    labels: (t) => ({
      kind: t('pledge.kind'),
      amount: t('pledge.amount'),
      currency: t('initiative.budgetCurrency'),
      date: t('pledge.date'),
      note: t('pledge.note'),
    }),
    form: (props) => <TransactionForm {...props} pledgeId={props.target.back.split('/').pop()!} />,
    parse: transactionFields,
    save: async (c, user, data) => {
      await addTransaction(c.var.store, user, c.req.param('id')!, data);
      return `/${c.var.lang}/pledges/${c.req.param('id')}?done=transaction`;
    },
  });
}
