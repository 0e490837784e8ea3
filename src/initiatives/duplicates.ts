// Candidate duplicates across organizations: titles alike in the same language (trigram
// similarity), or, across languages, records that share countries, framework elements and
// overlapping dates. A reviewer's decision on a pair (duplicate, or not) is remembered.
import { sql, type Database, type Store } from '../store/index.ts';
import { recordChange } from '../provenance/history.ts';
import { Refusal } from '../shared/refusal.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { transition } from './service.ts';

export interface DuplicateCandidate {
  id: string;
  title: string;
  lang: string;
  leadOrganization: string;
  state: string;
  /** Why it is proposed: the title similarity (0-1), and what the two share. */
  titleSimilarity: number;
  sharedAreas: number;
  sharedElements: number;
  score: number;
}

/**
 * Initiatives that may describe the same work as `id` (not already decided "not a duplicate"),
 * among those `viewer` may see: reviewers every record under review or public; others the
 * public records and their own organizations'.
 */
export async function duplicateCandidates(db: Database, id: string, viewer: User, limit = 5): Promise<DuplicateCandidate[]> {
  const rows = await db.query<{
    id: string;
    title: string;
    lang: string;
    lead: string;
    state: string;
    similarity: number;
    shared_areas: number;
    shared_elements: number;
  }>(
    sql`WITH me AS (SELECT i.*, o.name AS lead FROM initiatives i JOIN organizations o ON o.id = i.lead_organization_id WHERE i.id = ${id}),
        titles AS (SELECT lang, lower(title) AS title FROM initiative_texts WHERE initiative_id = ${id}),
        alike AS (
          SELECT t.initiative_id, max(similarity(lower(t.title), titles.title)) AS similarity
          FROM initiative_texts t JOIN titles ON titles.lang = t.lang AND lower(t.title) % titles.title
          WHERE t.initiative_id <> ${id} GROUP BY t.initiative_id
        ),
        sharing AS (
          SELECT o.id AS initiative_id,
                 cardinality(ARRAY(SELECT unnest(o.area_closure) INTERSECT SELECT unnest(me.area_closure))) AS shared_areas,
                 (SELECT count(*) FROM initiative_links a JOIN initiative_links b ON b.element_id = a.element_id
                  WHERE a.initiative_id = me.id AND b.initiative_id = o.id AND a.state = 'confirmed' AND b.state = 'confirmed') AS shared_elements
          FROM initiatives o, me
          WHERE o.id <> me.id AND o.area_closure && me.area_closure AND o.element_closure && me.element_closure
            AND (o.start_date IS NULL OR me.end_date IS NULL OR o.start_date <= me.end_date)
            AND (o.end_date IS NULL OR me.start_date IS NULL OR o.end_date >= me.start_date)
        ),
        candidates AS (
          SELECT coalesce(alike.initiative_id, sharing.initiative_id) AS id, coalesce(alike.similarity, 0) AS similarity,
                 coalesce(sharing.shared_areas, 0) AS shared_areas, coalesce(sharing.shared_elements, 0) AS shared_elements
          FROM alike FULL JOIN sharing ON sharing.initiative_id = alike.initiative_id
        )
        SELECT c.id, tx.title, tx.lang, o.name AS lead, i.state, c.similarity, c.shared_areas, c.shared_elements
        FROM candidates c JOIN initiatives i ON i.id = c.id JOIN organizations o ON o.id = i.lead_organization_id
        LEFT JOIN LATERAL (SELECT title, lang FROM initiative_texts WHERE initiative_id = c.id ORDER BY (lang = 'en') DESC, lang LIMIT 1) tx ON true
        WHERE i.state NOT IN ('rejected', 'importing') AND (c.similarity >= 0.45 OR c.shared_elements >= 1)
          AND (i.state IN ('published', 'archived') OR ${isReviewer(viewer)}
               OR i.lead_organization_id IN (SELECT organization_id FROM memberships WHERE user_id = ${viewer.id} AND state = 'active'))
          AND NOT EXISTS (SELECT 1 FROM duplicate_decisions d WHERE d.first_id = least(c.id, ${id}) AND d.second_id = greatest(c.id, ${id}))
        ORDER BY c.similarity + 0.1 * c.shared_elements + 0.05 * c.shared_areas DESC, c.id
        LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    lang: r.lang,
    leadOrganization: r.lead,
    state: r.state,
    titleSimilarity: Math.round(Number(r.similarity) * 100) / 100,
    sharedAreas: Number(r.shared_areas),
    sharedElements: Number(r.shared_elements),
    score: Math.round((Number(r.similarity) + 0.1 * Number(r.shared_elements) + 0.05 * Number(r.shared_areas)) * 100) / 100,
  }));
}

/**
 * A reviewer decides on a pair: "not a duplicate" (never proposed again), or "duplicate": the
 * record `id` is rejected, naming the one it duplicates (the registry keeps one of the two).
 */
export async function decideDuplicate(store: Store, reviewer: User, id: string, otherId: string, duplicate: boolean): Promise<void> {
  if (!isReviewer(reviewer)) throw new Refusal(403, 'review.notReviewer');
  if (id === otherId) throw new Refusal(400, 'form.invalid');
  const [first, second] = [id, otherId].sort() as [string, string];
  await store.db.query(
    sql`INSERT INTO duplicate_decisions (first_id, second_id, decision, decided_by) VALUES (${first}, ${second}, ${duplicate ? 'duplicate' : 'not-duplicate'}, ${reviewer.id})
        ON CONFLICT (first_id, second_id) DO UPDATE SET decision = excluded.decision, decided_by = excluded.decided_by, decided_at = now()`,
  );
  await store.transaction((tx) =>
    recordChange(tx, {
      entity: 'initiative',
      entityId: id,
      action: duplicate ? 'duplicate' : 'not-duplicate',
      actor: reviewer.id,
      after: { other: otherId },
    }),
  );
  // A submitted record found to duplicate another is rejected, naming it; a published one stays (a reviewer may archive it).
  const [row] = await store.db.query<{ state: string }>(sql`SELECT state FROM initiatives WHERE id = ${id}`);
  if (duplicate && row?.state === 'submitted') await transition(store, reviewer, id, 'reject', `Duplicate of initiative ${otherId}.`);
}
