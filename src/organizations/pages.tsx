// Organization routes: the list, the form that registers one, an organization's page with its
// members, joining and the answers to join requests, verification by reviewers; and the reader's
// organizations on their account page. The views are in their own files.
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../web/env.ts';
import { pageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { readForm, refusalError } from '../web/forms.ts';
import { requireUser } from '../web/session.ts';
import { registerSection, renderSections } from '../web/sections.tsx';
import { Refusal } from '../shared/refusal.ts';
import { areaReader } from '../areas/typed.ts';
import { limits } from '../accounts/rate-limit.ts';
import { limited, signInFirst } from '../accounts/guards.ts';
import {
  createOrganization,
  decideJoinRequest,
  getOrganization,
  isMember,
  listOrganizations,
  mayManageMembers,
  membersOf,
  membershipsOf,
  requestToJoin,
  verifyOrganization,
  type StakeholderType,
} from './service.ts';
import { canSeeMembers, canVerify } from './policy.ts';
import { organizationSchema } from './form-mapping.ts';
import { OrganizationsPage } from './list-page.tsx';
import { OrganizationFormPage } from './form-page.tsx';
import { OrganizationPage } from './detail-page.tsx';
import { MembershipsSection } from './memberships-section.tsx';

const L = localePath;
const ctxOf = pageContext;

export function registerOrganizationPages(app: Hono<AppEnv>): void {
  registerSection(app, 'account', async ({ db, ctx, user }) =>
    user ? <MembershipsSection ctx={ctx} memberships={await membershipsOf(db, user.id)} /> : null,
  );

  app.get(`${L}/organizations`, async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    return c.html(
      <OrganizationsPage ctx={ctxOf(c)} organizations={await listOrganizations(c.var.store.db, { q: q || undefined })} q={q} />,
    );
  });

  registerOrganizationForm(app);

  app.get(`${L}/organizations/:id`, async (c, next) => {
    const ctx = ctxOf(c);
    const db = c.var.store.db;
    const organization = await getOrganization(db, c.req.param('id'));
    if (!organization) return next();
    const user = c.var.user;
    const canManage = await mayManageMembers(db, user, organization.id);
    const member = user ? await isMember(db, user.id, organization.id) : false;
    const mine = user ? (await membershipsOf(db, user.id)).find((m) => m.organizationId === organization.id) : undefined;
    const notice = c.req.query('created')
      ? ctx.t('organization.created')
      : c.req.query('requested')
        ? ctx.t('organization.requested')
        : undefined;
    return c.html(
      <OrganizationPage
        ctx={ctx}
        organization={organization}
        members={canSeeMembers(canManage, member) ? await membersOf(db, organization.id) : null}
        canManage={canManage}
        canVerify={canVerify(user)}
        myState={mine ? mine.state : null}
        notice={notice}
        sections={await renderSections(c, 'organization', { db, id: organization.id, ctx, user })}
      />,
    );
  });

  registerMembershipRoutes(app);
}

function registerOrganizationForm(app: Hono<AppEnv>): void {
  app.get(`${L}/organizations/new`, (c) => (c.var.user ? c.html(<OrganizationFormPage ctx={ctxOf(c)} />) : signInFirst(c)));
  app.post(`${L}/organizations/new`, async (c) => {
    const user = requireUser(c);
    const ctx = ctxOf(c);
    const form = await readForm(c, organizationSchema(await areaReader()));
    if (!form.ok) return c.html(<OrganizationFormPage ctx={ctx} errors={form.errors} values={form.values} />, 400);
    await limited(c, `write:${user.id}`, limits.write);
    try {
      const organization = await createOrganization(c.var.store, user, {
        ...form.data,
        stakeholderType: form.data.stakeholderType as StakeholderType,
      });
      return c.redirect(`/${ctx.lang}/organizations/${organization.id}?created=1`, 303);
    } catch (error) {
      if (error instanceof Refusal && error.field) {
        return c.html(
          <OrganizationFormPage ctx={ctx} errors={{ [error.field]: refusalError(error) }} values={form.values} />,
          error.status,
        );
      }
      throw error;
    }
  });
}

function registerMembershipRoutes(app: Hono<AppEnv>): void {
  app.post(`${L}/organizations/:id/join`, async (c) => {
    const user = requireUser(c);
    await readForm(c, z.object({}));
    await limited(c, `write:${user.id}`, limits.write);
    await requestToJoin(c.var.store, user, c.req.param('id'));
    return c.redirect(`/${c.var.lang}/organizations/${c.req.param('id')}?requested=1`, 303);
  });

  app.post(`${L}/organizations/:id/members/:userId/:decision{accept|reject}`, async (c) => {
    const user = requireUser(c);
    await readForm(c, z.object({}));
    await decideJoinRequest(c.var.store, user, c.req.param('id'), c.req.param('userId'), c.req.param('decision') === 'accept');
    return c.redirect(`/${c.var.lang}/organizations/${c.req.param('id')}`, 303);
  });

  app.post(`${L}/organizations/:id/verify`, async (c) => {
    const user = requireUser(c);
    await readForm(c, z.object({}));
    await verifyOrganization(c.var.store, user, c.req.param('id'));
    return c.redirect(`/${c.var.lang}/organizations/${c.req.param('id')}`, 303);
  });
}
