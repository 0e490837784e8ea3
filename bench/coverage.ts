// Implementation-map benchmark (issue 6): the coverage matrix and the gap list over 100,000
// published initiatives, 300,000 pledges (a third of them stale), 200,000 document paragraphs with
// confirmed links and 2,000 roadmap activities, generated in PostgreSQL. Every figure is read
// from the store (no cache): the cost of a view nobody asked for since the last change.
import { openStore, sql, type Store } from '../src/store/index.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { seedIndicators, indicatorSeedNeeded } from '../src/indicators/seed.ts';
import { refreshAreaGroups } from '../src/initiatives/area-groups.ts';
import { areaCatalog } from '../src/areas/index.ts';
import { queryCoverage, queryGaps, type CoverageQuery, type GapQuery } from '../src/coverage/service.ts';
import { generate as generateRegistry } from './registry.ts';
import { percentiles } from './foundation.ts';

export interface CoverageBenchOptions {
  databaseUrl: string;
  label: string;
  initiatives: number;
  paragraphs: number;
  roadmaps: number;
}

const count = async (store: Store, query: ReturnType<typeof sql>) =>
  Number((await store.db.query<{ n: number | string }>(query))[0]?.n ?? 0);

/** What the registry benchmark does not generate: action lines on every initiative, linked paragraphs, roadmaps, stale pledges. */
async function generate(store: Store, options: CoverageBenchOptions): Promise<number> {
  const started = performance.now();
  const lines = Array.from({ length: 11 }, (_, k) => `wsis.C${k + 1}`);
  const withLine = await count(
    store,
    sql`SELECT count(*) AS n FROM initiatives WHERE id LIKE 'bench-%' AND element_closure && ${`{${lines.join(',')}}`}::text[]`,
  );
  if (withLine < options.initiatives / 2) {
    // One action line each (and a second GDC action on every third): thousands of distinct tag sets.
    const actions = (await store.db.query<{ id: string }>(sql`SELECT id FROM elements WHERE kind = 'action' ORDER BY id`)).map((r) => r.id);
    await store.transaction(async (tx) => {
      await tx.query(
        sql`INSERT INTO initiative_links (initiative_id, element_id, type, evidence)
            SELECT 'bench-' || g, 'wsis.C' || (1 + g % 11), 'contributes-to', 'Generated evidence.'
            FROM generate_series(1, ${options.initiatives}::int) g ON CONFLICT DO NOTHING`,
      );
      await tx.query(
        sql`INSERT INTO initiative_links (initiative_id, element_id, type, evidence)
            SELECT 'bench-' || g, (${`{${actions.join(',')}}`}::text[])[1 + (g * 13) % ${actions.length}], 'contributes-to', 'Generated evidence.'
            FROM generate_series(3, ${options.initiatives}::int, 3) g ON CONFLICT DO NOTHING`,
      );
      await tx.query(
        sql`UPDATE initiatives i SET element_closure = coalesce((SELECT array_agg(DISTINCT x) FROM initiative_links l JOIN elements e ON e.id = l.element_id,
                   unnest(e.ancestors || e.id) x WHERE l.initiative_id = i.id), '{}')
            WHERE i.id LIKE 'bench-%'`,
      );
    });
  }
  const recent = await count(
    store,
    sql`SELECT count(*) AS n FROM pledges WHERE id LIKE 'bench-p-%' AND baseline_date > now() - interval '6 months'`,
  );
  if (recent === 0) {
    // A third of the pledges have had no report since a baseline two years old (stale); the others' baselines are recent.
    await store.transaction(async (tx) => {
      await tx.query(sql`UPDATE pledges SET baseline_date = (now() - interval '2 years')::date WHERE id LIKE 'bench-p-%-1'`);
      await tx.query(
        sql`UPDATE pledges SET baseline_date = (now() - interval '2 months')::date WHERE id LIKE 'bench-p-%' AND id NOT LIKE 'bench-p-%-1'`,
      );
    });
  }
  const paragraphs = await count(store, sql`SELECT count(*) AS n FROM document_paragraphs WHERE document_id LIKE 'bench-doc-%'`);
  if (paragraphs < options.paragraphs) {
    const perDocument = 1000;
    const documents = Math.ceil(options.paragraphs / perDocument);
    await store.transaction(async (tx) => {
      await tx.query(sql`DELETE FROM documents WHERE id LIKE 'bench-doc-%'`);
      await tx.query(
        sql`INSERT INTO documents (id, symbol, organ, session, kind, date)
            SELECT 'bench-doc-' || d, 'A/BENCH/' || d, 'GA', 80, 'resolution', make_date(2020 + d % 6, 1 + d % 12, 1)
            FROM generate_series(1, ${documents}::int) d`,
      );
      await tx.query(
        sql`INSERT INTO document_versions (document_id, lang, title, content_hash, source_file, reader, provenance)
            SELECT 'bench-doc-' || d, 'en', 'Generated resolution ' || d, md5('bench' || d), 'bench-' || d || '.txt', 'text', 'bench'
            FROM generate_series(1, ${documents}::int) d`,
      );
      await tx.query(
        sql`INSERT INTO document_paragraphs (version_id, document_id, lang, position, eid, kind, number, part, text, fold)
            SELECT v.id, v.document_id, 'en', p, 'para_' || p, 'operative', p::text, 'main',
                   'Generated operative paragraph ' || p || ' on digital cooperation.', 'generated operative paragraph ' || p
            FROM document_versions v, generate_series(1, ${perDocument}::int) p
            WHERE v.document_id LIKE 'bench-doc-%'`,
      );
      // Links confirmed in bulk: the closure trigger is held while they go in, then closures are set in one pass.
      await tx.query(sql`ALTER TABLE paragraph_links DISABLE TRIGGER paragraph_links_closure_insert`);
      await tx.query(
        sql`INSERT INTO paragraph_links (paragraph_id, element_id, type, state, suggested_by, decided_by, decided_at)
            SELECT p.id, x.element, 'relates-to', 'confirmed', 'bench', 'bench', now()
            FROM document_paragraphs p
            CROSS JOIN LATERAL (VALUES
              ((SELECT id FROM elements WHERE kind = 'action' ORDER BY id OFFSET (p.id % 130) LIMIT 1)),
              ('wsis.C' || (1 + p.id % 11))) x(element)
            WHERE p.document_id LIKE 'bench-doc-%'`,
      );
      await tx.query(sql`ALTER TABLE paragraph_links ENABLE TRIGGER paragraph_links_closure_insert`);
      await tx.query(sql`SELECT paragraph_closure_set(p.id) FROM document_paragraphs p WHERE p.document_id LIKE 'bench-doc-%'`);
    });
  }
  const roadmaps = await count(store, sql`SELECT count(*) AS n FROM roadmaps WHERE id LIKE 'bench-roadmap-%'`);
  if (roadmaps < options.roadmaps) {
    await store.transaction(async (tx) => {
      await tx.query(sql`DELETE FROM roadmaps WHERE id LIKE 'bench-roadmap-%'`);
      await tx.query(
        sql`INSERT INTO roadmaps (id, title, lang, owner_organization_id, action_line_id, state, created_by, published_at)
            SELECT 'bench-roadmap-' || r, 'Generated roadmap ' || r, 'en', 'bench-org-' || r, 'wsis.C' || (1 + r % 11), 'published', 'bench-user', now()
            FROM generate_series(1, ${options.roadmaps}::int) r`,
      );
      // Two outcomes, two outputs each, ten activities under each output: 40 activities a roadmap.
      await tx.query(
        sql`INSERT INTO roadmap_nodes (id, roadmap_id, parent_id, kind, position, title, status)
            SELECT 'bench-rn-' || r || '-o' || o, 'bench-roadmap-' || r, null, 'outcome', o, 'Outcome ' || o, 'ongoing'
            FROM generate_series(1, ${options.roadmaps}::int) r, generate_series(1, 2) o`,
      );
      await tx.query(
        sql`INSERT INTO roadmap_nodes (id, roadmap_id, parent_id, kind, position, title, status)
            SELECT 'bench-rn-' || r || '-o' || o || '-p' || p, 'bench-roadmap-' || r, 'bench-rn-' || r || '-o' || o, 'output', 10 * o + p, 'Output ' || p, 'ongoing'
            FROM generate_series(1, ${options.roadmaps}::int) r, generate_series(1, 2) o, generate_series(1, 2) p`,
      );
      await tx.query(
        sql`INSERT INTO roadmap_nodes (id, roadmap_id, parent_id, kind, position, title, lead_organization_id, due_date, status)
            SELECT 'bench-rn-' || r || '-o' || o || '-p' || p || '-a' || a, 'bench-roadmap-' || r, 'bench-rn-' || r || '-o' || o || '-p' || p,
                   'activity', 100 * o + 10 * p + a, 'Activity ' || a, 'bench-org-' || r, make_date(2026 + a % 5, 6, 30), 'planned'
            FROM generate_series(1, ${options.roadmaps}::int) r, generate_series(1, 2) o, generate_series(1, 2) p, generate_series(1, 10) a`,
      );
      await tx.query(
        sql`INSERT INTO roadmap_node_elements (node_id, element_id)
            SELECT n.id, x FROM roadmap_nodes n, LATERAL (VALUES
              ((SELECT id FROM elements WHERE kind = 'action' ORDER BY id OFFSET (abs(hashtext(n.id)) % 130) LIMIT 1)),
              ('wsis.C' || (1 + abs(hashtext(n.id)) % 11))) v(x)
            WHERE n.id LIKE 'bench-rn-%' AND n.kind = 'activity'`,
      );
      await tx.query(
        sql`INSERT INTO roadmap_node_initiatives (node_id, initiative_id)
            SELECT n.id, 'bench-' || (1 + abs(hashtext(n.id)) % ${options.initiatives})
            FROM roadmap_nodes n WHERE n.id LIKE 'bench-rn-%' AND n.kind = 'activity' AND abs(hashtext(n.id)) % 2 = 0`,
      );
    });
  }
  await store.db.query(sql`VACUUM ANALYZE initiatives`);
  await store.db.query(sql`VACUUM ANALYZE document_paragraphs`);
  await store.db.query(sql`ANALYZE`);
  return Math.round(performance.now() - started);
}

