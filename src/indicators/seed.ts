// Loads the indicator catalogue (data/indicators/catalogue.json) and the real sample series
// (data/indicators, samples.ts) into the store, idempotently like the frameworks seed: the release
// checksum is kept in reference_releases, rows are upserted only where they differ, and a second
// run with the same files writes nothing. Needs the frameworks loaded (links point at elements).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql, join, raw, type Sql } from '../store/sql.ts';
import { pgTextArray, type Database, type Store } from '../store/index.ts';
import { areaCatalog } from '../areas/index.ts';
import { loadCatalogue, cataloguePath } from './catalogue.ts';
import { defaultIndicatorsDir, loadSampleSeries, sampleFiles, sampleSources } from './samples.ts';
import { writeObservations } from './service.ts';
import { assessIndicators } from './assess.ts';

export interface IndicatorSeedReport {
  checksum: string;
  unchanged: boolean;
  indicators: number;
  targets: number;
  links: number;
  observations: { inserted: number; updated: number; unchanged: number };
  assessed: string[];
}

const textArray = (value: readonly string[]) => sql`${pgTextArray(value)}::text[]`;
const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** Checksum of everything the seed reads: the catalogue, the sample files and this loader. */
export async function indicatorChecksum(dir = defaultIndicatorsDir): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [cataloguePath, ...sampleFiles.map((f) => path.join(dir, f.file)), import.meta.filename]) {
    hash.update(path.basename(file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

export async function indicatorSeedNeeded(store: Store): Promise<boolean> {
  const [row] = await store.db.query<{ checksum: string }>(sql`SELECT checksum FROM reference_releases WHERE dataset = 'indicators'`);
  return row?.checksum !== (await indicatorChecksum());
}

async function upsert(tx: Database, table: string, columns: string[], key: string[], values: Sql[]): Promise<number> {
  if (values.length === 0) return 0;
  const update = columns.filter((c) => !key.includes(c));
  const q = (c: string) => `"${c}"`;
  const cols = columns.map(q).join(', ');
  const set = update.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ');
  const differs = `(${update.map((c) => `t.${q(c)}`).join(', ')}) IS DISTINCT FROM (${update.map((c) => `excluded.${q(c)}`).join(', ')})`;
  let written = 0;
  for (let i = 0; i < values.length; i += 400) {
    const rows = await tx.query(
      sql`INSERT INTO ${raw(`"${table}"`)} AS t (${raw(cols)}) VALUES ${join(values.slice(i, i + 400))}
          ON CONFLICT (${raw(key.map(q).join(', '))}) DO UPDATE SET ${raw(set)} WHERE ${raw(differs)} RETURNING 1`,
    );
    written += rows.length;
  }
  return written;
}

/** Loads the catalogue and the sample series. A second run with the same files changes no row. */
export async function seedIndicators(store: Store, actor = 'concord seed'): Promise<IndicatorSeedReport> {
  const checksum = await indicatorChecksum();
  const { catalogue } = await loadCatalogue();
  const catalog = await areaCatalog();
  const samples = await loadSampleSeries(catalog);
  const links = catalogue.indicators.flatMap((i) => i.elements.map((e) => ({ ...e, indicator: i.code })));
  const result = await store.transaction(async (tx) => {
    let changed = 0;
    const sourceRows = [
      ...catalogue.sources.map((s) => sql`(${s.id}, ${s.title}, ${s.address}, ${null}, ${null}, ${null}, ${s.licence}, ${json(s.notes)})`),
      ...samples.sources.map((s) => {
        const [repository, commit] = s.copiedFrom.split(' @ ');
        return sql`(${s.id}, ${s.title}, ${s.url}, ${repository ?? null}, ${commit?.split(' ')[0] ?? null}, ${null}, ${s.licence}, ${json([s.attribution, ...s.caveats])})`;
      }),
    ];
    changed += await upsert(
      tx,
      'sources',
      ['id', 'title', 'address', 'repository', 'commit', 'path', 'licence', 'notes'],
      ['id'],
      sourceRows,
    );
    changed += await upsert(
      tx,
      'indicators',
      [
        'code',
        'position',
        'unit',
        'direction',
        'limit_min',
        'limit_max',
        'sdg_series',
        'disaggregations',
        'source_id',
        'licence',
        'kind',
        'caveats',
      ],
      ['code'],
      catalogue.indicators.map(
        (i, n) =>
          sql`(${i.code}, ${n + 1}, ${i.unit}, ${i.direction}, ${i.limits.min ?? null}::float8, ${i.limits.max ?? null}::float8, ${i.sdgSeries},
               ${textArray(i.disaggregations)}, ${i.source}, ${i.licence}, ${i.kind}, ${textArray(i.caveats)})`,
      ),
    );
    changed += await upsert(
      tx,
      'indicator_texts',
      ['indicator_code', 'lang', 'name', 'definition', 'source_id'],
      ['indicator_code', 'lang'],
      catalogue.indicators.flatMap((i) =>
        Object.entries(i.names).map(
          ([lang, name]) =>
            sql`(${i.code}, ${lang}, ${name}, ${lang === 'en' ? i.definition : null}, ${lang === 'en' ? i.source : 'concord-indicator-catalogue'})`,
        ),
      ),
    );
    changed += await upsert(
      tx,
      'indicator_elements',
      ['indicator_code', 'element_id', 'type', 'rationale', 'source_id', 'asserted_by'],
      ['indicator_code', 'element_id'],
      links.map((l) => sql`(${l.indicator}, ${l.element}, ${l.type}, ${l.rationale}, ${l.source}, ${'data:indicator-catalogue'})`),
    );
    changed += await upsert(
      tx,
      'indicator_targets',
      ['id', 'indicator_code', 'area', 'year', 'value', 'label', 'source_id', 'caveats'],
      ['id'],
      catalogue.targets.map(
        (t) => sql`(${t.id}, ${t.indicator}, ${t.area}, ${t.year}, ${t.value}::float8, ${t.label}, ${t.source}, ${textArray(t.caveats)})`,
      ),
    );
    const observations = await writeObservations(tx, samples.observations, null);
    changed += observations.inserted + observations.updated;
    const [previous] = await tx.query<{ checksum: string }>(sql`SELECT checksum FROM reference_releases WHERE dataset = 'indicators'`);
    const counts = {
      indicators: catalogue.indicators.length,
      targets: catalogue.targets.length,
      links: links.length,
      observations: samples.observations.length,
    };
    if (previous?.checksum !== checksum) {
      await tx.query(sql`INSERT INTO reference_releases (dataset, checksum, counts) VALUES ('indicators', ${checksum}, ${json(counts)})
                         ON CONFLICT (dataset) DO UPDATE SET checksum = excluded.checksum, counts = excluded.counts, loaded_at = now()`);
    }
    if (changed > 0) {
      await tx.query(sql`INSERT INTO changes (entity, entity_id, action, actor, after, note)
          VALUES ('reference-release', 'indicators', 'load', ${actor}, ${json({ checksum, observations })},
                  'Indicator catalogue and sample series loaded from data/indicators')`);
    }
    return { changed, observations, counts };
  });
  const unchanged = result.changed === 0;
  const assessed = unchanged
    ? []
    : await assessIndicators(
        store,
        catalogue.indicators.map((i) => i.code),
        catalog,
      );
  return {
    checksum,
    unchanged,
    indicators: result.counts.indicators,
    targets: result.counts.targets,
    links: result.counts.links,
    observations: result.observations,
    assessed,
  };
}

/** The ids of the sample sources, for tests and the sources page. */
export const sampleSourceIds = Object.keys(sampleSources);
