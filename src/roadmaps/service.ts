// Roadmaps: created and edited by members of the owning organization (a facilitator, or UNGIS for
// the joint roadmap) while a draft; published only when the quality checks pass (checks.ts);
// every change recorded (provenance). The public sees published and archived roadmaps.
import { randomUUID } from 'node:crypto';
import { sql, pgTextArray, type Database, type Store } from '../store/index.ts';
import { recordChange } from '../provenance/history.ts';
import { Refusal } from '../shared/refusal.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { mayEditFor } from '../organizations/service.ts';
import { checkRoadmap, type Finding } from './checks.ts';
import { childKind, type NodeInput, type NodeKind, type NodeStatus, type RoadmapInput, type RoadmapState } from './model.ts';

export interface RoadmapNode {
  id: string;
  parentId: string | null;
  kind: NodeKind;
  position: number;
  title: string;
  description: string;
  leadOrganization: { id: string; name: string } | null;
  contributors: { id: string; name: string }[];
  startDate: string | null;
  dueDate: string | null;
  status: NodeStatus;
  elements: string[];
  indicators: { code: string; targetValue: number | null; targetYear: number | null }[];
  /** Published registry initiatives that carry it out (activities). */
  initiatives: { id: string; title: string }[];
}

export interface Roadmap {
  id: string;
  title: string;
  description: string;
  lang: string;
  owner: { id: string; name: string };
  actionLineId: string | null;
  state: RoadmapState;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** Outcomes first, each followed by its outputs and their activities (depth-first, by position). */
  nodes: RoadmapNode[];
  /** What stops it from being published (empty when it may be). */
  findings: Finding[];
  /** May the viewer change it (a draft of their organization's)? */
  editable: boolean;
  /** May the viewer take it back to draft (published, and theirs)? */
  reopenable: boolean;
}

const mayEdit = mayEditFor;

async function requireElements(db: Database, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(
    (await db.query<{ id: string }>(sql`SELECT id FROM elements WHERE id = ANY(${pgTextArray(ids)}::text[])`)).map((r) => r.id),
  );
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new Refusal(400, 'initiative.elementUnknown', `${field}.${missing}`, { id: ids[missing]! });
}

async function requireOrganizations(db: Database, ids: readonly string[], field: (i: number) => string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(
    (await db.query<{ id: string }>(sql`SELECT id FROM organizations WHERE id = ANY(${pgTextArray(ids)}::text[])`)).map((r) => r.id),
  );
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new Refusal(400, 'organization.notFound', field(missing));
}

export async function createRoadmap(store: Store, user: User, input: RoadmapInput): Promise<string> {
  const id = randomUUID();
  await store.transaction(async (tx) => {
    await requireOrganizations(tx, [input.ownerOrganizationId], () => 'ownerOrganizationId');
    if (!(await mayEdit(tx, user, input.ownerOrganizationId))) throw new Refusal(403, 'initiative.notMemberOfLead', 'ownerOrganizationId');
    if (input.actionLineId) await requireElements(tx, [input.actionLineId], 'actionLineId');
    await tx.query(
      sql`INSERT INTO roadmaps (id, title, description, lang, owner_organization_id, action_line_id, state, created_by)
          VALUES (${id}, ${input.title}, ${input.description}, ${input.lang}, ${input.ownerOrganizationId}, ${input.actionLineId}, 'draft', ${user.id})`,
    );
    await recordChange(tx, { entity: 'roadmap', entityId: id, action: 'create', actor: user.id, after: { ...input } });
  });
  return id;
}

/** The roadmap row for a change: it must exist, the user must edit for its owner, and it must be a draft. */
async function editableRoadmap(tx: Database, user: User, roadmapId: string): Promise<{ owner: string; state: RoadmapState }> {
  const [row] = await tx.query<{ owner_organization_id: string; state: RoadmapState }>(
    sql`SELECT owner_organization_id, state FROM roadmaps WHERE id = ${roadmapId} FOR UPDATE`,
  );
  if (!row) throw new Refusal(404, 'roadmap.notFound');
  if (!(await mayEdit(tx, user, row.owner_organization_id))) throw new Refusal(403, 'initiative.notYours');
  if (row.state !== 'draft') throw new Refusal(409, 'roadmap.wrongState', undefined, { state: row.state });
  return { owner: row.owner_organization_id, state: row.state };
}

