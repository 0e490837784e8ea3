// Importing IATI activity files: the one function `concord import iati` and the reviewers' upload
// both call. Each file is read as a stream (src/registries/iati.ts: one activity in memory at a
// time), twice: a first reading checks every activity and keeps only what the check and the
// writer's plan need (identifiers, publishers, organizations); a second maps each activity to a
// registry record (iati-record.ts) and streams them through the generic registry writer
// (load.ts), as the DPGA registry is written. All or nothing per run: when any file or activity
// has a problem, nothing is written and the report names each activity with its problems.
import { createHash } from 'node:crypto';
import { sql, type Store } from '../store/index.ts';
import { areaCatalog } from '../areas/index.ts';
import type { AreaCatalog } from '../areas/catalog.ts';
import type { RecordProblem, RegistryRecord } from './connector.ts';
import { IatiFileError, readIatiActivities } from './iati.ts';
import { iatiRecord, iatiSource } from './iati-record.ts';
import { loadRegistryRecords, OrganizationMentions, type RegistryLoadReport } from './load.ts';

/**
 * One file to import: its name as the user gave it, and a way to read its bytes as a stream. It
 * is read twice: once to check every activity (nothing is written when one is wrong), once to
 * write them, so that a 50 MB file is never held whole, nor all its activities at once.
 */
export interface IatiFile {
  name: string;
  open: () => AsyncIterable<string | Uint8Array>;
}

export interface IatiFileReport {
  name: string;
  activities: number;
  /** A file that is not an IATI activity file or not well-formed XML: none of it could be read. */
  error: string | null;
  /** Activities that could not be read, by identifier (or position when it has none). */
  problems: RecordProblem[];
}

export interface IatiImportReport {
  files: IatiFileReport[];
  /** What was written; null when a problem stopped the import (nothing was written). */
  load: RegistryLoadReport | null;
}

/** A file that read differently the second time (changed while it was imported). */
export class IatiFileChanged extends Error {}

/** What the first reading keeps of the files: what the check and the writer's plan need, not the records. */
interface IatiCheck {
  reports: IatiFileReport[];
  /** Each activity's identifier, with the file it was first met in, in reading order. */
  seen: Map<string, string>;
  publishers: Set<string>;
  organizations: OrganizationMentions;
}

/**
 * Reads every file, then writes all their activities, or nothing when any file or activity has a
 * problem. An activity met twice (in two files, or twice in one) is a problem too: which one
 * Concord should keep is the publisher's call, not the importer's.
 *
 * @example
 * const report = await importIatiFiles(store, [{ name: 'a.xml', open: () => createReadStream('a.xml') }]);
 * report.load?.created; // the activities created; report.load is null when a problem stopped it
 */
export async function importIatiFiles(store: Store, files: readonly IatiFile[]): Promise<IatiImportReport> {
  const catalog = await areaCatalog();
  const check = await checkIatiFiles(files, catalog);
  const { reports, seen, publishers, organizations } = check;
  if (reports.some((r) => r.error || r.problems.length)) return { files: reports, load: null };
  // A file is one publisher's (or part of one publisher's) activities, not the whole IATI source:
  // only the activities of the publishers read are candidates for archiving, so importing one
  // donor's file never archives another's. An activity's identifier starts with its reporting
  // organization's identifier (IATI rule), which is what the scope matches on.
  const present = [...seen.keys()];
  const load = await loadRegistryRecords(
    store,
    { source: iatiSource, organizations, present, problems: [], scope: [...publishers] },
    recordsOf(files, catalog, seen),
  );
  // The sources page shows the last import, as it shows the DPGA registry's last load.
  const counts = {
    records: present.length,
    created: load.created,
    updated: load.updated,
    unchanged: load.unchanged,
    archived: load.archived,
    problems: 0,
    unmapped: load.notes.reduce((n, r) => n + r.notes.length, 0),
  };
  const checksum = createHash('sha256').update(present.join('\n')).digest('hex');
  await store.db.query(
    sql`INSERT INTO reference_releases (dataset, checksum, counts) VALUES ('registry:iati', ${checksum}, ${JSON.stringify(counts)}::jsonb)
        ON CONFLICT (dataset) DO UPDATE SET checksum = excluded.checksum, counts = excluded.counts, loaded_at = now()`,
  );
  return { files: reports, load };
}

