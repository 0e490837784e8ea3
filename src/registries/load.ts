// Writes what a connector read (a RegistryRead, src/registries/connector.ts) into the store, for
// any source: organizations matched to the ones Concord holds, initiatives with their texts,
// areas, partners, web links and framework links (the source's evidence as rationale), and GDC and
// WSIS link suggestions from the record's text. Reading the same source again updates what
// changed (with history: the source's actor, when, what, "from <source>"), adds what is new,
// archives what left the source (with the reason) and writes nothing at all when nothing changed.
// Records are written a chunk per transaction: a process killed mid-way leaves whole records, and
// the next load carries on from what is there.
import { createHash, randomUUID } from 'node:crypto';
import { sql, empty, raw, pgTextArray, type Database, type Store } from '../store/index.ts';
import { recordChanges, type ChangeInput } from '../provenance/history.ts';
import { cleanName, nameKey } from '../language/names.ts';
import { areaCatalog } from '../areas/index.ts';
import { lockOrganizationNames, type StakeholderType } from '../organizations/service.ts';
import { suggestLinksForTexts } from '../documents/links.ts';
import {
  initiativeRow,
  initiativeRowColumns,
  loadInitiatives,
  snapshot,
  writeParts,
  type InitiativeParts,
} from '../initiatives/service.ts';
import { createdSnapshot } from './created-snapshot.ts';
import type { RecordProblem, RegistryRead, RegistryRecord, RegistrySource, SourceMoney, SourceOrganization } from './connector.ts';

/**
 * Records written per transaction: on the embedded store small enough that pages interleave (its
 * one connection serves them between transactions); PostgreSQL serves pages beside a transaction,
 * so larger chunks there save the statements' fixed cost (an IATI import's rate, bench/iati.ts).
 */
const CHUNK = { pglite: 25, postgres: 250 } as const;

/**
 * The embedded store runs no autovacuum, so its planner keeps the statistics of the tables as they
 * were (often empty): as a load fills them, every chunk's lookups by initiative turn into scans of
 * all that was written before, and an IATI import of 3,000 activities slowed from 40 ms to 800 ms
 * a chunk (9 activities/s in bench/results/iati.json). The writer analyzes the tables it fills
 * after this many records written, then each time their number doubles (so the cost stays a small share).
 */
const FIRST_ANALYZE = 100;

/** The tables a registry load fills, whose statistics the embedded store's planner needs kept up. */
const filledTables = [
  'initiatives',
  'initiative_texts',
  'initiative_partners',
  'initiative_areas',
  'initiative_links',
  'initiative_web_links',
  'pledges',
  'pledge_transactions',
  'changes',
] as const;

async function analyzeRegistryTables(db: Database): Promise<void> {
  await db.query(sql`ANALYZE ${raw(filledTables.join(', '))}`);
}

/** GDC and WSIS suggestions kept per framework for each record (the matcher's best). */
const SUGGESTIONS_PER_FRAMEWORK = 2;

export interface RegistryLoadReport {
  source: string;
  created: number;
  updated: number;
  unchanged: number;
  /** Records claimed by their organization: the owner keeps them, the source no longer writes them. */
  kept: number;
  /** Records that left the source since the last read. */
  archived: number;
  organizationsCreated: number;
  /** Existing organizations the source's names or websites were matched to. */
  organizationsMatched: number;
  suggestions: number;
  /** Records the connector could not read, one by one. */
  problems: RecordProblem[];
  /** What could not be mapped, per record (a country name M49 does not know, an unknown element). */
  notes: { sourceId: string; notes: string[] }[];
}

/** The user imported records are created by, and the actor of their history: `registry:<source>`. */
export const sourceActor = (source: RegistrySource) => `registry:${source.id}`;

/** The words history and pages give a change made from a source: "from Digital Public Goods Alliance registry". */
export const sourceNote = (source: RegistrySource) => `from ${source.name}`;

