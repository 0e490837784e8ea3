// A reviewer's decision on a link Concord's matcher suggested for an initiative (from the
// record's text: src/registries/load.ts): confirmed, it becomes one of the record's links and
// counts in the registry's filters and the implementation map; rejected, it is kept as such so it
// is not proposed again. Either way history says who decided and when.
import { sql, type Store } from '../store/index.ts';
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
