// Renewed requests (issue 14, "superseded"): a later resolution that asks the same actors the same
// thing again supersedes the earlier request. Concord suggests the link; a reviewer confirms it
// (a proposed answer with relation "supersedes", the mechanism every answer uses).
import { sql, pgTextArray, type Database, type Sql } from '../store/index.ts';

/**
 * pg_trgm similarity of two requests' words at or above which, for the same actors and the same
 * kind (force), they are one request renewed. Chosen on the corpus: between A/RES/77/150 and
 * A/RES/79/194 every pair scoring 0.73 or more was the same request renewed ("to submit to the
 * General Assembly at its seventy-eighth session …" / "… eightieth session …" 0.98, "to create
 * legal and regulatory frameworks …" / "to create such frameworks …" 0.73), and the closest pair
 * of different requests scored 0.43 (the Secretary-General's report and his annual reporting).
 */
export const RENEWAL_SIMILARITY = 0.6;

/** Who proposes the suggestions (a reviewer confirms or rejects them, as any proposed answer). */
export const SUGGESTED_BY = 'concord';

/**
 * A series key: the title's letters, without the symbol some versions print before it ("77/150.
 * Information and …") nor the spaces (tabs and no-break spaces vary between versions).
 */
const SERIES = (title: Sql) =>
  sql`lower(regexp_replace(regexp_replace(coalesce(${title}, ''), '^\\s*[0-9]+/[0-9]+\\.', ''), '[^[:alpha:]]+', '', 'g'))`;

/**
 * Stores a suggested "superseded by" link for each request of `documentId` renewed by a later
 * document, and for each request of an earlier document that `documentId` renews, in the caller's
 * transaction (refreshMandates calls it each time a document is read); says how many were new.
 * The documents compared are those it cites or that cite it and the resolutions of its series
 * (same organ and title): a renewal recalls or continues what it renews, and comparing with those
 * alone keeps a document's reading bounded (9,421 of the corpus's requests ask Member States).
 * A pair is suggested when both ask the same actors, with the same force, in words at least
 * RENEWAL_SIMILARITY alike, or when the later one's paragraph cites the earlier one's. A suggestion
 * already decided (confirmed or rejected) is left as the reviewer decided it.
 */