/**
 * Writes a registry read into the store and reports what it did.
 *
 * @example
 * const read = await readDpgaRegistry(defaultDpgaDir, areaNameIndex(await areaCatalog()));
 * const report = await loadRegistryRead(store, read);
 * report.created; // 228 on a new store; 0 (and report.unchanged 228) the second time
 */
export async function loadRegistryRead(store: Store, read: RegistryRead): Promise<RegistryLoadReport> {
  const organizations = new OrganizationMentions();
  for (const record of read.records) organizations.add(record.organizations);
  return loadRegistryRecords(
    store,
    {
      source: read.source,
      organizations,
      present: [...read.records.map((r) => r.sourceId), ...read.problems.map((p) => p.sourceId)],
      problems: read.problems,
      ...(read.scope ? { scope: read.scope } : {}),
    },
    read.records,
  );
}

/**
 * What a load must know of the whole read before it writes its first record: the organizations
 * it names (a group of mentions may span chunks), the identifiers it holds (what is not among
 * them is archived) and its scope. A source too large to hold whole (a 50 MB IATI file) gathers
 * this in a first reading and streams its records in a second (iati-import.ts).
 */
export interface RegistryLoadPlan {
  source: RegistrySource;
  organizations: OrganizationMentions;
  /** Every record identifier the read holds, the unreadable ones included. */
  present: readonly string[];
  problems: RecordProblem[];
  scope?: string[];
}

/**
 * Writes the records of a read, as they come, a chunk per transaction; only one chunk of records
 * is held at a time.
 */
export async function loadRegistryRecords(
  store: Store,
  plan: RegistryLoadPlan,
  records: Iterable<RegistryRecord> | AsyncIterable<RegistryRecord>,
): Promise<RegistryLoadReport> {
  const { source } = plan;
  const report: RegistryLoadReport = {
    source: source.id,
    created: 0,
    updated: 0,
    unchanged: 0,
    kept: 0,
    archived: 0,
    organizationsCreated: 0,
    organizationsMatched: 0,
    suggestions: 0,
    problems: [...plan.problems],
    notes: [],
  };
  await ensureSourceActor(store, source);
  // Organizations first, for the whole read (a group of mentions may span chunks); a load cut
  // short after this finds them again by name and website.
  const organizations = await store.transaction((tx) => matchOrganizations(tx, source, plan.organizations, report));
  const size = CHUNK[store.dialect];
  let chunk: RegistryRecord[] = [];
  let read = 0;
  let analyzeAt = FIRST_ANALYZE;
  const write = async () => {
    const records = chunk;
    chunk = [];
    await store.transaction((tx) => writeChunk(tx, source, records, organizations, report));
    // Only what was written moves the statistics: a refresh that changes nothing analyzes nothing.
    const written = report.created + report.updated;
    if (store.dialect === 'pglite' && written >= analyzeAt) {
      await analyzeRegistryTables(store.db);
      analyzeAt = written * 2;
    }
  };
  for await (const record of records) {
    read++;
    chunk.push(record);
    if (chunk.length === size) await write();
  }
  if (chunk.length) await write();
  // What the source no longer lists leaves the public registry, with the reason. A read that found
  // nothing at all (a folder gone missing) archives nothing: that is not the source's word.
  if (read > 0) report.archived = await store.transaction((tx) => archiveVanished(tx, source, plan.present, plan.scope));
  return report;
}

/** The source's own account: it creates the records and signs their history; nobody can sign in as it. */
async function ensureSourceActor(store: Store, source: RegistrySource): Promise<void> {
  const id = sourceActor(source);
  await store.transaction(async (tx) => {
    await tx.query(
      sql`INSERT INTO users (id, email, name, password_hash, role, disabled_at)
          VALUES (${id}, ${`${source.id}@registries.concord.invalid`}, ${source.name}, '!', 'contributor', now())
          ON CONFLICT (id) DO NOTHING`,
    );
    await tx.query(
      sql`INSERT INTO sources (id, title, address, licence)
          VALUES (${id}, ${source.name}, ${source.url}, ${source.licence.name})
          ON CONFLICT (id) DO NOTHING`,
    );
  });
}