async function checkNodeInput(tx: Database, input: NodeInput): Promise<void> {
  await requireElements(tx, input.elements, 'elements');
  // Indicators are those of Concord's catalogue (src/indicators), by code.
  const codes = input.indicators.map((i) => i.code);
  if (codes.length) {
    const known = new Set(
      (await tx.query<{ code: string }>(sql`SELECT code FROM indicators WHERE code = ANY(${pgTextArray(codes)}::text[])`)).map(
        (r) => r.code,
      ),
    );
    const missing = codes.findIndex((code) => !known.has(code));
    if (missing >= 0) throw new Refusal(400, 'roadmap.indicatorUnknown', `indicators.${missing}`, { code: codes[missing]! });
  }
  // Initiatives behind an activity are public registry records.
  if (input.initiatives.length) {
    const found = new Set(
      (
        await tx.query<{ id: string }>(
          sql`SELECT id FROM initiatives WHERE id = ANY(${pgTextArray(input.initiatives)}::text[]) AND state = 'published'`,
        )
      ).map((r) => r.id),
    );
    const missing = input.initiatives.findIndex((id) => !found.has(id));
    if (missing >= 0) throw new Refusal(400, 'roadmap.initiativeUnknown', `initiatives.${missing}`, { id: input.initiatives[missing]! });
  }
  if (input.leadOrganizationId) await requireOrganizations(tx, [input.leadOrganizationId], () => 'leadOrganizationId');
  await requireOrganizations(tx, input.contributors, (i) => `contributors.${i}`);
}

async function writeNodeParts(tx: Database, nodeId: string, input: NodeInput): Promise<void> {
  await tx.query(sql`DELETE FROM roadmap_node_elements WHERE node_id = ${nodeId}`);
  await tx.query(sql`DELETE FROM roadmap_node_contributors WHERE node_id = ${nodeId}`);
  await tx.query(sql`DELETE FROM roadmap_node_indicators WHERE node_id = ${nodeId}`);
  await tx.query(sql`DELETE FROM roadmap_node_initiatives WHERE node_id = ${nodeId}`);
  for (const initiative of new Set(input.initiatives)) {
    await tx.query(sql`INSERT INTO roadmap_node_initiatives (node_id, initiative_id) VALUES (${nodeId}, ${initiative})`);
  }
  for (const element of new Set(input.elements)) {
    await tx.query(sql`INSERT INTO roadmap_node_elements (node_id, element_id) VALUES (${nodeId}, ${element})`);
  }
  for (const organization of new Set(input.contributors)) {
    await tx.query(sql`INSERT INTO roadmap_node_contributors (node_id, organization_id) VALUES (${nodeId}, ${organization})`);
  }
  for (const indicator of new Map(input.indicators.map((i) => [i.code, i])).values()) {
    await tx.query(
      sql`INSERT INTO roadmap_node_indicators (node_id, indicator_code, target_value, target_year)
          VALUES (${nodeId}, ${indicator.code}, ${indicator.targetValue === null ? null : String(indicator.targetValue)}, ${indicator.targetYear})`,
    );
  }
}

/** Adds an outcome (no parent), an output (under an outcome) or an activity (under an output). */
export async function addNode(store: Store, user: User, roadmapId: string, input: NodeInput): Promise<string> {
  const id = randomUUID();
  await store.transaction(async (tx) => {
    await editableRoadmap(tx, user, roadmapId);
    let parentKind: NodeKind | null = null;
    if (input.parentId) {
      const [parent] = await tx.query<{ kind: NodeKind }>(
        sql`SELECT kind FROM roadmap_nodes WHERE id = ${input.parentId} AND roadmap_id = ${roadmapId}`,
      );
      if (!parent) throw new Refusal(400, 'roadmap.parentUnknown', 'parentId');
      parentKind = parent.kind;
    }
    const kind = childKind(parentKind);
    if (!kind) throw new Refusal(400, 'roadmap.activityHasNoChildren', 'parentId');
    await checkNodeInput(tx, input);
    const [{ next } = { next: 1 }] = await tx.query<{ next: number }>(
      sql`SELECT coalesce(max(position), 0) + 1 AS next FROM roadmap_nodes WHERE roadmap_id = ${roadmapId}`,
    );
    await tx.query(
      sql`INSERT INTO roadmap_nodes (id, roadmap_id, parent_id, kind, position, title, description, lead_organization_id, start_date, due_date, status)
          VALUES (${id}, ${roadmapId}, ${input.parentId}, ${kind}, ${next}, ${input.title}, ${input.description}, ${input.leadOrganizationId},
                  ${input.startDate}, ${input.dueDate}, ${input.status})`,
    );
    await writeNodeParts(tx, id, input);
    await tx.query(sql`UPDATE roadmaps SET version = version + 1, updated_at = now() WHERE id = ${roadmapId}`);
    await recordChange(tx, {
      entity: 'roadmap',
      entityId: roadmapId,
      action: `add-${kind}`,
      actor: user.id,
      after: { node: id, ...input },
    });
  });
  return id;
}

