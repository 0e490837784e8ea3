// Loads the reference data into the store, idempotently: rows are upserted and only written
// when something differs, so a second run changes no row, and a newer data release updates
// texts while links that reviewers have acted on keep their state.
import { NAME_KEY_VERSION, nameKey } from '../language/names.ts';
import { sql, join, raw, empty, type Sql } from '../store/sql.ts';
import { pgTextArray, type Database, type Store } from '../store/index.ts';
import { foldForSearch } from '../language/normalize.ts';
import { searchConfig } from '../language/languages.ts';
import { readReferenceData, defaultDataDir, checksumOf, type ReferenceData } from './reference.ts';

export interface SeedReport {
  checksum: string;
  /** Rows inserted and updated, per table. */
  inserted: Record<string, number>;
  updated: Record<string, number>;
  /** True when the store already held this exact release and nothing was written. */
  unchanged: boolean;
}

const CHUNK = 400;

interface UpsertSpec {
  table: string;
  columns: string[];
  key: string[];
  /** Columns compared and overwritten on conflict (default: every non-key column). */
  update?: string[];
  /** Extra condition for overwriting, on the existing row `t` and the new one `excluded`. */
  updateWhen?: Sql;
}

/** Inserts rows, or updates those that differ; returns how many were inserted and updated. */
async function upsert(tx: Database, spec: UpsertSpec, values: Sql[]): Promise<{ inserted: number; updated: number }> {
  const update = spec.update ?? spec.columns.filter((c) => !spec.key.includes(c));
  let inserted = 0;
  let updated = 0;
  const cols = raw(spec.columns.map((c) => `"${c}"`).join(', '));
  const key = raw(spec.key.map((c) => `"${c}"`).join(', '));
  const set = raw(update.map((c) => `"${c}" = excluded."${c}"`).join(', '));
  const differs = raw(
    `(${update.map((c) => `t."${c}"`).join(', ')}) IS DISTINCT FROM (${update.map((c) => `excluded."${c}"`).join(', ')})`,
  );
  const when = spec.updateWhen ? sql` AND ${spec.updateWhen}` : empty;
  for (let i = 0; i < values.length; i += CHUNK) {
    const chunk = values.slice(i, i + CHUNK);
    const result = await tx.query<{
      inserted: boolean;
    }>(sql`INSERT INTO ${raw(`"${spec.table}"`)} AS t (${cols}) VALUES ${join(chunk, ', ')}
          ON CONFLICT (${key}) DO UPDATE SET ${set} WHERE ${differs}${when}
          RETURNING (xmax = 0) AS inserted`);
    for (const row of result) {
      if (row.inserted) inserted++;
      else updated++;
    }
  }
  return { inserted, updated };
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
/** A text[] parameter as a PostgreSQL array literal (the same on both dialects). */
const textArray = (value: string[]) => sql`${pgTextArray(value)}::text[]`;

/** Writes a release into the store in one transaction (all or nothing). */
async function write(tx: Database, data: ReferenceData): Promise<Omit<SeedReport, 'checksum' | 'unchanged'>> {
  const inserted: Record<string, number> = {};
  const updated: Record<string, number> = {};
  const count = (table: string, r: { inserted: number; updated: number }) => {
    inserted[table] = (inserted[table] ?? 0) + r.inserted;
    updated[table] = (updated[table] ?? 0) + r.updated;
  };

  count(
    'sources',
    await upsert(
      tx,
      {
        table: 'sources',
        columns: ['id', 'title', 'document_symbol', 'address', 'repository', 'commit', 'path', 'licence', 'notes'],
        key: ['id'],
      },
      data.sources.map(
        (s) =>
          sql`(${s.id}, ${s.title}, ${s.documentSymbol}, ${s.address}, ${s.repository}, ${s.commit}, ${s.path}, ${s.licence}, ${json(s.notes)})`,
      ),
    ),
  );
  count(
    'frameworks',
    await upsert(
      tx,
      { table: 'frameworks', columns: ['id', 'position', 'title', 'source_id', 'languages'], key: ['id'] },
      data.frameworks.map((f) => sql`(${f.id}, ${f.position}, ${f.title}, ${f.sourceId}, ${textArray(f.languages)})`),
    ),
  );
  count(
    'elements',
    await upsert(
      tx,
      {
        table: 'elements',
        columns: ['id', 'framework_id', 'kind', 'parent_id', 'ancestors', 'position', 'code', 'attributes', 'source_id'],
        key: ['id'],
      },
      data.elements.map(
        (e) =>
          sql`(${e.id}, ${e.frameworkId}, ${e.kind}, ${e.parentId}, ${textArray(e.ancestors)}, ${e.position}, ${e.code}, ${json(e.attributes)}, ${e.sourceId})`,
      ),
    ),
  );
  count(
    'element_texts',
    await upsert(
      tx,
      {
        table: 'element_texts',
        columns: ['element_id', 'lang', 'title', 'text', 'folded', 'search', 'source_id', 'caveats'],
        key: ['element_id', 'lang'],
        update: ['title', 'text', 'folded', 'source_id', 'caveats', 'search'],
      },
      data.texts.map((t) => {
        const folded = foldForSearch([t.title, t.text].filter(Boolean).join('\n'), t.lang);
        return sql`(${t.elementId}, ${t.lang}, ${t.title}, ${t.text}, ${folded}, to_tsvector(${searchConfig[t.lang]}::regconfig, ${folded}), ${t.sourceId}, ${textArray(t.caveats)})`;
      }),
    ),
  );
  count(
    'organizations',
    await upsert(
      tx,
      {
        table: 'organizations',
        columns: ['id', 'name', 'name_key', 'short_name', 'stakeholder_type', 'website', 'source_id', 'verified_at', 'verified_by'],
        key: ['id'],
        // Reference organizations come verified, once; a re-seed leaves the date alone. Their
        // look-alike key comes with them, so a registration that imitates one is refused.
        update: ['name', 'name_key', 'short_name', 'stakeholder_type', 'website', 'source_id'],
      },
      data.organizations.map(
        (o) =>
          sql`(${o.id}, ${o.name}, ${nameKey(o.name)}, ${o.shortName}, ${o.stakeholderType}, ${o.website}, ${o.sourceId}, now(), ${'data:' + o.sourceId})`,
      ),
    ),
  );
  count(
    'action_line_facilitators',
    await upsert(
      tx,
      {
        table: 'action_line_facilitators',
        columns: ['element_id', 'organization_id', 'role', 'confidence', 'evidence', 'note', 'source_id'],
        key: ['element_id', 'organization_id'],
      },
      data.facilitators.map(
        (f) => sql`(${f.elementId}, ${f.organizationId}, ${f.role}, ${f.confidence}, ${json(f.evidence)}, ${f.note}, ${f.sourceId})`,
      ),
    ),
  );
  // A link's state is never overwritten by a data release, and a link someone else asserted
  // (a reviewer) keeps its content: the release only refreshes its own links' wording.
  count(
    'links',
    await upsert(
      tx,
      {
        table: 'links',
        columns: [
          'from_id',
          'to_id',
          'type',
          'state',
          'rationale',
          'source_id',
          'source_locator',
          'source_address',
          'asserted_by',
          'flags',
        ],
        key: ['from_id', 'to_id'],
        update: ['type', 'rationale', 'source_id', 'source_locator', 'source_address', 'flags'],
        updateWhen: sql`t.asserted_by = excluded.asserted_by`,
      },
      data.links.map(
        (l) =>
          sql`(${l.fromId}, ${l.toId}, ${l.type}, ${l.state}, ${l.rationale}, ${l.sourceId}, ${l.sourceLocator}, ${l.sourceAddress}, ${l.assertedBy}, ${textArray(l.flags)})`,
      ),
    ),
  );
  return { inserted, updated };
}

/** True when the store holds no release, or an older one than the data files. */
export async function seedNeeded(store: Store, dir: string = defaultDataDir): Promise<boolean> {
  const checksum = await checksumOf(dir);
  const current = await store.db.query<{ checksum: string }>(sql`SELECT checksum FROM reference_releases WHERE dataset = 'frameworks'`);
  if (current[0]?.checksum !== checksum) return true;
  // Organizations stored before look-alike keys existed (migration 0027), or keyed by an earlier
  // key function, get their keys from the seed.
  const keys = await store.db.query<{ checksum: string }>(
    sql`SELECT checksum FROM reference_releases WHERE dataset = 'organization-name-keys'`,
  );
  if (keys[0]?.checksum !== NAME_KEY_VERSION) return true;
  return (await store.db.query(sql`SELECT 1 FROM organizations WHERE name_key IS NULL LIMIT 1`)).length > 0;
}

/**
 * Gives every organization without a look-alike key its key (rows stored before keys existed),
 * or every organization a new one when the key function changed (NAME_KEY_VERSION).
 */
async function keyOrganizations(tx: Database): Promise<number> {
  const [keys] = await tx.query<{ checksum: string }>(
    sql`SELECT checksum FROM reference_releases WHERE dataset = 'organization-name-keys'`,
  );
  const all = keys?.checksum !== NAME_KEY_VERSION;
  if (all) {
    await upsert(tx, { table: 'reference_releases', columns: ['dataset', 'checksum', 'counts'], key: ['dataset'], update: ['checksum'] }, [
      sql`('organization-name-keys', ${NAME_KEY_VERSION}, ${json({})})`,
    ]);
  }
  const unkeyed = await tx.query<{ id: string; name: string }>(
    sql`SELECT id, name FROM organizations ${all ? empty : sql`WHERE name_key IS NULL`}`,
  );
  if (unkeyed.length === 0) return 0;
  await tx.query(
    sql`UPDATE organizations o SET name_key = k.key
        FROM jsonb_to_recordset(${JSON.stringify(unkeyed.map((r) => ({ id: r.id, key: nameKey(r.name) })))}::jsonb) AS k(id text, key text)
        WHERE o.id = k.id`,
  );
  return unkeyed.length;
}

/** Loads the framework reference data. A second run with the same data changes no row. */
export async function seedFrameworks(store: Store, dir: string = defaultDataDir, actor = 'concord seed'): Promise<SeedReport> {
  const data = await readReferenceData(dir);
  const report = await store.transaction(async (tx) => {
    const { inserted, updated } = await write(tx, data);
    const keyed = await keyOrganizations(tx);
    const changed = Object.values(inserted).some((n) => n > 0) || Object.values(updated).some((n) => n > 0) || keyed > 0;
    const counts = {
      elements: data.elements.length,
      texts: data.texts.length,
      links: data.links.length,
      organizations: data.organizations.length,
    };
    const release = await upsert(
      tx,
      { table: 'reference_releases', columns: ['dataset', 'checksum', 'counts'], key: ['dataset'], update: ['checksum', 'counts'] },
      [sql`('frameworks', ${data.checksum}, ${json(counts)})`],
    );
    if (changed || release.inserted + release.updated > 0) {
      await tx.query(
        sql`INSERT INTO changes (entity, entity_id, action, actor, after, note)
            VALUES ('reference-release', 'frameworks', 'load', ${actor}, ${json({ checksum: data.checksum, inserted, updated })},
                    'Framework reference data loaded from data/frameworks')`,
      );
    }
    return { checksum: data.checksum, inserted, updated, unchanged: !changed };
  });
  // Fresh statistics, so the planner uses the search indexes from the first query on.
  if (!report.unchanged) await store.db.query(sql`ANALYZE`);
  return report;
}