async function writeChunk(
  tx: Database,
  source: RegistrySource,
  records: RegistryRecord[],
  organizations: ReadOrganizations,
  report: RegistryLoadReport,
): Promise<void> {
  const actor = sourceActor(source);
  const catalog = await areaCatalog();
  const organizationId = organizations.idOf;
  const elementIds = [...new Set(records.flatMap((r) => r.links.map((l) => l.elementId)))];
  const elementOrder = new Map(
    (
      await tx.query<{ id: string; framework_id: string; position: number }>(
        sql`SELECT id, framework_id, position FROM elements WHERE id = ANY(${pgTextArray(elementIds)}::text[])`,
      )
    ).map((r) => [r.id, { framework: r.framework_id, position: Number(r.position) }]),
  );
  const knownElements = new Set(elementOrder.keys());
  const existing = new Map(
    (
      await tx.query<{
        id: string;
        source_id: string;
        state: string;
        archived_reason: string | null;
        source_checksum: string | null;
        claimed_at: string | null;
      }>(
        sql`SELECT id, source_id, state, archived_reason, source_checksum, claimed_at FROM initiatives
            WHERE source = ${source.id} AND source_id = ANY(${pgTextArray(records.map((r) => r.sourceId))}::text[]) FOR UPDATE`,
      )
    ).map((r) => [r.source_id, r]),
  );
  const created: InitiativeParts[] = [];
  const updated: InitiativeParts[] = [];
  const rowOf = new Map<string, { record: RegistryRecord; checksum: string }>();
  for (const record of records) {
    const notes = [...record.notes];
    const areas: string[] = [];
    for (const code of record.areas) {
      const area = catalog.resolve(code);
      if (area) areas.push(area);
      else notes.push(`area "${code}" is not in Concord's area catalogue`);
    }
    const links = record.links.filter((l) => {
      if (knownElements.has(l.elementId)) return true;
      notes.push(`framework element "${l.elementId}" is not in Concord's frameworks`);
      return false;
    });
    if (notes.length) report.notes.push({ sourceId: record.sourceId, notes });
    const lead = record.organizations.find((o) => o.role === 'lead') ?? record.organizations[0];
    if (!lead) {
      report.problems.push({ sourceId: record.sourceId, problems: ['no organization answers for it'] });
      continue;
    }
    const leadId = organizationId(lead);
    const parts: InitiativeParts = {
      id: '',
      areas: [...new Set(areas)].sort(),
      input: {
        leadOrganizationId: leadId,
        texts: record.texts,
        status: record.status,
        startDate: record.startDate,
        endDate: record.endDate,
        budget: record.budget,
        partners: record.organizations
          .filter((o) => o !== lead)
          .map((o) => ({ organizationId: organizationId(o), role: o.role === 'lead' ? 'co-lead' : o.role })),
        areas: [],
        webLinks: record.webLinks,
        links: links.map((l) => ({
          elementId: l.elementId,
          type: l.type,
          evidence: l.evidence,
          address: l.address,
          source: source.id,
          reviewedAtSource: l.reviewedAtSource,
        })),
      },
    };
    // What the store would hold of this record: the same digest means nothing to write. Money only
    // when there is some, so that the records of sources without money keep the digests they had.
    const checksum = createHash('sha256')
      .update(
        JSON.stringify({
          input: parts.input,
          areas: parts.areas,
          url: record.url,
          licence: source.licence.name,
          ...(record.money.length ? { money: record.money } : {}),
        }),
      )
      .digest('hex');
    const found = existing.get(record.sourceId);
    if (!found) {
      parts.id = randomUUID();
      created.push(parts);
    } else if (found.claimed_at) {
      report.kept++;
      continue;
    } else if (found.source_checksum === checksum && found.archived_reason === null) {
      report.unchanged++;
      continue;
    } else {
      parts.id = found.id;
      updated.push(parts);
    }
    rowOf.set(parts.id, { record, checksum });
  }
  const row = (parts: InitiativeParts) => {
    const { record, checksum } = rowOf.get(parts.id)!;
    return { ...initiativeRow(parts.id, parts.input), source_id: record.sourceId, source_url: record.url, checksum };
  };
  const columns = sql`${initiativeRowColumns}, source_id text, source_url text, checksum text`;
  const history: ChangeInput[] = [];
  if (created.length) {
    // A registry's records are public where they come from: they are published at once, labelled with their source.
    await tx.query(
      sql`INSERT INTO initiatives (id, lead_organization_id, state, status, start_date, end_date, budget_amount, budget_currency, created_by,
                                   published_at, source, source_id, source_url, source_licence, source_read_at, source_checksum)
          SELECT r.id, r.lead, 'published', r.status, r.start_date, r.end_date, r.budget_amount, r.budget_currency, ${actor},
                 now(), ${source.id}, r.source_id, r.source_url, ${source.licence.name}, now(), r.checksum
          FROM jsonb_to_recordset(${JSON.stringify(created.map(row))}::jsonb) AS r(${columns})`,
    );
    await writeParts(tx, created);
    const context = { organizationName: organizations.nameOf, elementOrder };
    for (const parts of created) {
      history.push({
        entity: 'initiative',
        entityId: parts.id,
        action: 'create',
        actor,
        after: createdSnapshot(parts, context),
        note: sourceNote(source),
      });
    }
    report.created += created.length;
  }
  if (updated.length) {
    // Links a reviewer confirmed from the matcher's suggestions are the record's own now: the source's
    // links are written again around them.
    const confirmed = await tx.query<{ initiative_id: string; element_id: string; type: string; evidence: string; address: string | null }>(
      sql`SELECT initiative_id, element_id, type, evidence, address FROM initiative_links
          WHERE initiative_id = ANY(${pgTextArray(updated.map((p) => p.id))}::text[]) AND state = 'confirmed' AND source = 'matcher'`,
    );
    for (const parts of updated) {
      for (const l of confirmed.filter(
        (c) => c.initiative_id === parts.id && !parts.input.links.some((s) => s.elementId === c.element_id),
      )) {
        parts.input.links.push({
          elementId: l.element_id,
          type: l.type as InitiativeParts['input']['links'][number]['type'],
          evidence: l.evidence,
          address: l.address,
          source: 'matcher',
        });
      }
    }
    const before = new Map(
      (
        await loadInitiatives(
          tx,
          updated.map((p) => p.id),
        )
      ).map((i) => [i.id, snapshot(i)]),
    );
    // A record back in the source after it had left it comes back to the public registry.
    await tx.query(
      sql`UPDATE initiatives i SET lead_organization_id = r.lead, status = r.status, start_date = r.start_date, end_date = r.end_date,
            budget_amount = r.budget_amount, budget_currency = r.budget_currency, source_url = r.source_url,
            source_licence = ${source.licence.name}, source_read_at = now(), source_checksum = r.checksum,
            state = CASE WHEN i.state = 'archived' AND i.archived_reason IS NOT NULL THEN 'published' ELSE i.state END,
            archived_reason = CASE WHEN i.state = 'archived' THEN NULL ELSE i.archived_reason END,
            version = i.version + 1, updated_at = now()
          FROM jsonb_to_recordset(${JSON.stringify(updated.map(row))}::jsonb) AS r(${columns})
          WHERE i.id = r.id`,
    );
    await writeParts(tx, updated);
    for (const i of await loadInitiatives(
      tx,
      updated.map((p) => p.id),
    )) {
      history.push({
        entity: 'initiative',
        entityId: i.id,
        action: 'update',
        actor,
        before: before.get(i.id) ?? null,
        after: snapshot(i),
        note: sourceNote(source),
      });
    }
    report.updated += updated.length;
  }
  await writeMoney(
    tx,
    source,
    [...created, ...updated].map((parts) => ({ parts, record: rowOf.get(parts.id)!.record })),
    updated.map((parts) => parts.id),
  );
  await recordChanges(tx, history);
  report.suggestions += await suggestFrameworkLinks(tx, [...created, ...updated]);
}

