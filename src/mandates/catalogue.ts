// The actor catalogue as reviewers keep it (issue 14, item 1): the catalogue itself is code
// (documents/actors.ts); reviewers add names to an actor and merge two actors found to be one.
// Both are kept in the store with who and when, and both reach the mandates: at once (the
// mandates already read) and at every re-read (refreshMandates applies the same overlay).
import { sql, type Database, type Store } from '../store/index.ts';
import { actorById, ACTORS, findActors, type Actor } from '../documents/actors.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { recordChange } from '../provenance/history.ts';
import { Refusal } from '../shared/refusal.ts';
import type { Language } from '../language/languages.ts';

/** The groups an actor belongs to: those that list it, and the United Nations system for every UN entity. */
export function groupsOf(actorId: string): string[] {
  const actor = actorById(actorId);
  const groups = ACTORS.filter((a) => a.members?.includes(actorId)).map((a) => a.id);
  if (actor?.kind === 'un-entity' && !groups.includes('group.un-system')) groups.push('group.un-system');
  return groups;
}

/**
 * The canonical ids a request is addressed to: each actor named and, for a group that stands for
 * several actors ("the action-line facilitators"), each of its members.
 *
 * @example
 * askedIds(['group.action-line-facilitators']) // ['group.action-line-facilitators', 'un.itu', 'un.unesco', …]
 */
export function askedIds(named: readonly (string | null)[], overlay: ActorOverlay = NO_OVERLAY): string[] {
  const out: string[] = [];
  for (const id of named) {
    if (!id) continue;
    out.push(id);
    out.push(...(actorById(id)?.members ?? []));
  }
  return [...new Set(out.map((id) => overlay.survivor.get(id) ?? id))];
}

/** What reviewers changed in the catalogue: merged actors (to their survivor) and added names. */
export interface ActorOverlay {
  survivor: ReadonlyMap<string, string>;
  /** `lang` + NUL + the name's key → the actor it names. */
  names: ReadonlyMap<string, string>;
}

const NO_OVERLAY: ActorOverlay = { survivor: new Map(), names: new Map() };

/**
 * The key two spellings of one name share: case, spacing and a leading article aside
 * ("The Counter-Terrorism Compact entities" = "counter-terrorism compact  entities").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(?:the|les?|la|l['’]|los|las|el) ?/u, '');
}

const keyOf = (lang: string, name: string) => `${lang}\u0000${nameKey(name)}`;

/** The catalogue's overlay as the store holds it (two small reads). */
export async function actorOverlay(db: Database): Promise<ActorOverlay> {
  const [merges, aliases] = await Promise.all([
    db.query<{ merged_id: string; survivor_id: string }>(sql`SELECT merged_id, survivor_id FROM actor_merges`),
    db.query<{ actor_id: string; lang: string; alias: string }>(sql`SELECT actor_id, lang, alias FROM actor_aliases`),
  ]);
  return {
    survivor: new Map(merges.map((m) => [m.merged_id, m.survivor_id])),
    names: new Map(aliases.map((a) => [keyOf(a.lang, a.alias), a.actor_id])),
  };
}

/**
 * A request's actors with the overlay applied: a merged actor is its survivor, words that are a
 * name reviewers added are that actor; each actor once.
 */
export function overlaid(
  actors: readonly { id: string | null; text: string }[],
  lang: string,
  overlay: ActorOverlay,
): { id: string | null; text: string }[] {
  const out: { id: string | null; text: string }[] = [];
  for (const a of actors) {
    const id = a.id ? (overlay.survivor.get(a.id) ?? a.id) : (overlay.names.get(keyOf(lang, a.text)) ?? null);
    if (id && out.some((o) => o.id === id)) continue;
    out.push({ id, text: a.text });
  }
  return out;
}

/**
 * A mandate's actors as stored: the overlay applied (`overlaid`) and the ids the request is then
 * addressed to (`askedIds`), the two columns every writer of mandates keeps together.
 */
export function addressed(
  actors: readonly { id: string | null; text: string }[],
  lang: string,
  overlay: ActorOverlay,
): { actors: { id: string | null; text: string }[]; actorIds: string[] } {
  const out = overlaid(actors, lang, overlay);
  return {
    actors: out,
    actorIds: askedIds(
      out.map((a) => a.id),
      overlay,
    ),
  };
}