export async function suggestRenewals(tx: Database, documentId: string): Promise<number> {
  const pairs = await tx.query<{ earlier: string; later: string }>(
    sql`WITH this AS (
          SELECT d.id, d.symbol, d.organ, d.session, d.number, d.date,
                 (SELECT ${SERIES(sql`v.title`)} FROM document_versions v WHERE v.document_id = d.id AND v.title IS NOT NULL
                  ORDER BY (v.lang = 'en') DESC, v.id LIMIT 1) AS series
          FROM documents d WHERE d.id = ${documentId}),
        related AS (
          SELECT r.target_document_id AS id, true AS cited, false AS citing FROM document_references r
          WHERE r.document_id = ${documentId} AND r.target_document_id IS NOT NULL
          UNION ALL
          SELECT r.document_id, false, true FROM document_references r, this t
          WHERE r.target_document_id = t.id OR (r.target_document_id IS NULL AND r.symbol = t.symbol)
          UNION ALL
          SELECT d.id, false, false FROM this t JOIN documents d ON d.organ = t.organ JOIN document_versions v ON v.document_id = d.id
          WHERE t.series <> '' AND ${SERIES(sql`v.title`)} = t.series),
        others AS (
          SELECT o.id, o.date, o.organ, o.session, nullif(regexp_replace(o.number, '[^0-9]', '', 'g'), '')::bigint AS n,
                 bool_or(r.cited) AS cited, bool_or(r.citing) AS citing
          FROM related r JOIN documents o ON o.id = r.id WHERE o.id <> ${documentId}
          GROUP BY o.id, o.date, o.organ, o.session, o.number),
        -- Which of the two came later: by date, else by session and number of one organ, else the one that cites.
        pairs AS (
          SELECT CASE WHEN later THEN t.id ELSE o.id END AS earlier, CASE WHEN later THEN o.id ELSE t.id END AS later
          FROM this t, others o, LATERAL (SELECT CASE
              WHEN o.date <> t.date THEN o.date > t.date
              WHEN o.organ = t.organ AND o.session <> t.session THEN o.session > t.session
              WHEN o.organ = t.organ AND o.session = t.session
                   AND o.n <> nullif(regexp_replace(t.number, '[^0-9]', '', 'g'), '')::bigint
                THEN o.n > nullif(regexp_replace(t.number, '[^0-9]', '', 'g'), '')::bigint
              WHEN o.citing AND NOT o.cited THEN true
              WHEN o.cited AND NOT o.citing THEN false END AS later) x
          WHERE x.later IS NOT NULL)
        SELECT earlier, later FROM pairs`,
  );
  if (pairs.length === 0) return 0;
  // The pairs as a list of values, so that each document's requests are read by its index.
  const rows = await tx.query<{ id: number }>(
    sql`WITH pairs AS (SELECT * FROM unnest(${pgTextArray(pairs.map((p) => p.earlier))}::text[], ${pgTextArray(pairs.map((p) => p.later))}::text[]) AS p(earlier, later)),
        -- The later documents' paragraphs that cite a paragraph of the earlier one.
        citing AS (
          SELECT pp.document_id, pp.eid, r.target_document_id AS cited, r.paragraph FROM pairs p
          JOIN document_references r ON r.document_id = p.later AND r.target_document_id = p.earlier AND r.paragraph IS NOT NULL
          JOIN document_paragraphs pp ON pp.id = r.paragraph_id),
        -- Both sides read by their document's index, then matched (MATERIALIZED: joined directly, the
        -- planner would read every mandate to hash them).
        later AS MATERIALIZED (
          SELECT p.earlier, l.* FROM pairs p JOIN mandates l ON l.document_id = p.later AND l.present AND NOT l.not_mandate),
        earlier AS MATERIALIZED (
          SELECT e.* FROM mandates e WHERE e.document_id IN (SELECT earlier FROM pairs) AND e.present AND NOT e.not_mandate),
        candidates AS (
          SELECT e.id AS mandate_id, l.document_id AS later, l.paragraph, l.force = e.force AS same_force,
                 -- Only where the words can be that alike: same force, and lengths within a factor of two.
                 CASE WHEN l.force = e.force AND length(l.object) BETWEEN length(e.object) / 2 AND length(e.object) * 2
                   THEN similarity(e.object, l.object) ELSE 0 END AS alike,
                 e.paragraph IS NOT NULL AND EXISTS (
                   SELECT 1 FROM citing c WHERE c.document_id = l.document_id AND c.eid = l.eid AND c.cited = e.document_id
                     AND c.paragraph ~ ('(^|[^0-9])' || split_part(e.paragraph, ' ', 1) || '([^0-9]|$)')) AS cites
          FROM later l
          JOIN earlier e ON e.document_id = l.earlier AND e.actor_ids = l.actor_ids
            -- A request already renewed (and not rejected as such) waits for the reviewer's word on that.
            AND NOT EXISTS (SELECT 1 FROM mandate_answers a WHERE a.mandate_id = e.id AND a.relation = 'supersedes'
                              AND a.state <> 'rejected' AND a.target_id <> l.document_id)),
        renewed AS (
          SELECT DISTINCT ON (c.mandate_id, c.later) c.* FROM candidates c
          WHERE (c.same_force AND c.alike >= ${RENEWAL_SIMILARITY}) OR c.cites
          ORDER BY c.mandate_id, c.later, c.cites DESC, c.alike DESC)
        INSERT INTO mandate_answers (mandate_id, kind, target_id, relation, evidence, state, proposed_by)
        SELECT r.mandate_id, 'document', r.later, 'supersedes',
               coalesce(d.symbol, r.later) || ' ¶ ' || coalesce(r.paragraph, '—') || CASE WHEN r.cites THEN ': cites this paragraph'
                 ELSE ': same actors and kind, words ' || round(r.alike::numeric * 100) || '% alike' END,
               'proposed', ${SUGGESTED_BY}
        FROM renewed r JOIN documents d ON d.id = r.later
        ON CONFLICT (mandate_id, kind, target_id) DO NOTHING RETURNING id`,
  );
  return rows.length;
}
