// A small world to report on, for the reports' tests and benchmark: a facilitator's published C5
// roadmap (two outcomes, each with an output and an activity, serving GDC objectives 1 and 3), a
// published initiative in Kenya carrying out the first activity, with a pledge. Built with the test builders.
import { publishRoadmap } from '../roadmaps/service.ts';
import type { Store } from '../store/index.ts';
import {
  buildInitiative,
  buildOrganization,
  buildPledge,
  buildReviewer,
  buildRoadmap,
  buildRoadmapNode,
  buildUser,
  publishInitiative,
} from './builders.ts';

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
  const [facilitator, reviewer] = await Promise.all([buildUser(store, { name: 'Facilitator of C5' }), buildReviewer(store)]);
  const organization = await buildOrganization(store, facilitator, {
    name: `Cybersecurity facilitator${suffix}`,
    stakeholderType: 'un-entity',
  });
  const initiative = await buildInitiative(store, {
    author: facilitator,
    organizationId: organization.id,
    input: {
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
      links: [
        { elementId: 'gdc.13.a', evidence: 'Builds capacity to respond to cyber incidents.' },
        { elementId: 'wsis.C5', evidence: 'Building confidence and security in the use of ICTs.' },
        { elementId: 'gdc.32.a', evidence: 'Responds to incidents that put children at risk online.' },
      ],
    },
  });
  // Made on the draft, so that it is published with the initiative.
  const pledgeId = await buildPledge(store, facilitator, initiative.id, {
    metric: 'Public bodies covered by the CERT',
    unit: 'bodies',
    targetValue: 120,
    areas: ['KEN'],
  });
  await publishInitiative(store, facilitator, initiative.id, reviewer);

  const roadmapId = await buildRoadmap(store, facilitator, organization.id, {
    title: 'Roadmap for action line C5: building confidence and security in the use of ICTs',
    description: 'How the facilitator of C5 links its action line to the SDG targets and GDC commitments, to 2030.',
    actionLineId: 'wsis.C5',
  });
  const part = (over: Parameters<typeof buildRoadmapNode>[3]) => buildRoadmapNode(store, facilitator, roadmapId, over);
  const trust = await part({
    title: 'National cybersecurity capacity raised',
    indicators: [{ code: 'IT.NET.USER.ZS', targetValue: 80, targetYear: 2030 }],
  });
  const safety = await part({
    title: 'Children safer online',
    indicators: [{ code: 'ITU.HH.INTERNET', targetValue: 100, targetYear: 2030 }],
  });
  const output = await part({ parentId: trust, title: 'National CERTs established' });
  const activityId = await part({
    parentId: output,
    title: 'CERT readiness assessments',
    elements: ['gdc.13.a', 'wsis.C5', 'sdg.16.a'],
    leadOrganizationId: organization.id,
    startDate: '2026-01-01',
    dueDate: '2027-06-30',
    initiatives: [initiative.id],
  });
  const campaigns = await part({ parentId: safety, title: 'Online safety campaigns run' });
  await part({
    parentId: campaigns,
    title: 'Child online safety campaigns in schools',
    elements: ['gdc.32.a', 'wsis.C5'],
    leadOrganizationId: organization.id,
    dueDate: '2028-06-30',
  });
  const published = await publishRoadmap(store, facilitator, roadmapId);
  if (!published.published) throw new Error(`the fixture roadmap did not pass its checks: ${JSON.stringify(published.findings)}`);
  return { roadmapId, activityId, initiativeId: initiative.id, pledgeId };
}