/** The metric of the pledges a source's money becomes. */
export const fundingMetric = 'Funding';

/**
 * A record's money as pledges: one per currency (money is never converted, and a pledge counts in
 * one unit), metric "Funding", its unit the currency, from 0 at the record's start to its budget
 * in that currency (else what was pledged, else committed, else the largest step) at its end,
 * with the source's steps as the pledge's transactions (pledged -> committed -> disbursed -> spent).
 * So the initiative page, the API and the progress roll-up show the money chain as they show any
 * pledge's. The source's pledges are rewritten whole on each refresh; its records are the
 * source's until claimed, and a claimed record is not written at all.
 */
async function writeMoney(
  tx: Database,
  source: RegistrySource,
  items: readonly { parts: InitiativeParts; record: RegistryRecord }[],
  /** The records that existed before: their source's pledges are replaced (new records have none). */
  replaced: readonly string[],
) {
  const actor = sourceActor(source);
  if (items.length === 0) return;
  if (replaced.length)
    await tx.query(sql`DELETE FROM pledges WHERE initiative_id = ANY(${pgTextArray(replaced)}::text[]) AND created_by = ${actor}`);
  const pledges: Record<string, unknown>[] = [];
  const transactions: Record<string, unknown>[] = [];
  for (const { parts, record } of items) {
    // A budget with no money moved yet is a pledge too: the target, with nothing reported against it.
    const currencies = [...new Set([...record.money.map((m) => m.currency), ...(record.budget ? [record.budget.currency] : [])])].sort();
    for (const currency of currencies) {
      const steps = record.money.filter((m) => m.currency === currency).sort((a, b) => a.date.localeCompare(b.date));
      const sum = (kind: SourceMoney['kind']) => steps.filter((m) => m.kind === kind).reduce((n, m) => n + m.amount, 0);
      const target =
        (record.budget?.currency === currency ? record.budget.amount : 0) ||
        sum('pledged') ||
        sum('committed') ||
        Math.max(0, ...steps.map((m) => m.amount));
      const baselineDate = [record.startDate, steps[0]?.date].filter((d): d is string => !!d).sort()[0];
      let targetDate = [record.endDate, steps.at(-1)?.date]
        .filter((d): d is string => !!d)
        .sort()
        .at(-1);
      // A budget with no dates at all gives a pledge no period, and a target of 0 nothing to measure
      // against: the money stays the initiative's budget alone.
      if (!baselineDate || !targetDate || target === 0) continue;
      // A pledge ends after it starts: money moved on one day alone is given a day.
      if (targetDate <= baselineDate)
        targetDate = new Date(Date.parse(`${baselineDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const id = `${parts.id}.funding.${currency}`;
      pledges.push({
        id,
        initiative_id: parts.id,
        org: parts.input.leadOrganizationId,
        unit: currency,
        baseline_date: baselineDate,
        target_value: String(target),
        target_date: targetDate,
        areas: parts.areas,
      });
      steps.forEach((m, n) =>
        transactions.push({ id: `${id}.${n + 1}`, pledge_id: id, kind: m.kind, amount: String(m.amount), currency, date: m.date }),
      );
    }
  }
  if (pledges.length === 0) return;
  await tx.query(
    sql`INSERT INTO pledges (id, initiative_id, organization_id, metric, unit, baseline_value, baseline_date, target_value, target_date, areas, created_by)
        SELECT r.id, r.initiative_id, r.org, ${fundingMetric}, r.unit, 0, r.baseline_date, r.target_value, r.target_date, r.areas, ${actor}
        FROM jsonb_to_recordset(${JSON.stringify(pledges)}::jsonb)
          AS r(id text, initiative_id text, org text, unit text, baseline_date date, target_value numeric, target_date date, areas text[])`,
  );
  await tx.query(
    sql`INSERT INTO pledge_transactions (id, pledge_id, kind, amount, currency, date, note, created_by)
        SELECT r.id, r.pledge_id, r.kind, r.amount, r.currency, r.date, ${sourceNote(source)}, ${actor}
        FROM jsonb_to_recordset(${JSON.stringify(transactions)}::jsonb)
          AS r(id text, pledge_id text, kind text, amount numeric, currency text, date date)`,
  );
}

/**
 * The organizations a read names, each with the number of its mentions (the most frequent spelling
 * names a new record), under one key per organization as the source names it. Name keys are worked
 * out once per name: an IATI file names its few donors thousands of times.
 */
export class OrganizationMentions {
  readonly counted = new Map<string, { o: SourceOrganization; count: number }>();
  private readonly nameKeys = new Map<string, string>();

  nameKey(name: string): string {
    let key = this.nameKeys.get(name);
    if (key === undefined) {
      key = nameKey(name);
      this.nameKeys.set(name, key);
    }
    return key;
  }

  key(o: SourceOrganization): string {
    return `${this.nameKey(o.name)}|${websiteKey(o.website) ?? ''}`;
  }

  add(organizations: readonly SourceOrganization[]): void {
    for (const o of organizations) {
      const key = this.key(o);
      const seen = this.counted.get(key);
      if (seen) seen.count++;
      else this.counted.set(key, { o: { name: o.name, website: o.website, role: o.role, sourceRole: o.sourceRole }, count: 1 });
    }
  }
}

/** A website as compared between records: no scheme, no `www.`, no trailing slash, lower case. */
function websiteKey(url: string | null): string | null {
  if (!url) return null;
  const key = url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/#?]+$/, '');
  // A code host's or a site builder's front page names no one organization.
  return key.includes('.') && !/^(github\.com|gitlab\.com|bitbucket\.org|sites\.google\.com)$/.test(key) ? key : null;
}

/** The organizations of a read as the store holds them: the record of each mention, and each record's stored name. */
interface ReadOrganizations {
  idOf: (o: SourceOrganization) => string;
  nameOf: (id: string) => string;
}

/**
 * The organization id for each organization of the records. The source's mentions that share a
 * name key or a website are one organization (the DPGA names "UNICEF Ventures Fund" and "UNICEF
 * Venture Fund", both at unicefinnovationfund.org), matched as a whole to an existing record with
 * one of those name keys (so "UNICEF" and "Unicef " are one), else one of those websites, else
 * created once, unverified until a reviewer verifies it. Names are taken in turn (the lock
 * organization creation takes), so a person registering the same organization meanwhile meets this one.
 */
async function matchOrganizations(
  tx: Database,
  source: RegistrySource,
  organizations: OrganizationMentions,
  report: RegistryLoadReport,
): Promise<ReadOrganizations> {
  // The mentions, counted, joined into groups.
  const mentions = organizations.counted;
  const parent = new Map<string, string>([...mentions.keys()].map((k) => [k, k]));
  const root = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const firstWith = new Map<string, string>();
  for (const [key, { o }] of mentions) {
    for (const shared of [`name:${organizations.nameKey(o.name)}`, ...(websiteKey(o.website) ? [`site:${websiteKey(o.website)}`] : [])]) {
      const other = firstWith.get(shared);
      if (other) parent.set(root(key), root(other));
      else firstWith.set(shared, key);
    }
  }
  const groups = new Map<string, { o: SourceOrganization; count: number }[]>();
  for (const [key, mention] of mentions) {
    const group = groups.get(root(key));
    if (group) group.push(mention);
    else groups.set(root(key), [mention]);
  }
  const names = [...new Set([...mentions.values()].map(({ o }) => organizations.nameKey(o.name)))];
  // One statement for all of them (an IATI file names thousands).
  await lockOrganizationNames(tx, names);
  const sites = [...new Set([...mentions.values()].flatMap(({ o }) => websiteKey(o.website) ?? []))];
  const found = await tx.query<{ id: string; name: string; name_key: string | null; site: string | null }>(
    sql`SELECT id, name, name_key, site FROM (
          SELECT id, name, name_key, created_at,
                 regexp_replace(regexp_replace(lower(trim(coalesce(website, ''))), '^https?://(www[.])?', ''), '[/#?]+$', '') AS site
          FROM organizations) o
        WHERE name_key = ANY(${pgTextArray(names)}::text[]) OR site = ANY(${pgTextArray(sites)}::text[])
        ORDER BY created_at, id`,
  );
  const byName = new Map<string, string>();
  const bySite = new Map<string, string>();
  const storedNames = new Map(found.map((r) => [r.id, r.name]));
  for (const r of found) {
    if (r.name_key && !byName.has(r.name_key)) byName.set(r.name_key, r.id);
    if (r.site && !bySite.has(r.site)) bySite.set(r.site, r.id);
  }
  const ids = new Map<string, string>();
  const created: { id: string; name: string; key: string; type: StakeholderType; website: string | null }[] = [];
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => b.count - a.count);
    const match =
      ordered.map(({ o }) => byName.get(organizations.nameKey(o.name))).find(Boolean) ??
      ordered.map(({ o }) => (websiteKey(o.website) ? bySite.get(websiteKey(o.website)!) : undefined)).find(Boolean);
    let id = match;
    if (id) report.organizationsMatched++;
    else {
      id = randomUUID();
      const name = cleanName(ordered[0]!.o.name);
      const website = ordered.find(({ o }) => o.website)?.o.website ?? null;
      created.push({ id, name, key: nameKey(name), type: stakeholderTypeOf(name), website });
    }
    for (const { o } of group) ids.set(organizations.key(o), id);
  }
  if (created.length) {
    await tx.query(
      sql`INSERT INTO organizations (id, name, name_key, short_name, stakeholder_type, website, source_id, created_by)
          SELECT r.id, r.name, r.key, r.name, r.type, r.website, ${sourceActor(source)}, ${sourceActor(source)}
          FROM jsonb_to_recordset(${JSON.stringify(created)}::jsonb) AS r(id text, name text, key text, type text, website text)`,
    );
    await recordChanges(
      tx,
      created.map((c) => ({
        entity: 'organization',
        entityId: c.id,
        action: 'create',
        actor: sourceActor(source),
        after: { name: c.name, stakeholderType: c.type, website: c.website },
        note: sourceNote(source),
      })),
    );
    report.organizationsCreated += created.length;
  }
  for (const c of created) storedNames.set(c.id, c.name);
  return { idOf: (o) => ids.get(organizations.key(o))!, nameOf: (id) => storedNames.get(id) ?? '' };
}

/**
 * The stakeholder group a source that gives none suggests by the organization's name; a reviewer
 * verifies every organization a source brings, this among the rest. Civil society when the name
 * says nothing (most owners of digital public goods are foundations and non-profits).
 */
export function stakeholderTypeOf(name: string): StakeholderType {
  const n = name.toLowerCase();
  if (
    /\b(unicef|undp|unhcr|unfpa|unesco|unops|who|itu|wfp|fao|ilo|unep|un-habitat|united nations|world health organization|world food programme)\b/.test(
      n,
    )
  )
    return 'un-entity';
  if (
    /\b(world bank|african development bank|asian development bank|inter-american development bank|oecd|european commission|african union)\b/.test(
      n,
    )
  )
    return 'international-organization';
  if (
    /\b(ministry|ministerio|ministère|government|gouvernement|gobierno|department of|national .*(agency|authority|institute)|municipal|city of)\b/.test(
      n,
    )
  )
    return 'government';
  if (/\b(university|universidad|université|universität|college|school of|institute of technology|polytechnic)\b/.test(n))
    return 'academia';
  if (/\b(inc|ltd|llc|gmbh|s\.a\.|pvt|limited|corporation|corp|company|technologies)\b\.?/.test(n)) return 'private-sector';
  return 'civil-society';
}

/**
 * GDC and WSIS links Concord's matcher suggests from each record's text (the matcher that serves
 * documents, src/documents/links.ts), stored `suggested` for a reviewer to confirm. Elements the
 * record already links, or a reviewer rejected for it, are not proposed again.
 */
async function suggestFrameworkLinks(tx: Database, records: readonly InitiativeParts[]): Promise<number> {
  const rows: { id: string; element: string; evidence: string }[] = [];
  const matched = records.flatMap(({ id, input }) => {
    const text = input.texts.find((t) => t.lang === 'en') ?? input.texts[0];
    return text ? [{ id, lang: text.lang, text: `${text.title}\n${text.description}` }] : [];
  });
  // All the chunk's texts in one query (a query per record and framework was most of an import's time).
  const found = await suggestLinksForTexts(tx, matched, { frameworks: ['gdc', 'wsis'], limit: SUGGESTIONS_PER_FRAMEWORK });
  matched.forEach(({ id, lang }, k) => {
    for (const s of found[k] ?? []) {
      rows.push({
        id,
        element: s.elementId,
        evidence: `Suggested by Concord's matcher from the record's ${lang} text (score ${s.score}); a reviewer confirms or rejects it.`,
      });
    }
  });
  if (rows.length === 0) return 0;
  const written = await tx.query<{ element_id: string }>(
    sql`INSERT INTO initiative_links (initiative_id, element_id, type, evidence, state, source)
        SELECT r.id, r.element, 'contributes-to', r.evidence, 'suggested', 'matcher'
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, element text, evidence text)
        ON CONFLICT (initiative_id, element_id) DO NOTHING RETURNING element_id`,
  );
  return written.length;
}

/** Archives the source's records it no longer lists (with the reason), except those their organization claimed. */
async function archiveVanished(tx: Database, source: RegistrySource, present: readonly string[], scope?: string[]): Promise<number> {
  // A read of part of the source (one publisher's IATI file) speaks only for that part.
  if (scope && scope.length === 0) return 0;
  const within = scope
    ? sql`AND EXISTS (SELECT 1 FROM unnest(${pgTextArray(scope)}::text[]) AS s(prefix) WHERE starts_with(source_id, s.prefix))`
    : empty;
  const gone = await tx.query<{ id: string; state: string }>(
    sql`SELECT id, state FROM initiatives
        WHERE source = ${source.id} AND state <> 'archived' AND claimed_at IS NULL
          AND source_id NOT IN (SELECT unnest(${pgTextArray(present)}::text[]))
          ${within}
        FOR UPDATE`,
  );
  if (gone.length === 0) return 0;
  const reason = `No longer listed in the ${source.name}.`;
  await tx.query(
    sql`UPDATE initiatives SET state = 'archived', archived_reason = ${reason}, version = version + 1, updated_at = now()
        WHERE id = ANY(${pgTextArray(gone.map((g) => g.id))}::text[])`,
  );
  await recordChanges(
    tx,
    gone.map((g) => ({
      entity: 'initiative',
      entityId: g.id,
      action: 'archive',
      actor: sourceActor(source),
      before: { state: g.state },
      after: { state: 'archived' },
      note: `${reason} (${sourceNote(source)})`,
    })),
  );
  return gone.length;
}
