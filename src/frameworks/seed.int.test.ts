// The framework reference data as the store holds it after a seed: the counts and rules in
// ARCHITECTURE.md ("Data rules") and issue 2, point 3-4, and the seed's idempotence.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, rows, sql, type Sql, type Store } from '../store/index.ts';
import { openTestStore } from '../testing/store.ts';
import { defaultDataDir } from './reference.ts';
import { seedFrameworks, seedNeeded } from './seed.ts';
import { nameKey } from '../language/names.ts';

const languages = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const readData = async <T>(file: string) => JSON.parse(await readFile(path.join(defaultDataDir, file), 'utf8')) as T;

describe('the seeded framework graph', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store?.close());

  const ids = async (where: Sql) =>
    (await rows<{ id: string }>(store.db, sql`SELECT id FROM elements WHERE ${where} ORDER BY position`)).map((r) => r.id);
  const kinds = async (framework: string) =>
    Object.fromEntries(
      (
        await rows<{ kind: string; n: number }>(
          store.db,
          sql`SELECT kind, count(*) AS n FROM elements WHERE framework_id = ${framework} GROUP BY kind ORDER BY kind`,
        )
      ).map((r) => [r.kind, r.n]),
    );

  it('lists the four frameworks, SDG in six languages and the others in English', async () => {
    const frameworks = await rows<{ id: string; languages: string[] }>(
      store.db,
      sql`SELECT id, languages FROM frameworks ORDER BY position`,
    );
    expect(frameworks.map((f) => f.id)).toEqual(['sdg', 'gdc', 'wsis', 'pact']);
    expect([...(frameworks[0]?.languages ?? [])].sort()).toEqual(languages);
    for (const f of frameworks.slice(1)) expect(f.languages).toEqual(['en']);
  });

  describe('SDG', () => {
    it('has 17 goals, 169 targets and 252 indicator keys, 5 of them legacy', async () => {
      expect(await kinds('sdg')).toEqual({ goal: 17, target: 169, indicator: 252 });
      expect(await ids(sql`framework_id = 'sdg' AND kind = 'goal'`)).toEqual(range(1, 17).map((n) => `sdg.${n}`));
      const legacy = await ids(sql`kind = 'indicator' AND attributes->>'status' = 'legacy'`);
      expect(legacy.sort()).toEqual(['sdg.1.a.3', 'sdg.11.c.1', 'sdg.13.3.2', 'sdg.17.6.2', 'sdg.8.9.2']);
      const [target] = await rows<{ parent_id: string; ancestors: string[] }>(
        store.db,
        sql`SELECT parent_id, ancestors FROM elements WHERE id = 'sdg.9.c.1'`,
      );
      expect(target).toEqual({ parent_id: 'sdg.9.c', ancestors: ['sdg.9', 'sdg.9.c'] });
    });

    it('joins every repeated indicator to its twins with same-as links, and nothing else', async () => {
      // 247 current keys, 231 distinct texts: a text under several keys is one indicator repeated.
      const current = await rows<{ id: string; text: string }>(
        store.db,
        sql`SELECT e.id, t.text FROM elements e JOIN element_texts t ON t.element_id = e.id AND t.lang = 'en'
            WHERE e.kind = 'indicator' AND e.attributes->>'status' = 'current'`,
      );
      expect(current).toHaveLength(247);
      expect(new Set(current.map((r) => r.text)).size).toBe(231);

      const expected = new Set<string>();
      const byText = Map.groupBy(current, (r) => r.text);
      for (const twins of byText.values()) {
        for (const a of twins) for (const b of twins) if (a.id < b.id) expected.add(`${a.id}|${b.id}`);
      }
      const sameAs = await rows<{ from_id: string; to_id: string; state: string }>(
        store.db,
        sql`SELECT from_id, to_id, state FROM links WHERE type = 'same-as'`,
      );
      const found = new Set(sameAs.map((l) => [l.from_id, l.to_id].sort().join('|')));
      expect(found).toEqual(expected);
      expect(sameAs).toHaveLength(20);
      expect(new Set(sameAs.map((l) => l.state))).toEqual(new Set(['confirmed']));
    });

    it('has every element in all six languages', async () => {
      const incomplete = await rows(
        store.db,
        sql`SELECT e.id, array_agg(t.lang ORDER BY t.lang) AS langs FROM elements e LEFT JOIN element_texts t ON t.element_id = e.id
            WHERE e.framework_id = 'sdg' GROUP BY e.id HAVING array_agg(t.lang ORDER BY t.lang) <> ${`{${languages.join(',')}}`}::text[]`,
      );
      expect(incomplete).toEqual([]);
      const [arabic] = await rows<{ text: string }>(
        store.db,
        sql`SELECT text FROM element_texts WHERE element_id = 'sdg.9.c' AND lang = 'ar'`,
      );
      expect(arabic?.text).toMatch(/[\u0600-\u06FF]/);
    });

    it('stores Arabic without tatweel, though the source carries about a thousand', async () => {
      const source = await readFile(path.join(defaultDataDir, 'sdg/sdg.ar.json'), 'utf8');
      expect(source.match(/\u0640/g)?.length ?? 0).toBeGreaterThan(900);
      const [left] = await rows<{ n: number }>(
        store.db,
        sql`SELECT count(*) AS n FROM element_texts WHERE lang = 'ar' AND (strpos(coalesce(text, ''), ${'\u0640'}) > 0 OR strpos(coalesce(title, ''), ${'\u0640'}) > 0)`,
      );
      expect(left?.n).toBe(0);
    });
  });

  describe('Global Digital Compact', () => {
    it('has 5 objectives, 13 principles, 76 lettered actions and paragraphs 1-74', async () => {
      const k = await kinds('gdc');
      expect(k).toMatchObject({ objective: 5, principle: 13, action: 76, paragraph: 74 });
      expect(await ids(sql`kind = 'objective'`)).toEqual(expect.arrayContaining(range(1, 5).map((n) => `gdc.obj.${n}`)));
      const paragraphs = await ids(sql`framework_id = 'gdc' AND kind = 'paragraph'`);
      expect(paragraphs).toEqual(range(1, 74).map((n) => `gdc.${n}`));
      expect(await ids(sql`kind = 'principle'`)).toEqual('abcdefghijklm'.split('').map((l) => `gdc.8.${l}`));
      const actions = await ids(sql`framework_id = 'gdc' AND kind = 'action'`);
      for (const id of actions) expect(id).toMatch(/^gdc\.(9|[1-5]\d|6[0-3])\.[a-z]$/);
      expect(actions).toContain('gdc.11.b');
    });

    it('keeps the deadline of an action whose paragraph sets one', async () => {
      const [action] = await rows<{ deadline: string | null }>(
        store.db,
        sql`SELECT attributes->>'deadline' AS deadline FROM elements WHERE id = 'gdc.11.b'`,
      );
      expect(action?.deadline).toBe('2030');
    });

    it('has 470 confirmed links to SDGs from its 85 "(SDG n)" tags, "all SDGs" expanded to the 17 goals', async () => {
      const tags = await readData<{ links: { gdc: string; sdgs: string[] }[] }>('crosswalks/gdc-sdg.json');
      expect(tags.links).toHaveLength(85);
      const gdcSdg = await rows<{ from_id: string; to_id: string; state: string; type: string; source_id: string; flags: string[] }>(
        store.db,
        sql`SELECT l.from_id, l.to_id, l.state, l.type, l.source_id, l.flags FROM links l
            JOIN elements f ON f.id = l.from_id JOIN elements t ON t.id = l.to_id
            WHERE f.framework_id = 'gdc' AND t.framework_id = 'sdg'`,
      );
      expect(gdcSdg).toHaveLength(470);
      expect(new Set(gdcSdg.map((l) => l.from_id)).size).toBe(85);
      expect(new Set(gdcSdg.map((l) => `${l.state} ${l.type} ${l.source_id}`))).toEqual(new Set(['confirmed contributes-to gdc']));
      const all = tags.links.filter((t) => t.sdgs.includes('all')).map((t) => t.gdc);
      expect(all.length).toBeGreaterThan(0);
      for (const gdc of all) {
        const goals = gdcSdg.filter((l) => l.from_id === gdc).map((l) => l.to_id);
        expect(goals.sort()).toEqual(
          range(1, 17)
            .map((n) => `sdg.${n}`)
            .sort(),
        );
      }
      const ofTag = gdcSdg.filter((l) => l.from_id === 'gdc.11.b').map((l) => l.to_id);
      expect(ofTag.sort()).toEqual(['sdg.1', 'sdg.9']);
    });

    it('has no link to a WSIS action line: there is no official mapping to load', async () => {
      const [n] = await rows<{ n: number }>(
        store.db,
        sql`SELECT count(*) AS n FROM links l JOIN elements f ON f.id = l.from_id JOIN elements t ON t.id = l.to_id
            WHERE (f.framework_id = 'gdc' AND t.framework_id = 'wsis') OR (f.framework_id = 'wsis' AND t.framework_id = 'gdc')`,
      );
      expect(n?.n).toBe(0);
    });
  });

  describe('WSIS', () => {
    it('has the 11 action lines and the 8 C7 sub-lines', async () => {
      expect(await ids(sql`kind = 'action-line'`)).toEqual(range(1, 11).map((n) => `wsis.C${n}`));
      const subLines = await rows<{ id: string; parent_id: string }>(
        store.db,
        sql`SELECT id, parent_id FROM elements WHERE kind = 'sub-line'`,
      );
      expect(subLines).toHaveLength(8);
      for (const line of subLines) {
        expect(line.parent_id).toBe('wsis.C7');
        expect(line.id).toMatch(/^wsis\.C7\.e-[a-z]+$/);
      }
      expect(subLines.map((l) => l.id)).toContain('wsis.C7.e-health');
    });

    it('has its 10 facilitators as UN-entity organization records', async () => {
      const organizations = await rows<{ id: string; short_name: string; stakeholder_type: string; lines: number }>(
        store.db,
        sql`SELECT o.id, o.short_name, o.stakeholder_type, count(f.element_id) AS lines
            FROM organizations o LEFT JOIN action_line_facilitators f ON f.organization_id = o.id GROUP BY o.id ORDER BY o.short_name`,
      );
      expect(organizations.map((o) => o.short_name)).toEqual([
        'FAO',
        'ILO',
        'ITU',
        'UN DESA',
        'UNCTAD',
        'UNEP',
        'UNESCO',
        'UPU',
        'WHO',
        'WMO',
      ]);
      for (const o of organizations) {
        expect(o.stakeholder_type).toBe('un-entity');
        expect(o.lines).toBeGreaterThan(0);
      }
      const [lead] = await rows<{ organization_id: string }>(
        store.db,
        sql`SELECT organization_id FROM action_line_facilitators WHERE element_id = 'wsis.C7.e-health' AND role = 'lead'`,
      );
      expect(lead?.organization_id).toBe('who');
    });

    it('has the WSIS-SDG matrix as suggested links, each without a rationale marked', async () => {
      const matrix = await rows<{
        from_id: string;
        to_id: string;
        state: string;
        rationale: string | null;
        flags: string[];
        asserted_by: string;
      }>(
        store.db,
        sql`SELECT l.from_id, l.to_id, l.state, l.rationale, l.flags, l.asserted_by FROM links l
            JOIN elements f ON f.id = l.from_id JOIN elements t ON t.id = l.to_id
            WHERE f.framework_id = 'wsis' AND t.framework_id = 'sdg'`,
      );
      expect(matrix.length).toBeGreaterThan(100);
      expect(new Set(matrix.map((l) => l.state))).toEqual(new Set(['suggested']));
      expect(new Set(matrix.map((l) => l.asserted_by))).toEqual(new Set(['data:wsis-sdg-matrix']));
      for (const link of matrix) expect(link.flags.includes('no-rationale')).toBe(link.rationale === null);
      expect(matrix.filter((l) => l.rationale === null).length).toBeGreaterThan(0);
    });

    it('accounts for every matrix row, and marks each of the 20 rows without a rationale', async () => {
      const file = await readData<{ links: { rationale: string | null }[] }>('crosswalks/wsis-sdg-matrix.json');
      expect(file.links).toHaveLength(159);
      const matrix = await rows<{ source_locator: string; flags: string[] }>(
        store.db,
        sql`SELECT source_locator, flags FROM links WHERE asserted_by = 'data:wsis-sdg-matrix'`,
      );
      const rowsOf = (locator: string) => (/^rows? ([\d, ]+)$/.exec(locator)?.[1] ?? '').split(', ').map(Number);
      const covered = new Set(matrix.flatMap((l) => rowsOf(l.source_locator)));
      expect([...covered].sort((a, b) => a - b)).toEqual(range(1, 159));

      const withoutRationale = file.links.flatMap((row, i) => (row.rationale ? [] : [i + 1]));
      expect(withoutRationale).toHaveLength(20);
      for (const row of withoutRationale) {
        const fromRow = matrix.filter((l) => rowsOf(l.source_locator).includes(row));
        expect(fromRow.length).toBeGreaterThan(0);
        for (const link of fromRow) expect(link.flags.some((f) => f === 'no-rationale' || f === 'row-without-rationale')).toBe(true);
      }
    });
  });

  describe('Pact for the Future', () => {
    it('has 56 actions, actions 28-33 in chapter III', async () => {
      expect(await ids(sql`framework_id = 'pact' AND kind = 'action'`)).toEqual(range(1, 56).map((n) => `pact.action.${n}`));
      expect(await ids(sql`kind = 'action' AND parent_id = 'pact.ch.3'`)).toEqual(range(28, 33).map((n) => `pact.action.${n}`));
    });
  });

  it('has the GDC, WSIS and Pact texts in English only, each with its source', async () => {
    const other = await rows<{ framework_id: string; langs: string[]; n: number }>(
      store.db,
      sql`SELECT e.framework_id, array_agg(DISTINCT t.lang) AS langs, count(DISTINCT e.id) AS n
          FROM elements e JOIN element_texts t ON t.element_id = e.id WHERE e.framework_id <> 'sdg' GROUP BY e.framework_id ORDER BY 1`,
    );
    expect(other.map((r) => [r.framework_id, r.langs])).toEqual([
      ['gdc', ['en']],
      ['pact', ['en']],
      ['wsis', ['en']],
    ]);
    const [withoutText] = await rows<{ n: number }>(
      store.db,
      sql`SELECT count(*) AS n FROM elements e WHERE NOT EXISTS (SELECT 1 FROM element_texts t WHERE t.element_id = e.id AND t.lang = 'en')`,
    );
    expect(withoutText?.n).toBe(0);
    const [unsourced] = await rows<{ n: number }>(
      store.db,
      sql`SELECT count(*) AS n FROM element_texts t LEFT JOIN sources s ON s.id = t.source_id WHERE s.licence IS NULL OR s.licence = ''`,
    );
    expect(unsourced?.n).toBe(0);
  });
});