/** The first reading: every activity checked, its organizations counted, nothing else kept. */
async function checkIatiFiles(files: readonly IatiFile[], catalog: AreaCatalog): Promise<IatiCheck> {
  const check: IatiCheck = { reports: [], seen: new Map(), publishers: new Set(), organizations: new OrganizationMentions() };
  for (const file of files) {
    const report: IatiFileReport = { name: file.name, activities: 0, error: null, problems: [] };
    check.reports.push(report);
    try {
      for await (const activity of readIatiActivities(file.open())) {
        report.activities++;
        const id = activity.identifier || `activity ${activity.position}`;
        const problems = [...activity.problems];
        const earlier = activity.identifier ? check.seen.get(activity.identifier) : undefined;
        if (earlier) problems.push(`the identifier was met before, in ${earlier}`);
        else if (activity.identifier) check.seen.set(activity.identifier, file.name);
        if (problems.length) {
          report.problems.push({ sourceId: id, problems });
          continue;
        }
        const record = iatiRecord(activity, catalog);
        if (!record.organizations.some((o) => o.role === 'lead')) {
          report.problems.push({ sourceId: id, problems: ['no reporting, accountable or participating organization is named'] });
          continue;
        }
        if (activity.reportingOrg?.ref) check.publishers.add(activity.reportingOrg.ref);
        check.organizations.add(record.organizations);
      }
    } catch (error) {
      if (!(error instanceof IatiFileError)) throw error;
      report.error = error.message;
    }
    if (report.activities === 0 && !report.error) report.error = 'the file holds no iati-activity';
  }
  return check;
}

/**
 * The second reading, once every activity passed: the records, one at a time, for the writer. A
 * file that reads differently now (changed since the check) stops the import there.
 */
async function* recordsOf(
  files: readonly IatiFile[],
  catalog: AreaCatalog,
  seen: ReadonlyMap<string, string>,
): AsyncGenerator<RegistryRecord> {
  const expected = [...seen.entries()];
  let next = 0;
  for (const file of files) {
    for await (const activity of readIatiActivities(file.open())) {
      const [identifier, name] = expected[next++] ?? [];
      if (activity.problems.length || activity.identifier !== identifier || name !== file.name)
        throw new IatiFileChanged(`${file.name} changed while it was imported: import it again`);
      yield iatiRecord(activity, catalog);
    }
  }
  if (next !== expected.length) throw new IatiFileChanged('a file changed while it was imported: import it again');
}

/** The import report in plain lines, for the command line. */
export function describeIatiImport(report: IatiImportReport): string[] {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.error) lines.push(`${file.name}: not read: ${file.error}`);
    else lines.push(`${file.name}: ${file.activities} activities${file.problems.length ? `, ${file.problems.length} with problems` : ''}`);
    for (const p of file.problems) lines.push(`  ${p.sourceId}: ${p.problems.join('; ')}`);
  }
  const { load } = report;
  if (!load) {
    lines.push('Nothing was imported: correct the activities above and import again.');
    return lines;
  }
  lines.push(
    `Imported: ${load.created} created, ${load.updated} updated, ${load.unchanged} unchanged, ${load.kept} kept by their owners, ${load.archived} archived; ` +
      `organizations ${load.organizationsCreated} created, ${load.organizationsMatched} matched; ${load.suggestions} link suggestions.`,
  );
  for (const n of load.notes) lines.push(`  ${n.sourceId}: not mapped: ${n.notes.join('; ')}`);
  return lines;
}
