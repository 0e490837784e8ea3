// A report's data bundle: one zip with a CSV file per table, the whole report as JSON, and its
// provenance (the sources of every figure, and what, when and where it was generated). CSV in
// UTF-8 with a byte-order mark, so spreadsheet programs read Arabic and Chinese right.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { BundleTable, Report } from './kind.ts';
import { writeCsv } from '../shared/csv.ts';

/** The bundle's name: `roadmap-<id>-fr`, also the folder inside the zip. */
export function bundleName(report: Pick<Report<unknown>, 'kind' | 'subject' | 'lang'>): string {
  return `${report.kind}-${report.subject}-${report.lang}`.replace(/[^A-Za-z0-9._-]+/g, '-');
}

function csv(columns: readonly string[], rows: BundleTable['rows']): Uint8Array {
  return strToU8(writeCsv([columns, ...rows], { bom: true }));
}

function provenance(report: Report<unknown>, tables: readonly BundleTable[]): string {
  const lines = [
    `Concord report: ${report.title}`,
    `Kind: ${report.kind}; subject: ${report.subject}; language: ${report.lang}`,
    `Generated at: ${report.generatedAt}`,
    `Online at: ${report.address}`,
    '',
    'Files:',
    '  report.json      the whole report (the same as the API answers)',
    ...tables.map((t) => `  ${`${t.name}.csv`.padEnd(16)} ${t.rows.length} rows`),
    '  sources.csv      the sources below, as a table',
    '',
    'Sources (every figure and table of the report cites one or more of these ids):',
    ...report.sources.flatMap((s) => [
      `- ${s.id}: ${s.title}`,
      ...(s.address ? [`    address: ${s.address}`] : []),
      ...(s.licence ? [`    licence: ${s.licence}`] : []),
      `    used for: ${s.usedFor.join('; ')}`,
    ]),
    '',
    'Records entered in Concord (roadmaps, initiatives, pledges) keep the history of every change at their address.',
  ];
  return lines.join('\n') + '\n';
}

/** The zip of a report. */
export function reportBundle(report: Report<unknown>, tables: readonly BundleTable[]): Uint8Array {
  const folder = bundleName(report);
  const files: Zippable = {
    'report.json': strToU8(JSON.stringify(report, null, 2) + '\n'),
    'PROVENANCE.txt': strToU8(provenance(report, tables)),
    'sources.csv': csv(
      ['id', 'title', 'address', 'licence', 'used_for'],
      report.sources.map((s) => [s.id, s.title, s.address, s.licence, s.usedFor.join('; ')]),
    ),
  };
  for (const table of tables) files[`${table.name}.csv`] = csv(table.columns, table.rows);
  return zipSync({ [folder]: files }, { level: 6, mtime: new Date(report.generatedAt) });
}