/** Changes a node's content (not its place in the tree). */
export async function updateNode(store: Store, user: User, nodeId: string, input: NodeInput): Promise<void> {
  await store.transaction(async (tx) => {
    const [node] = await tx.query<{ roadmap_id: string; kind: NodeKind }>(
      sql`SELECT roadmap_id, kind FROM roadmap_nodes WHERE id = ${nodeId}`,
    );
    if (!node) throw new Refusal(404, 'roadmap.notFound');
    await editableRoadmap(tx, user, node.roadmap_id);
    await checkNodeInput(tx, input);
    const before = (await loadNodes(tx, node.roadmap_id)).find((n) => n.id === nodeId);
    await tx.query(
      sql`UPDATE roadmap_nodes SET title = ${input.title}, description = ${input.description}, lead_organization_id = ${input.leadOrganizationId},
            start_date = ${input.startDate}, due_date = ${input.dueDate}, status = ${input.status}, updated_at = now()
          WHERE id = ${nodeId}`,
    );
    await writeNodeParts(tx, nodeId, input);
    await tx.query(sql`UPDATE roadmaps SET version = version + 1, updated_at = now() WHERE id = ${node.roadmap_id}`);
    await recordChange(tx, {
      entity: 'roadmap',
      entityId: node.roadmap_id,
      action: `edit-${node.kind}`,
      actor: user.id,
      before: before ? nodeSnapshot(before) : null,
      after: { node: nodeId, ...input, parentId: before?.parentId ?? null },
    });
  });
}

function nodeSnapshot(n: RoadmapNode): Record<string, unknown> {
  return {
    node: n.id,
    parentId: n.parentId,
    title: n.title,
    description: n.description,
    leadOrganizationId: n.leadOrganization?.id ?? null,
    contributors: n.contributors.map((c) => c.id),
    startDate: n.startDate,
    dueDate: n.dueDate,
    status: n.status,
    elements: n.elements,
    indicators: n.indicators,
    initiatives: n.initiatives.map((i) => i.id),
  };
}

/** Publishes the roadmap if the quality checks pass; otherwise changes nothing and says what is missing. */
export async function publishRoadmap(store: Store, user: User, roadmapId: string): Promise<{ published: boolean; findings: Finding[] }> {
  return store.transaction(async (tx) => {
    await editableRoadmap(tx, user, roadmapId);
    const findings = checkRoadmap(await loadNodes(tx, roadmapId));
    if (findings.length > 0) return { published: false, findings };
    await tx.query(
      sql`UPDATE roadmaps SET state = 'published', published_at = now(), version = version + 1, updated_at = now() WHERE id = ${roadmapId}`,
    );
    await recordChange(tx, {
      entity: 'roadmap',
      entityId: roadmapId,
      action: 'publish',
      actor: user.id,
      before: { state: 'draft' },
      after: { state: 'published' },
    });
    return { published: true, findings: [] };
  });
}