const matrices: (Partial<CoverageQuery> & { name: string })[] = [
  { name: 'objectives x action lines', rows: 'objective', columns: 'action-line' },
  { name: 'paragraphs x action lines', rows: 'paragraph', columns: 'action-line' },
  { name: 'actions x action lines', rows: 'action', columns: 'action-line' },
  { name: 'actions x SDGs', rows: 'action', columns: 'sdg' },
  { name: 'objective 5 actions (AI map)', rows: 'action', columns: 'action-line', objective: 'gdc.obj.5' },
  { name: 'objectives, LDCs', rows: 'objective', columns: 'action-line', area: 'LDC' },
  { name: 'actions, Kenya', rows: 'action', columns: 'action-line', area: 'KEN' },
  { name: 'objectives, private sector', rows: 'objective', columns: 'action-line', stakeholderType: 'private-sector' },
  { name: 'objectives, 2024', rows: 'objective', columns: 'sdg', year: 2024 },
  { name: 'objectives, one organization', rows: 'objective', columns: 'action-line', organization: 'bench-org-7' },
];

const gapCases: (GapQuery & { name: string })[] = [
  { name: 'all actions due by 2030' },
  { name: 'objective 3', objective: 'gdc.obj.3' },
  { name: 'LDCs', area: 'LDC' },
  { name: 'only stale pledges', gap: 'stale-pledges-only' },
  { name: 'civil society, 2025', stakeholderType: 'civil-society', year: 2025 },
];

