// A small world to report on, for the reports' tests and benchmark: a facilitator's published C5
// roadmap (two outcomes, each with an output and an activity, serving GDC objectives 1 and 3), a
// published initiative in Kenya carrying out the first activity, with a pledge. Built through the services.
import { createUser } from '../accounts/service.ts';
import { createOrganization } from '../organizations/service.ts';
import { createInitiative, transition } from '../initiatives/service.ts';
import { initiativeInput } from '../initiatives/model.ts';
import { createPledge, pledgeInput } from '../pledges/service.ts';
import { addNode, createRoadmap, publishRoadmap } from '../roadmaps/service.ts';
import { nodeInput } from '../roadmaps/model.ts';
import type { Store } from '../store/index.ts';

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export interface ReportFixture {
  roadmapId: string;
  activityId: string;
  initiativeId: string;
  pledgeId: string;
}

/**
 * @example
 * const fixture = await buildReportFixture(store);
 * await app.request(`/fr/reports/roadmap/${fixture.roadmapId}`);
 */
export async function buildReportFixture(store: Store, suffix = '', initiativeTitle = 'National CERT for Kenya'): Promise<ReportFixture> {
  const [facilitator, reviewer] = await Promise.all([
    createUser(store, { email: `c5${suffix}@example.org`, name: 'Facilitator of C5', password: 'correct horse battery staple' }),
    createUser(store, {
      email: `reviewer${suffix}@example.org`,
      name: 'Rita Reviewer',
      password: 'correct horse battery staple',
      role: 'reviewer',
    }),
  ]);
  const organization = await createOrganization(store, facilitator, {
    name: `Cybersecurity facilitator${suffix}`,
    stakeholderType: 'un-entity',
  });
  const initiative = await createInitiative(
    store,
    facilitator,
    initiativeInput.parse({
      leadOrganizationId: organization.id,
      status: 'ongoing',
      startDate: '2025-01-01',
      endDate: '2028-12-31',
      texts: [
        { lang: 'en', title: initiativeTitle, description: 'A computer emergency response team serving Kenya’s public bodies.' },
        {
          lang: 'ar',
          title: 'فريق وطني للاستجابة لطوارئ الحاسوب في كينيا',
          description: 'فريق للاستجابة لطوارئ الحاسوب يخدم الهيئات العامة في كينيا.',
        },
        {
          lang: 'fr',
          title: 'CERT national pour le Kenya',
          description: 'Une équipe d’intervention en cas d’urgence informatique au service des organismes publics du Kenya.',
        },
      ],
      areas: ['KEN'],
      links: [
        { elementId: 'gdc.13.a', evidence: 'Builds capacity to respond to cyber incidents.' },
        { elementId: 'wsis.C5', evidence: 'Building confidence and security in the use of ICTs.' },
        { elementId: 'gdc.32.a', evidence: 'Responds to incidents that put children at risk online.' },
      ],
    }),
  );
  const pledgeId = await createPledge(
    store,
    facilitator,
    initiative.id,
    pledgeInput.parse({
      metric: 'Public bodies covered by the CERT',
      unit: 'bodies',
      baselineValue: 0,
      // Recent, so the pledge is not stale whenever the tests run (stale: nothing reported for a year).
      baselineDate: daysFromToday(-60),
      targetValue: 120,
      targetDate: daysFromToday(3 * 365),
      areas: ['KEN'],
    }),
  );
  await transition(store, facilitator, initiative.id, 'submit');
  await transition(store, reviewer, initiative.id, 'publish');

  const roadmapId = await createRoadmap(store, facilitator, {
    title: 'Roadmap for action line C5: building confidence and security in the use of ICTs',
    description: 'How the facilitator of C5 links its action line to the SDG targets and GDC commitments, to 2030.',
    lang: 'en',
    ownerOrganizationId: organization.id,
    actionLineId: 'wsis.C5',
  });
  const part = (over: Record<string, unknown>) => nodeInput.parse({ title: 'Part', status: 'ongoing', ...over });
  const trust = await addNode(
    store,
    facilitator,
    roadmapId,
    part({ title: 'National cybersecurity capacity raised', indicators: [{ code: 'IT.NET.USER.ZS', targetValue: 80, targetYear: 2030 }] }),
  );
  const safety = await addNode(
    store,
    facilitator,
    roadmapId,
    part({ title: 'Children safer online', indicators: [{ code: 'ITU.HH.INTERNET', targetValue: 100, targetYear: 2030 }] }),
  );
  const output = await addNode(store, facilitator, roadmapId, part({ parentId: trust, title: 'National CERTs established' }));
  const activityId = await addNode(
    store,
    facilitator,
    roadmapId,
    part({
      parentId: output,
      title: 'CERT readiness assessments',
      elements: ['gdc.13.a', 'wsis.C5', 'sdg.16.a'],
      leadOrganizationId: organization.id,
      startDate: '2026-01-01',
      dueDate: '2027-06-30',
      initiatives: [initiative.id],
    }),
  );
  const campaigns = await addNode(store, facilitator, roadmapId, part({ parentId: safety, title: 'Online safety campaigns run' }));
  await addNode(
    store,
    facilitator,
    roadmapId,
    part({
      parentId: campaigns,
      title: 'Child online safety campaigns in schools',
      elements: ['gdc.32.a', 'wsis.C5'],
      leadOrganizationId: organization.id,
      dueDate: '2028-06-30',
    }),
  );
  const published = await publishRoadmap(store, facilitator, roadmapId);
  if (!published.published) throw new Error(`the fixture roadmap did not pass its checks: ${JSON.stringify(published.findings)}`);
  return { roadmapId, activityId, initiativeId: initiative.id, pledgeId };
}