/** Every row's xmin (the transaction that last wrote it), keyed by table and primary key. */
async function rowVersions(store: Store): Promise<Map<string, string>> {
  const tables: [string, string][] = [
    ['sources', 'id'],
    ['frameworks', 'id'],
    ['elements', 'id'],
    ['element_texts', "element_id || '/' || lang"],
    ['organizations', 'id'],
    ['action_line_facilitators', "element_id || '/' || organization_id"],
    ['links', "from_id || '>' || to_id"],
    ['reference_releases', 'dataset'],
  ];
  const versions = new Map<string, string>();
  for (const [table, key] of tables) {
    const found = await rows<{ key: string; xmin: string }>(store.db, raw(`SELECT ${key} AS key, xmin::text AS xmin FROM ${table}`));
    for (const row of found) versions.set(`${table}:${row.key}`, row.xmin);
  }
  return versions;
}

const nothing = (counts: Record<string, number>) => Object.values(counts).every((n) => n === 0);

describe('seeding again', () => {
  let store: Store;
  let dataCopy: string;
  beforeAll(async () => {
    store = await openTestStore();
    dataCopy = await mkdtemp(path.join(os.tmpdir(), 'concord-data-'));
    await cp(defaultDataDir, dataCopy, { recursive: true });
  });
  afterAll(async () => {
    await store?.close();
    if (dataCopy) await rm(dataCopy, { recursive: true, force: true });
  });

  it('with the same data reports nothing inserted or updated and writes no row', async () => {
    expect(await seedNeeded(store)).toBe(false);
    const before = await rowVersions(store);
    expect(before.size).toBeGreaterThan(3000);
    const changesBefore = await rows(store.db, sql`SELECT count(*) AS n FROM changes`);
    const report = await seedFrameworks(store);
    expect(report.unchanged).toBe(true);
    expect(nothing(report.inserted)).toBe(true);
    expect(nothing(report.updated)).toBe(true);
    expect(await rowVersions(store)).toEqual(before);
    expect(await rows(store.db, sql`SELECT count(*) AS n FROM changes`)).toEqual(changesBefore);
  });

  it('gives every organization its look-alike key, also those stored before keys existed', async () => {
    const unkeyed = await rows(store.db, sql`SELECT id FROM organizations WHERE name_key IS NULL`);
    expect(unkeyed).toEqual([]);
    const [itu] = await rows<{ name: string; name_key: string }>(store.db, sql`SELECT name, name_key FROM organizations WHERE id = 'itu'`);
    expect(itu!.name_key).toBe(nameKey(itu!.name));
    // A store from before the keys: the next start seeds, and the seed writes them.
    await store.db.query(sql`UPDATE organizations SET name_key = NULL WHERE id IN ('itu', 'unesco')`);
    expect(await seedNeeded(store)).toBe(true);
    await seedFrameworks(store);
    expect(await rows(store.db, sql`SELECT id FROM organizations WHERE name_key IS NULL`)).toEqual([]);
    expect(await seedNeeded(store)).toBe(false);
    // A store keyed by an earlier key function: every key is made again.
    await store.db.query(sql`UPDATE organizations SET name_key = 'stale' WHERE id = 'itu'`);
    await store.db.query(sql`UPDATE reference_releases SET checksum = 'earlier' WHERE dataset = 'organization-name-keys'`);
    expect(await seedNeeded(store)).toBe(true);
    await seedFrameworks(store);
    expect(await rows(store.db, sql`SELECT 1 FROM organizations WHERE name_key = 'stale'`)).toEqual([]);
    expect(await seedNeeded(store)).toBe(false);
  });

  it('keeps a reviewer’s decision on a matrix link', async () => {
    const [link] = await rows<{ id: number }>(
      store.db,
      sql`UPDATE links SET state = 'confirmed', updated_at = now()
          WHERE from_id = 'wsis.C1' AND to_id = 'sdg.1' AND asserted_by = 'data:wsis-sdg-matrix' RETURNING id`,
    );
    expect(link).toBeDefined();
    const report = await seedFrameworks(store);
    expect(nothing(report.updated)).toBe(true);
    const [after] = await rows<{ id: number; state: string }>(
      store.db,
      sql`SELECT id, state FROM links WHERE from_id = 'wsis.C1' AND to_id = 'sdg.1'`,
    );
    expect(after).toEqual({ id: link?.id, state: 'confirmed' });
  });

  it('after a text changes in the data, updates that text and keeps the links', async () => {
    const file = path.join(dataCopy, 'sdg/sdg.en.json');
    const data = JSON.parse(await readFile(file, 'utf8')) as { targets: Record<string, string> };
    const revised = `${data.targets['9.c']} (revised wording)`;
    data.targets['9.c'] = revised;
    await writeFile(file, JSON.stringify(data, null, 2));
    expect(await seedNeeded(store, dataCopy)).toBe(true);

    const linksBefore = await rows(store.db, sql`SELECT id, from_id, to_id, type, state, rationale FROM links ORDER BY id`);
    const report = await seedFrameworks(store, dataCopy);
    expect(report.unchanged).toBe(false);
    expect(nothing(report.inserted)).toBe(true);
    expect(Object.entries(report.updated).filter(([, n]) => n > 0)).toEqual([['element_texts', 1]]);

    const [text] = await rows<{ text: string; matches: boolean }>(
      store.db,
      sql`SELECT text, search @@ to_tsquery('english', 'revised') AS matches FROM element_texts WHERE element_id = 'sdg.9.c' AND lang = 'en'`,
    );
    expect(text).toEqual({ text: revised, matches: true });
    expect(await rows(store.db, sql`SELECT id, from_id, to_id, type, state, rationale FROM links ORDER BY id`)).toEqual(linksBefore);
    const [reviewed] = await rows<{ state: string }>(store.db, sql`SELECT state FROM links WHERE from_id = 'wsis.C1' AND to_id = 'sdg.1'`);
    expect(reviewed?.state).toBe('confirmed');
    expect(await seedNeeded(store, dataCopy)).toBe(false);
  });
});