export async function benchCoverage(options: CoverageBenchOptions) {
  const store = await openStore({ databaseUrl: options.databaseUrl });
  const matrixMs: Record<string, ReturnType<typeof percentiles>> = {};
  const gapsMs: Record<string, ReturnType<typeof percentiles>> = {};
  let generateMs = 0;
  let sizes: Record<'publishedInitiatives' | 'pledges' | 'linkedParagraphs' | 'roadmapActivities' | 'elementSets', number>;
  try {
    await seedFrameworks(store);
    if (await indicatorSeedNeeded(store)) await seedIndicators(store);
    generateMs += await generateRegistry(store, options.initiatives, 3);
    await refreshAreaGroups(store, await areaCatalog(), { force: generateMs > 0 });
    generateMs += await generate(store, options);
    sizes = {
      publishedInitiatives: await count(store, sql`SELECT count(*) AS n FROM initiatives WHERE state = 'published'`),
      pledges: await count(store, sql`SELECT count(*) AS n FROM pledges`),
      linkedParagraphs: await count(store, sql`SELECT count(*) AS n FROM document_paragraphs WHERE element_set_id IS NOT NULL`),
      roadmapActivities: await count(store, sql`SELECT count(*) AS n FROM roadmap_nodes WHERE kind = 'activity'`),
      elementSets: await count(store, sql`SELECT count(*) AS n FROM element_sets`),
    };
    const time = async (samples: number[], run: () => Promise<unknown>) => {
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
    };
    for (const { name, ...query } of matrices) {
      const samples: number[] = [];
      const q = { rows: 'objective' as const, columns: 'action-line' as const, ...query };
      for (let i = 0; i < 23; i++) await time(samples, () => queryCoverage(store.db, q, 'en'));
      matrixMs[name] = percentiles(samples.slice(3));
    }
    for (const { name, ...query } of gapCases) {
      const samples: number[] = [];
      for (let i = 0; i < 23; i++) await time(samples, () => queryGaps(store.db, query, 'en'));
      gapsMs[name] = percentiles(samples.slice(3));
    }
  } finally {
    await store.close();
  }
  const worst = Math.max(...[...Object.values(matrixMs), ...Object.values(gapsMs)].map((p) => p.p95));
  return {
    store: options.label,
    ...sizes,
    generateMs,
    /** Read from the store every time (no cache). */
    matrixMs,
    gapsMs,
    worstP95Ms: worst,
    targets: { matrixAndGapsP95Under300ms: worst < 300 },
  };
}
