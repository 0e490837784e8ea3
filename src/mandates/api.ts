// /api/v1 routes of the mandate tracker: mandates (filtered, paginated), one mandate with its
// texts, elements, answers and suggestions, actors and what has been asked of each; reviewers
// correct mandates and decide answers, owners propose answers. Thin: the rules are in service.ts.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { jsonContent as json, langQuery, pageQuery, problemResponses, writeResponses, createdResponse } from '../web/api.ts';
import { notFound } from '../web/problem.ts';
import { apiWriter } from '../web/session.ts';
import { translator } from '../i18n/index.ts';
import { languages } from '../language/languages.ts';
import { actorById } from '../documents/actors.ts';
import {
  answerKinds,
  answerRelations,
  answerStates,
  correctMandate,
  decideAnswer,
  getMandate,
  groupsOf,
  listActors,
  listMandates,
  mandateForces,
  mandateStatuses,
  presentActor,
  proposeAnswer,
  type MandateList,
} from './service.ts';
import { aliasInput, answerInput, correctionInput, mandateFilterInput, mergeInput } from './model.ts';
import { addActorAlias, addedNames, mergeActors, mergedInto, survivorOf } from './catalogue.ts';

const tags = ['Mandates'];
const english = translator('en');

const Deadline = z
  .object({ text: z.string(), from: z.string().nullable(), to: z.string().nullable(), recurrence: z.string().nullable() })
  .nullable()
  .openapi({ description: 'The deadline as written and as a date range (either end may be open); null when none is given' });

const Mandate = z
  .object({
    id: z.number(),
    document: z.object({ id: z.string(), symbol: z.string().nullable(), date: z.string().nullable() }),
    paragraph: z.string().nullable().openapi({ example: '122' }),
    eid: z.string(),
    lang: z.enum(languages).openapi({ description: 'The language version the request was read from' }),
    verb: z.string().openapi({ example: 'requests' }),
    verbText: z.string(),
    force: z.enum(mandateForces),
    actors: z.array(z.object({ id: z.string().nullable(), name: z.string(), text: z.string() })),
    askedIds: z.array(z.string()).openapi({ description: 'Every actor asked: those named and each member of a group named' }),
    object: z.string(),
    deadline: Deadline,
    status: z.enum(mandateStatuses),
    rule: z.string().openapi({ description: 'Why it has that status, in the language asked for' }),
    notMandate: z.boolean(),
    notMandateReason: z.string().nullable(),
  })
  .openapi('Mandate');

const Answer = z
  .object({
    id: z.number(),
    kind: z.enum(answerKinds),
    targetId: z.string(),
    title: z.string().nullable(),
    relation: z.enum(answerRelations),
    evidence: z.string(),
    state: z.enum(answerStates),
    proposedBy: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('MandateAnswer');

const MandateDetail = Mandate.extend({
  texts: z.array(z.object({ lang: z.enum(languages), text: z.string() })),
  elements: z.array(z.object({ id: z.string(), state: z.string() })),
  answers: z.array(Answer),
  suggestions: z.array(
    z.object({ documentId: z.string(), symbol: z.string().nullable(), date: z.string().nullable(), citesParagraph: z.boolean() }),
  ),
  corrections: z.array(z.object({ field: z.string(), value: z.unknown(), reason: z.string().nullable(), by: z.string(), at: z.string() })),
  present: z.boolean(),
}).openapi('MandateDetail');

const MandateListSchema = z
  .object({
    total: z.number(),
    asOf: z.string().openapi({ description: 'The day the statuses are computed for' }),
    counts: z.object({
      status: z.record(z.enum(mandateStatuses), z.number()),
      force: z.record(z.enum(mandateForces), z.number()),
    }),
    items: z.array(Mandate),
  })
  .openapi('MandateList');

const Actor = z
  .object({
    id: z.string().openapi({ example: 'un.itu' }),
    kind: z.enum(['body', 'office', 'un-entity', 'group']),
    name: z.string(),
    organization: z.string().nullable().openapi({ description: 'Its organization record, when Concord has one' }),
    members: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('Actor');

const numericId = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 42 }),
});
const actorId = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'un.itu' }),
});

const filterQuery = mandateFilterInput.extend({ lang: langQuery, ...pageQuery });