/** The actor that remains of an id: itself, or the actor it was merged into. */
export async function survivorOf(db: Database, actorId: string): Promise<string> {
  const [row] = await db.query<{ survivor_id: string }>(sql`SELECT survivor_id FROM actor_merges WHERE merged_id = ${actorId}`);
  return row?.survivor_id ?? actorId;
}

export interface AddedName {
  lang: Language;
  alias: string;
  addedBy: string;
  addedAt: string;
}

/** The names reviewers added to an actor (its own and those of the actors merged into it). */
export async function addedNames(db: Database, actorId: string): Promise<AddedName[]> {
  const rows = await db.query<{ lang: Language; alias: string; added_by: string; added_at: string }>(
    sql`SELECT lang, alias, added_by, added_at FROM actor_aliases WHERE actor_id = ${actorId} ORDER BY lang, lower(alias)`,
  );
  return rows.map((r) => ({ lang: r.lang, alias: r.alias, addedBy: r.added_by, addedAt: r.added_at }));
}

/** The actors merged into one, with who merged them, when and why. */
export async function mergedInto(
  db: Database,
  survivorId: string,
): Promise<{ id: string; reason: string | null; mergedBy: string; mergedAt: string }[]> {
  const rows = await db.query<{ merged_id: string; reason: string | null; merged_by: string; merged_at: string }>(
    sql`SELECT merged_id, reason, merged_by, merged_at FROM actor_merges WHERE survivor_id = ${survivorId} ORDER BY merged_at, merged_id`,
  );
  return rows.map((r) => ({ id: r.merged_id, reason: r.reason, mergedBy: r.merged_by, mergedAt: r.merged_at }));
}

/** An actor reviewers may change: in the catalogue and not merged away. */
async function liveActor(db: Database, actorId: string, field: string): Promise<Actor> {
  const actor = actorById(actorId);
  if (!actor) throw new Refusal(404, 'actor.error.notFound', field, { id: actorId });
  const survivor = await survivorOf(db, actorId);
  if (survivor !== actorId) throw new Refusal(409, 'actor.error.merged', field, { name: actorById(survivor)?.names.en ?? survivor });
  return actor;
}

/**
 * Rewrites the actors of the mandates a change of the catalogue reaches (in the caller's
 * transaction), with the overlay as it now stands; says how many changed.
 */
async function reapply(tx: Database, candidates: { id: number; lang: string; actors: { id: string | null; text: string }[] }[]) {
  const overlay = await actorOverlay(tx);
  const changed = candidates.flatMap((m) => {
    const { actors, actorIds } = addressed(m.actors, m.lang, overlay);
    return JSON.stringify(actors) === JSON.stringify(m.actors) ? [] : [{ id: Number(m.id), actors, actor_ids: actorIds }];
  });
  if (changed.length > 0)
    await tx.query(
      sql`UPDATE mandates m SET actors = r.actors, actor_ids = r.actor_ids, updated_at = now()
          FROM jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) AS r(id bigint, actors jsonb, actor_ids text[])
          WHERE m.id = r.id`,
    );
  return changed.length;
}

/**
 * A reviewer adds a name to an actor, in one language. A name that already names an actor (in
 * the catalogue or added) is refused, naming that actor. Requests whose actor was read only as
 * these words are addressed to the actor at once; the number is returned.
 */
