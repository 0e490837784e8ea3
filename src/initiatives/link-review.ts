// A reviewer's decision on a link Concord's matcher suggested for an initiative (from the
// record's text: src/registries/load.ts): confirmed, it becomes one of the record's links and
// counts in the registry's filters and the implementation map; rejected, it is kept as such so it
// is not proposed again. Either way history says who decided and when.
import { sql, type Database, type Store } from '../store/index.ts';
import { recordChange } from '../provenance/history.ts';
import { Refusal } from '../shared/refusal.ts';
import { isReviewer, type User } from '../accounts/service.ts';

export async function decideSuggestedLink(
  store: Store,
  reviewer: User,
  initiativeId: string,
  elementId: string,
  confirm: boolean,
): Promise<void> {
  if (!isReviewer(reviewer)) throw new Refusal(403, 'review.notReviewer');
  await store.transaction(async (tx) => {
    const [link] = await tx.query<{ evidence: string }>(
      sql`SELECT l.evidence FROM initiative_links l JOIN initiatives i ON i.id = l.initiative_id
          WHERE l.initiative_id = ${initiativeId} AND l.element_id = ${elementId} AND l.state = 'suggested' AND i.state <> 'importing'
          FOR UPDATE OF l`,
    );
    if (!link) throw new Refusal(404, 'initiative.suggestionNotFound');
    await tx.query(
      sql`UPDATE initiative_links SET state = ${confirm ? 'confirmed' : 'rejected'}
          WHERE initiative_id = ${initiativeId} AND element_id = ${elementId}`,
    );
    if (confirm) {
      // The record now serves the element: its filter closure follows (as writeParts computes it).
      await tx.query(
        sql`UPDATE initiatives i SET version = i.version + 1, updated_at = now(),
              element_closure = coalesce((SELECT array_agg(DISTINCT x ORDER BY x) FROM initiative_links l JOIN elements e ON e.id = l.element_id,
                                          unnest(e.ancestors || e.id) AS x WHERE l.initiative_id = i.id AND l.state = 'confirmed'), '{}')
            WHERE i.id = ${initiativeId}`,
      );
    }
    await recordChange(tx, {
      entity: 'initiative',
      entityId: initiativeId,
      action: confirm ? 'link-confirm' : 'link-reject',
      actor: reviewer.id,
      before: { elementId, state: 'suggested' },
      after: { elementId, state: confirm ? 'confirmed' : 'rejected' },
    });
  });
}

export interface SuggestedLink {
  initiativeId: string;
  title: string;
  titleLanguage: string;
  /** The registry the record was read from; null for a record made in Concord. */
  recordSource: string | null;
  elementId: string;
  framework: string;
  code: string;
  type: string;
  /** What in the record's text the matcher found. */
  evidence: string;
  /** Who suggested it (`matcher`). */
  suggestedBy: string | null;
}

/**
 * The matcher's suggestions awaiting a reviewer, record by record (a reviewer's queue), optionally
 * of one registry's records and for one framework.
 */
export async function suggestedLinks(
  db: Database,
  options: { lang: string; source?: string; framework?: string; limit: number; offset: number },
): Promise<{ total: number; items: SuggestedLink[] }> {
  const where = sql`l.state = 'suggested' AND i.state <> 'importing'
    AND (${options.source ?? null}::text IS NULL OR i.source = ${options.source ?? null})
    AND (${options.framework ?? null}::text IS NULL OR e.framework_id = ${options.framework ?? null})`;
  const [counted] = await db.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM initiative_links l JOIN initiatives i ON i.id = l.initiative_id
          JOIN elements e ON e.id = l.element_id WHERE ${where}`,
  );
  const rows = await db.query<{
    initiative_id: string;
    title: string;
    title_lang: string;
    source: string | null;
    element_id: string;
    framework_id: string;
    code: string;
    type: string;
    evidence: string;
    suggested_by: string | null;
  }>(
    sql`SELECT l.initiative_id, t.title, t.lang AS title_lang, i.source, l.element_id, e.framework_id, e.code, l.type,
               l.evidence, l.source AS suggested_by
          FROM initiative_links l
          JOIN initiatives i ON i.id = l.initiative_id
          JOIN elements e ON e.id = l.element_id
          CROSS JOIN LATERAL (SELECT title, lang FROM initiative_texts WHERE initiative_id = i.id
                              ORDER BY (lang = ${options.lang}) DESC, (lang = 'en') DESC, lang LIMIT 1) t
         WHERE ${where}
         ORDER BY l.initiative_id, e.position, l.element_id
         LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  return {
    total: Number(counted?.n ?? 0),
    items: rows.map((r) => ({
      initiativeId: r.initiative_id,
      title: r.title,
      titleLanguage: r.title_lang,
      recordSource: r.source,
      elementId: r.element_id,
      framework: r.framework_id,
      code: r.code,
      type: r.type,
      evidence: r.evidence,
      suggestedBy: r.suggested_by,
    })),
  };
}