/** A published roadmap goes back to draft for changes (and is published again through the checks). */
export async function reopenRoadmap(store: Store, user: User, roadmapId: string): Promise<void> {
  await store.transaction(async (tx) => {
    const [row] = await tx.query<{ owner_organization_id: string; state: RoadmapState }>(
      sql`SELECT owner_organization_id, state FROM roadmaps WHERE id = ${roadmapId} FOR UPDATE`,
    );
    if (!row) throw new Refusal(404, 'roadmap.notFound');
    if (!(await mayEdit(tx, user, row.owner_organization_id))) throw new Refusal(403, 'initiative.notYours');
    if (row.state !== 'published') throw new Refusal(409, 'roadmap.wrongState', undefined, { state: row.state });
    await tx.query(sql`UPDATE roadmaps SET state = 'draft', version = version + 1, updated_at = now() WHERE id = ${roadmapId}`);
    await recordChange(tx, {
      entity: 'roadmap',
      entityId: roadmapId,
      action: 'reopen',
      actor: user.id,
      before: { state: 'published' },
      after: { state: 'draft' },
    });
  });
}

async function loadNodes(db: Database, roadmapId: string): Promise<RoadmapNode[]> {
  const rows = await db.query<{
    id: string;
    parent_id: string | null;
    kind: NodeKind;
    position: number;
    title: string;
    description: string;
    lead_id: string | null;
    lead_name: string | null;
    start_date: string | null;
    due_date: string | null;
    status: NodeStatus;
  }>(
    sql`SELECT n.id, n.parent_id, n.kind, n.position, n.title, n.description, n.lead_organization_id AS lead_id, o.name AS lead_name,
               n.start_date, n.due_date, n.status
        FROM roadmap_nodes n LEFT JOIN organizations o ON o.id = n.lead_organization_id
        WHERE n.roadmap_id = ${roadmapId} ORDER BY n.position`,
  );
  if (rows.length === 0) return [];
  const ids = pgTextArray(rows.map((r) => r.id));
  const [elements, contributors, indicators, carriedOut] = await Promise.all([
    db.query<{ node_id: string; element_id: string }>(
      sql`SELECT ne.node_id, ne.element_id FROM roadmap_node_elements ne JOIN elements e ON e.id = ne.element_id
          WHERE ne.node_id = ANY(${ids}::text[]) ORDER BY e.framework_id, e.position`,
    ),
    db.query<{ node_id: string; id: string; name: string }>(
      sql`SELECT c.node_id, o.id, o.name FROM roadmap_node_contributors c JOIN organizations o ON o.id = c.organization_id
          WHERE c.node_id = ANY(${ids}::text[]) ORDER BY lower(o.name)`,
    ),
    db.query<{ node_id: string; indicator_code: string; target_value: string | null; target_year: number | null }>(
      sql`SELECT node_id, indicator_code, target_value, target_year FROM roadmap_node_indicators WHERE node_id = ANY(${ids}::text[]) ORDER BY indicator_code`,
    ),
    db.query<{ node_id: string; id: string; title: string | null }>(
      sql`SELECT ni.node_id, ni.initiative_id AS id,
                 (SELECT title FROM initiative_texts WHERE initiative_id = ni.initiative_id ORDER BY (lang = 'en') DESC, lang LIMIT 1) AS title
          FROM roadmap_node_initiatives ni JOIN initiatives i ON i.id = ni.initiative_id
          WHERE ni.node_id = ANY(${ids}::text[]) AND i.state = 'published' ORDER BY ni.initiative_id`,
    ),
  ]);
  const nodes = rows.map((r): RoadmapNode => ({
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind,
    position: r.position,
    title: r.title,
    description: r.description,
    leadOrganization: r.lead_id ? { id: r.lead_id, name: r.lead_name ?? r.lead_id } : null,
    contributors: contributors.filter((c) => c.node_id === r.id).map((c) => ({ id: c.id, name: c.name })),
    startDate: r.start_date,
    dueDate: r.due_date,
    status: r.status,
    elements: elements.filter((e) => e.node_id === r.id).map((e) => e.element_id),
    indicators: indicators
      .filter((i) => i.node_id === r.id)
      .map((i) => ({
        code: i.indicator_code,
        targetValue: i.target_value === null ? null : Number(i.target_value),
        targetYear: i.target_year,
      })),
    initiatives: carriedOut.filter((i) => i.node_id === r.id).map((i) => ({ id: i.id, title: i.title ?? i.id })),
  }));
  // Depth-first: each outcome, then its outputs, each followed by its activities.
  const children = (parent: string | null): RoadmapNode[] =>
    nodes.filter((n) => n.parentId === parent).flatMap((n) => [n, ...children(n.id)]);
  return children(null);
}