const routes = {
  list: createRoute({
    method: 'get',
    path: '/mandates',
    tags,
    summary: 'Mandates (the requests of every document), filtered by actor, document, framework element, deadline year, status and kind',
    request: { query: filterQuery },
    responses: { 200: json(MandateListSchema, 'Mandates with the counts per status and per kind'), ...problemResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/mandates/{id}',
    tags,
    summary: 'One mandate: its paragraph in every language, its framework elements, what answers it and later documents that cite it',
    request: { params: numericId, query: z.object({ lang: langQuery, asOf: mandateFilterInput.shape.asOf }) },
    responses: { 200: json(MandateDetail, 'The mandate'), ...problemResponses },
  }),
  correct: createRoute({
    method: 'post',
    path: '/mandates/{id}/corrections',
    tags,
    summary: 'Correct fields of a mandate or mark it as not one (reviewers); kept with its history and through re-reads',
    security: [{ bearer: [] }],
    request: { params: numericId, body: { content: { 'application/json': { schema: correctionInput } }, required: true } },
    responses: { 200: json(MandateDetail, 'The corrected mandate'), ...problemResponses, ...writeResponses },
  }),
  answers: createRoute({
    method: 'get',
    path: '/mandates/{id}/answers',
    tags,
    summary: 'The typed links that answer (or supersede) a mandate, in every state',
    request: { params: numericId },
    responses: { 200: json(z.object({ items: z.array(Answer) }), 'Answers'), ...problemResponses },
  }),
  propose: createRoute({
    method: 'post',
    path: '/mandates/{id}/answers',
    tags,
    summary:
      'Propose a roadmap, activity, initiative, pledge or later document as an answer (its owners; a reviewer’s is confirmed at once)',
    security: [{ bearer: [] }],
    request: { params: numericId, body: { content: { 'application/json': { schema: answerInput } }, required: true } },
    responses: { 201: createdResponse, ...problemResponses, ...writeResponses },
  }),
  decide: createRoute({
    method: 'post',
    path: '/mandate-answers/{id}/decision',
    tags,
    summary: 'Confirm or reject a proposed answer (reviewers)',
    security: [{ bearer: [] }],
    request: {
      params: numericId,
      body: { content: { 'application/json': { schema: z.object({ decision: z.enum(['confirmed', 'rejected']) }) } }, required: true },
    },
    responses: { 200: json(z.object({ mandate: z.number() }), 'Decided'), ...problemResponses, ...writeResponses },
  }),
  actors: createRoute({
    method: 'get',
    path: '/actors',
    tags,
    summary: 'The canonical actors (bodies, offices, UN entities, groups) with how many mandates ask each',
    request: { query: z.object({ lang: langQuery }) },
    responses: { 200: json(z.object({ items: z.array(Actor.extend({ mandates: z.number() })) }), 'Actors') },
  }),
  actor: createRoute({
    method: 'get',
    path: '/actors/{id}',
    tags,
    summary: 'One actor: its names in the six languages, aliases and the groups it belongs to',
    request: { params: actorId, query: z.object({ lang: langQuery }) },
    responses: {
      200: json(
        Actor.extend({
          names: z.record(z.enum(languages), z.string()),
          aliases: z.record(z.string(), z.array(z.string())),
          groups: z.array(z.string()),
          addedNames: z
            .array(z.object({ lang: z.enum(languages), alias: z.string(), addedBy: z.string(), addedAt: z.string() }))
            .openapi({ description: 'Names reviewers added (with who and when), those of the actors merged into it included' }),
          mergedFrom: z
            .array(z.object({ id: z.string(), reason: z.string().nullable(), mergedBy: z.string(), mergedAt: z.string() }))
            .openapi({ description: 'The actors merged into this one, with who merged them, when and why' }),
        }),
        'The actor',
      ),
      301: { description: 'The actor was merged into another: `Location` names the one that remains' },
      ...problemResponses,
    },
  }),
  addAlias: createRoute({
    method: 'post',
    path: '/actors/{id}/aliases',
    tags,
    summary:
      'Add a name to an actor (reviewers): requests whose actor was read only as these words are addressed to it, now and at every re-read',
    security: [{ bearer: [] }],
    request: { params: actorId, body: { content: { 'application/json': { schema: aliasInput } }, required: true } },
    responses: {
      201: json(z.object({ mandates: z.number().openapi({ description: 'Mandates now addressed to the actor by this name' }) }), 'Added'),
      ...problemResponses,
      ...writeResponses,
    },
  }),
  merge: createRoute({
    method: 'post',
    path: '/actors/{id}/merge',
    tags,
    summary:
      'Merge an actor into another that remains (reviewers): its mandates and added names move there, its page redirects there; kept in both histories',
    security: [{ bearer: [] }],
    request: { params: actorId, body: { content: { 'application/json': { schema: mergeInput } }, required: true } },
    responses: {
      200: json(z.object({ survivor: z.string(), mandates: z.number().openapi({ description: 'Mandates moved' }) }), 'Merged'),
      ...problemResponses,
      ...writeResponses,
    },
  }),
  actorMandates: createRoute({
    method: 'get',
    path: '/actors/{id}/mandates',
    tags,
    summary: 'What has been asked of an actor: its mandates (by name or as a member of a group named), by deadline',
    request: { params: actorId, query: filterQuery.omit({ actor: true }) },
    responses: { 200: json(MandateListSchema, 'Mandates by deadline'), ...problemResponses },
  }),
};

/** The API's shape of a list: the rule as text in the language asked for. */
function shaped(list: MandateList, lang: (typeof languages)[number]) {
  const t = translator(lang);
  return { ...list, items: list.items.map((m) => ({ ...m, rule: t(m.rule.key, m.rule.values) })) };
}

export function registerMandateApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(routes.list, async (c) => {
    const { lang, ...filter } = c.req.valid('query');
    return c.json(shaped(await listMandates(c.var.store.db, lang, filter), lang), 200);
  });
  api.openapi(routes.get, async (c) => {
    const { lang, asOf } = c.req.valid('query');
    const mandate = await getMandate(c.var.store.db, c.req.valid('param').id, lang, asOf);
    if (!mandate) throw notFound(`No mandate ${c.req.valid('param').id}`);
    return c.json({ ...mandate, rule: translator(lang)(mandate.rule.key, mandate.rule.values) }, 200);
  });
  api.openapi(routes.correct, async (c) => {
    const user = await apiWriter(c);
    const { id } = c.req.valid('param');
    await correctMandate(c.var.store, user, id, c.req.valid('json'));
    const mandate = (await getMandate(c.var.store.db, id, 'en'))!;
    return c.json({ ...mandate, rule: english(mandate.rule.key, mandate.rule.values) }, 200);
  });
  api.openapi(routes.answers, async (c) => {
    const mandate = await getMandate(c.var.store.db, c.req.valid('param').id, 'en');
    if (!mandate) throw notFound(`No mandate ${c.req.valid('param').id}`);
    return c.json({ items: mandate.answers }, 200);
  });
  api.openapi(routes.propose, async (c) => {
    const user = await apiWriter(c);
    const id = await proposeAnswer(c.var.store, user, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ id: String(id) }, 201);
  });
  api.openapi(routes.decide, async (c) => {
    const user = await apiWriter(c);
    const mandate = await decideAnswer(c.var.store, user, c.req.valid('param').id, c.req.valid('json').decision);
    return c.json({ mandate }, 200);
  });
  api.openapi(routes.actors, async (c) => {
    const { lang } = c.req.valid('query');
    return c.json({ items: await listActors(c.var.store.db, lang) }, 200);
  });
  api.openapi(routes.actor, async (c) => {
    const { lang } = c.req.valid('query');
    const actor = actorById(c.req.valid('param').id);
    if (!actor) throw notFound(`No actor ${c.req.valid('param').id}`);
    const db = c.var.store.db;
    const survivor = await survivorOf(db, actor.id);
    if (survivor !== actor.id) return c.redirect(`/api/v1/actors/${encodeURIComponent(survivor)}?lang=${lang}`, 301);
    const [added, merged] = await Promise.all([addedNames(db, actor.id), mergedInto(db, actor.id)]);
    return c.json(
      {
        ...presentActor(actor, lang),
        names: actor.names,
        aliases: actor.aliases,
        groups: groupsOf(actor.id),
        addedNames: added,
        mergedFrom: merged,
      },
      200,
    );
  });
  api.openapi(routes.addAlias, async (c) => {
    const user = await apiWriter(c);
    const mandates = await addActorAlias(c.var.store, user, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ mandates }, 201);
  });
  api.openapi(routes.merge, async (c) => {
    const user = await apiWriter(c);
    const { into, reason } = c.req.valid('json');
    const mandates = await mergeActors(c.var.store, user, c.req.valid('param').id, { into, reason });
    return c.json({ survivor: into, mandates }, 200);
  });
  api.openapi(routes.actorMandates, async (c) => {
    const { id } = c.req.valid('param');
    // A merged actor's mandates are those of the actor that remains (listMandates asks it).
    if (!actorById(id)) throw notFound(`No actor ${id}`);
    const { lang, ...filter } = c.req.valid('query');
    return c.json(shaped(await listMandates(c.var.store.db, lang, { ...filter, actor: id, order: 'deadline' }), lang), 200);
  });
}