export async function addActorAlias(store: Store, user: User, actorId: string, input: { lang: Language; alias: string }): Promise<number> {
  if (!isReviewer(user)) throw new Refusal(403, 'review.notReviewer');
  const actor = await liveActor(store.db, actorId, 'alias');
  const alias = input.alias.replace(/\s+/gu, ' ').trim();
  if (!alias) throw new Refusal(400, 'form.required', 'alias');
  // The whole name read as a catalogue name: it names that actor already.
  const known = findActors(alias, input.lang).find((m) => nameKey(m.text) === nameKey(alias));
  if (known) throw new Refusal(409, 'actor.error.aliasTaken', 'alias', { name: actorById(known.id)?.names[input.lang] ?? known.id });
  return store.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      sql`INSERT INTO actor_aliases (actor_id, lang, alias, added_by) VALUES (${actor.id}, ${input.lang}, ${alias}, ${user.id})
          ON CONFLICT (lang, lower(alias)) DO NOTHING RETURNING id`,
    );
    if (!row) {
      const [holder] = await tx.query<{ actor_id: string }>(
        sql`SELECT actor_id FROM actor_aliases WHERE lang = ${input.lang} AND lower(alias) = lower(${alias})`,
      );
      throw new Refusal(409, 'actor.error.aliasTaken', 'alias', {
        name: actorById(holder?.actor_id ?? '')?.names[input.lang] ?? holder?.actor_id ?? '',
      });
    }
    const unnamed = await tx.query<{ id: number; lang: string; actors: { id: string | null; text: string }[] }>(
      sql`SELECT id, lang, actors FROM mandates WHERE lang = ${input.lang} AND actors @> '[{"id": null}]'::jsonb`,
    );
    const mandates = await reapply(
      tx,
      unnamed.filter((m) => m.actors.some((a) => a.id === null && nameKey(a.text) === nameKey(alias))),
    );
    await recordChange(tx, {
      entity: 'actor',
      entityId: actor.id,
      action: 'alias',
      actor: user.id,
      after: { alias, lang: input.lang, mandates },
    });
    return mandates;
  });
}

/**
 * A reviewer merges one actor into another (the survivor): its mandates are addressed to the
 * survivor, its added names and the actors merged into it move there, and its page leads there.
 * Kept with who, when and why on both actors' histories. Returns how many mandates moved.
 */
export async function mergeActors(
  store: Store,
  user: User,
  mergedId: string,
  input: { into: string; reason: string | null },
): Promise<number> {
  if (!isReviewer(user)) throw new Refusal(403, 'review.notReviewer');
  if (mergedId === input.into) throw new Refusal(400, 'actor.error.sameActor', 'into');
  const merged = await liveActor(store.db, mergedId, 'into');
  const survivor = await liveActor(store.db, input.into, 'into');
  return store.transaction(async (tx) => {
    const [row] = await tx.query<{ merged_id: string }>(
      sql`INSERT INTO actor_merges (merged_id, survivor_id, reason, merged_by) VALUES (${merged.id}, ${survivor.id}, ${input.reason}, ${user.id})
          ON CONFLICT (merged_id) DO NOTHING RETURNING merged_id`,
    );
    // Another reviewer merged it a moment ago.
    if (!row) throw new Refusal(409, 'actor.error.merged', 'into', { name: survivor.names.en });
    // Whatever had been merged into it now points at the actor that remains.
    const carried = await tx.query<{ merged_id: string }>(
      sql`UPDATE actor_merges SET survivor_id = ${survivor.id} WHERE survivor_id = ${merged.id} RETURNING merged_id`,
    );
    const names = await tx.query<{ id: number }>(
      sql`UPDATE actor_aliases SET actor_id = ${survivor.id} WHERE actor_id = ${merged.id} RETURNING id`,
    );
    const asked = await tx.query<{ id: number; lang: string; actors: { id: string | null; text: string }[] }>(
      sql`SELECT id, lang, actors FROM mandates WHERE actor_ids @> ARRAY[${merged.id}]::text[]`,
    );
    // A group merged away leaves its members' mandates that named only them as they are.
    const named = asked.filter((m) => m.actors.some((a) => a.id === merged.id));
    const moved = await reapply(tx, named);
    const members = asked.filter((m) => !named.includes(m)).map((m) => Number(m.id));
    if (members.length > 0)
      await tx.query(
        sql`UPDATE mandates SET actor_ids = array(SELECT DISTINCT unnest(array_replace(actor_ids, ${merged.id}, ${survivor.id}))), updated_at = now()
            WHERE id = ANY(${`{${members.join(',')}}`}::bigint[])`,
      );
    const what = {
      mergedInto: survivor.id,
      mandates: moved + members.length,
      names: names.length,
      carried: carried.map((c) => c.merged_id),
    };
    await recordChange(tx, { entity: 'actor', entityId: merged.id, action: 'merge', actor: user.id, after: what, note: input.reason });
    await recordChange(tx, {
      entity: 'actor',
      entityId: survivor.id,
      action: 'absorb',
      actor: user.id,
      after: { merged: merged.id, mandates: what.mandates, names: names.length },
      note: input.reason,
    });
    return what.mandates;
  });
}