/** A roadmap as `viewer` may see it: published and archived ones for everyone; drafts for their owner and reviewers. */
export async function getRoadmap(db: Database, id: string, viewer: User | null): Promise<Roadmap | undefined> {
  const [row] = await db.query<{
    id: string;
    title: string;
    description: string;
    lang: string;
    owner_organization_id: string;
    owner_name: string;
    action_line_id: string | null;
    state: RoadmapState;
    version: number;
    created_at: string;
    updated_at: string;
    published_at: string | null;
  }>(sql`SELECT r.*, o.name AS owner_name FROM roadmaps r JOIN organizations o ON o.id = r.owner_organization_id WHERE r.id = ${id}`);
  if (!row) return undefined;
  const editor = await mayEdit(db, viewer, row.owner_organization_id);
  if (row.state === 'draft' && !editor) return undefined;
  const nodes = await loadNodes(db, id);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    lang: row.lang,
    owner: { id: row.owner_organization_id, name: row.owner_name },
    actionLineId: row.action_line_id,
    state: row.state,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    nodes,
    findings: checkRoadmap(nodes),
    editable: editor && row.state === 'draft',
    reopenable: editor && row.state === 'published',
  };
}

export interface RoadmapSummary {
  id: string;
  title: string;
  lang: string;
  owner: { id: string; name: string };
  actionLineId: string | null;
  state: RoadmapState;
  nodes: number;
  updatedAt: string;
}

/** Published roadmaps (the joint one first, then by action line), and the viewer's organizations' drafts. */
export async function listRoadmaps(db: Database, viewer: User | null): Promise<RoadmapSummary[]> {
  const rows = await db.query<{
    id: string;
    title: string;
    lang: string;
    owner_organization_id: string;
    owner_name: string;
    action_line_id: string | null;
    state: RoadmapState;
    nodes: number;
    updated_at: string;
  }>(
    sql`SELECT r.id, r.title, r.lang, r.owner_organization_id, o.name AS owner_name, r.action_line_id, r.state, r.updated_at,
               (SELECT count(*)::int FROM roadmap_nodes n WHERE n.roadmap_id = r.id) AS nodes
        FROM roadmaps r JOIN organizations o ON o.id = r.owner_organization_id
        WHERE r.state IN ('published', 'archived')
           OR ${viewer ? isReviewer(viewer) : false}
           OR r.owner_organization_id IN (SELECT organization_id FROM memberships WHERE user_id = ${viewer?.id ?? ''} AND state = 'active')
        ORDER BY r.action_line_id IS NOT NULL, r.action_line_id, r.updated_at DESC`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    lang: r.lang,
    owner: { id: r.owner_organization_id, name: r.owner_name },
    actionLineId: r.action_line_id,
    state: r.state,
    nodes: r.nodes,
    updatedAt: r.updated_at,
  }));
}

export interface DueActivity {
  roadmapId: string;
  roadmapTitle: string;
  /** The language the roadmap (and so the activity's title) is written in. */
  lang: string;
  nodeId: string;
  title: string;
  dueDate: string;
}

/**
 * The activities of published roadmaps that fall due next (due on or after `from`, not completed
 * or cancelled), soonest first: what the front page lists under "what falls due next".
 */
export async function activitiesDue(db: Database, options: { from: string; limit: number }): Promise<DueActivity[]> {
  const rows = await db.query<{ roadmap_id: string; roadmap_title: string; lang: string; id: string; title: string; due_date: string }>(
    sql`SELECT r.id AS roadmap_id, r.title AS roadmap_title, r.lang, n.id, n.title, n.due_date::text AS due_date
        FROM roadmap_nodes n JOIN roadmaps r ON r.id = n.roadmap_id
        WHERE r.state = 'published' AND n.kind = 'activity' AND n.due_date >= ${options.from}::date
          AND n.status NOT IN ('completed', 'cancelled')
        ORDER BY n.due_date, n.id
        LIMIT ${options.limit}`,
  );
  return rows.map((r) => ({
    roadmapId: r.roadmap_id,
    roadmapTitle: r.roadmap_title,
    lang: r.lang,
    nodeId: r.id,
    title: r.title,
    dueDate: r.due_date,
  }));
}
