// Imports benchmark (issue 11, items 3 and 4). Memory: each hostile file of the issue (a CSV of
// 1,000,000 one-column rows, an 8 MB XLSX, a DOCX whose document.xml inflates to 300 MB, one
// 300 MB XLSX cell) is read by the import's own readers in a fresh child process, whose peak
// resident memory above its baseline is recorded. Reads: page latencies on the embedded store
// while a 10,000-row registry import runs, then the same rows again as updates, and how long its
// transactions held the store; with BENCH_DATABASE_URL the same on PostgreSQL. BENCH_IMPORT_ROWS
// sets the rows (10,000); BENCH_IMPORT_PARTS=reads skips the hostile files.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { openStore, sql, type Store } from '../src/store/index.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { createUser } from '../src/accounts/service.ts';
import { createOrganization } from '../src/organizations/service.ts';
import { createApp } from '../src/web/app.ts';
import { loadConfig } from '../src/config.ts';
import { translator } from '../src/i18n/index.ts';
import { Refusal } from '../src/shared/refusal.ts';
import { importLimits, zipLimits } from '../src/shared/limits.ts';
import { IMPORT_CHUNK, importRecords, initiativeColumns, readCsv, readWorkbook } from '../src/initiatives/transfer.ts';
import { docxToHtml } from '../src/documents/readers/docx.ts';
import { DocumentReadError } from '../src/documents/model.ts';
import { percentiles, type Percentiles } from './foundation.ts';

const self = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;
const round = (x: number) => Math.round(x * 10) / 10;

type Reader = 'csv' | 'xlsx' | 'docx';

interface MemoryCase {
  name: string;
  reader: Reader;
  fileMB: number;
  outcome: string;
  ms: number;
  peakGrowthMB: number;
}

export interface ImportsBench {
  limits: { rows: number; cellChars: number; xlsxUncompressedMB: number; docxUncompressedMB: number; docxXmlMB: number };
  memory: MemoryCase[];
  /** When the memory cases were measured, if not in this run (BENCH_IMPORT_PARTS=reads keeps the last ones). */
  memoryAt?: string | undefined;
  readsDuringImport: ImportReads;
  /** The same on PostgreSQL, when BENCH_DATABASE_URL is set. */
  readsDuringImportPostgres?: ImportReads;
  /** The machine's load average (1, 5, 15 min) when the run ended: these machines are shared. */
  loadAverage: number[];
  targets: { memoryUnder300MB: boolean; readP95Under500ms: boolean };
}

type ImportReads = ImportRun & {
  store: string;
  readsBefore: Percentiles;
  /** The same rows imported again, each changed: updates, staged, decided, then handed over in chunks. */
  updates: ImportRun;
};

interface ImportRun {
  rows: number;
  importMs: number;
  /** The longest of the import's transactions: how long a page may wait for one. */
  writeTransactionMs: number;
  writeTransactions: number;
  /** The last one: the last hand-over chunk of updates, else the one that makes the staged rows drafts. */
  lastTransactionMs: number;
  /** The one that ends the staging: new rows become drafts, updates are checked and decided (finishImport). */
  commitTransactionMs: number;
  /** After it, the updates' hand-over to their records (handOverImport): its transactions and their total time. */
  handOverTransactions: number;
  handOverMs: number;
  created: number;
  updated: number;
  readsDuring: Percentiles;
  importPeakGrowthMB: number;
}

// ---------------------------------------------------------------- hostile files

function csvMillionRows(): Uint8Array {
  return strToU8('title_en\n' + 'x\n'.repeat(1_000_000));
}

/** One column of a million short numbered strings, written as a stream: about 8 MB. */
async function xlsxMillionRows(file: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = book.addWorksheet('initiatives');
  sheet.addRow(['title_en']).commit();
  for (let i = 0; i < 1_000_000; i++) sheet.addRow([`Initiative ${i}`]).commit();
  sheet.commit();
  await book.commit();
}

/** The largest CSV the row cap lets through, at about the upload limit (25 MB). */
function csvFullRows(): Uint8Array {
  const text = 'A long description of a community network. '.repeat(28).slice(0, 1_200);
  return strToU8('title_en,description_en\n' + Array.from({ length: importLimits.rows }, (_, i) => `Row ${i},${text}`).join('\n'));
}

/** A DOCX whose word/document.xml holds `bytes` of paragraphs. */
function docxOf(bytes: number, level: 6 | 9): Uint8Array {
  const paragraph = '<w:p><w:r><w:t>The General Assembly, recalling its resolution 70/1 of 25 September 2015,</w:t></w:r></w:p>';
  const body = strToU8(
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph.repeat(Math.floor(bytes / paragraph.length))}</w:body></w:document>`,
  );
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': [body, { level }],
  });
}

/** A workbook whose one cell (a shared string) holds 300 MB. */
function xlsxHugeCell(): Uint8Array {
  const head = strToU8('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>');
  const tail = strToU8('</t></si></sst>');
  const strings = new Uint8Array(head.length + 300 * MB + tail.length).fill(0x61);
  strings.set(head, 0);
  strings.set(tail, strings.length - tail.length);
  return zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/sharedStrings.xml': [strings, { level: 9 }],
    'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'),
  });
}

// ---------------------------------------------------------------- one case in a child process

/** Runs in the child: reads the file with the import's reader and prints what happened and the peak memory growth. */
async function memoryChild(reader: Reader, file: string): Promise<void> {
  const bytes = new Uint8Array(await readFile(file));
  await import('mammoth'); // loaded before the baseline, as in a server that has read a DOCX before
  const t = translator('en');
  global.gc?.();
  const before = process.memoryUsage().rss;
  const highWaterBefore = process.resourceUsage().maxRSS * 1024;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  let outcome: string;
  try {
    if (reader === 'csv') outcome = `read ${(await readCsv(bytes)).length} rows`;
    else if (reader === 'xlsx') outcome = `read ${(await readWorkbook(bytes)).initiatives.length} rows`;
    else outcome = `read ${(await docxToHtml(bytes)).length} characters of HTML`;
  } catch (error) {
    if (error instanceof Refusal) outcome = `refused ${error.status}: ${t(error.key, error.values)}`;
    else if (error instanceof DocumentReadError) outcome = `refused (${error.code}): ${error.message}`;
    else outcome = `failed: ${String(error)}`;
  }
  const ms = Math.round(performance.now() - started);
  clearInterval(sampler);
  // The kernel's high-water mark also catches peaks between samples (reading blocks the event
  // loop), when it moved during the read: before, it holds start-up's own peak (compiling TS).
  const highWater = process.resourceUsage().maxRSS * 1024;
  if (highWater > highWaterBefore) peak = Math.max(peak, highWater);
  process.stdout.write(JSON.stringify({ outcome, ms, peakGrowthMB: round((peak - before) / MB) }) + '\n');
}

function runChild(reader: Reader, file: string): Promise<Pick<MemoryCase, 'outcome' | 'ms' | 'peakGrowthMB'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--memory-case', reader, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as Pick<MemoryCase, 'outcome' | 'ms' | 'peakGrowthMB'>);
      } catch {
        reject(new Error(`memory case ${reader} ${file} exited ${code}: ${out}`));
      }
    });
  });
}

async function memoryCases(dir: string): Promise<MemoryCase[]> {
  const files: { name: string; reader: Reader; file: string }[] = [];
  const put = async (name: string, reader: Reader, file: string, bytes: Uint8Array) => {
    await writeFile(file, bytes);
    files.push({ name, reader, file });
  };
  await put('CSV, 1,000,000 one-column rows', 'csv', path.join(dir, 'million.csv'), csvMillionRows());
  const xlsx = path.join(dir, 'million.xlsx');
  await xlsxMillionRows(xlsx);
  files.push({ name: 'XLSX, 1,000,000 rows', reader: 'xlsx', file: xlsx });
  await put('DOCX, document.xml inflating to 300 MB', 'docx', path.join(dir, 'bomb.docx'), docxOf(300 * MB, 9));
  await put('XLSX, one 300 MB cell', 'xlsx', path.join(dir, 'cell.xlsx'), xlsxHugeCell());
  // Files just under the limits, read whole: what a file that is let through costs.
  await put('CSV, 20,000 rows of 1,200 characters (read)', 'csv', path.join(dir, 'full.csv'), csvFullRows());
  await put('DOCX, 3.9 MB of document.xml (read)', 'docx', path.join(dir, 'near.docx'), docxOf(3.9 * MB, 6));
  const cases: MemoryCase[] = [];
  for (const f of files) {
    const fileMB = round((await readFile(f.file)).length / MB);
    const result = await runChild(f.reader, f.file);
    cases.push({ name: f.name, reader: f.reader, fileMB, ...result });
    console.log(`  ${f.name} (${fileMB} MB): ${result.outcome}; +${result.peakGrowthMB} MB peak, ${result.ms} ms`);
  }
  return cases;
}

// ---------------------------------------------------------------- reads during a long import

async function readsDuringImport(rows: number, databaseUrl?: string): Promise<ImportReads> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'concord-bench-imports-'));
  const store: Store = await openStore(databaseUrl ? { databaseUrl } : { dataDir });
  // A PostgreSQL bench database may hold earlier runs: this run's user and organization are its own.
  const run = Date.now().toString(36);
  try {
    await seedFrameworks(store);
    const user = await createUser(store, {
      email: `bench-importer-${run}@example.org`,
      name: 'Bench importer',
      password: 'correct horse battery staple',
    });
    const org = await createOrganization(store, user, { name: `Bench importing organization ${run}`, stakeholderType: 'civil-society' });
    const app = createApp(store, loadConfig({ CONCORD_LOG: 'silent' }));
    const line = (i: number, id = '', title = 'Community networks') => {
      const row: Record<string, string> = {
        id,
        lead_organization_id: org.id,
        status: 'ongoing',
        start_date: '2025-01-01',
        end_date: '2027-12-31',
        areas: i % 2 ? 'SEN' : 'KEN, UGA',
        title_en: `${title} ${i}`,
        description_en: `Community network number ${i}: connectivity and digital skills for rural schools and clinics.`,
        links: `gdc.13.a | contributes-to | Connects schools and trains teachers in digital skills (${i}). |`,
      };
      return initiativeColumns.map((c) => JSON.stringify(row[c] ?? '')).join(',');
    };
    const csv = strToU8([initiativeColumns.join(','), ...Array.from({ length: rows }, (_, i) => line(i))].join('\n'));
    const pages = ['/en/registry', '/en/elements/gdc.13.a', '/en/registry?status=ongoing', '/en/frameworks'];
    const read = async (samples: number[]) => {
      for (const page of pages) {
        const started = performance.now();
        const response = await app.request(page);
        await response.arrayBuffer();
        samples.push(performance.now() - started);
      }
    };
    const before: number[] = [];
    for (let i = 0; i < 25; i++) await read(before);

    // The import's transactions, timed: they are what holds the embedded store's one connection.
    const measure = async (file: Uint8Array): Promise<ImportRun> => {
      const held: number[] = [];
      const timed: Store = {
        ...store,
        transaction: async (work) => {
          const started = performance.now();
          try {
            return await store.transaction(work);
          } finally {
            held.push(performance.now() - started);
          }
        },
      };
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const started = performance.now();
      let done = false;
      const importing = (async () => {
        const parsed = await readCsv(file);
        return importRecords(timed, user, parsed, [], 'en');
      })().finally(() => (done = true));
      const during: number[] = [];
      const reader = async () => {
        while (!done) await read(during);
      };
      const [report] = await Promise.all([importing, reader(), reader()]);
      const importMs = Math.round(performance.now() - started);
      clearInterval(sampler);
      if (!report.ok) throw new Error(`the benchmark import was refused: ${JSON.stringify(report.issues.slice(0, 3))}`);
      // Staging takes a transaction per IMPORT_CHUNK rows; the next one decides; the rest hand over.
      const staging = Math.ceil(report.created / IMPORT_CHUNK) + Math.ceil(report.updated / IMPORT_CHUNK);
      const handOver = held.slice(staging + 1);
      return {
        rows,
        importMs,
        writeTransactionMs: Math.round(Math.max(0, ...held)),
        writeTransactions: held.length,
        lastTransactionMs: Math.round(held.at(-1) ?? 0),
        commitTransactionMs: Math.round(held[staging] ?? 0),
        handOverTransactions: handOver.length,
        handOverMs: Math.round(handOver.reduce((a, b) => a + b, 0)),
        created: report.created,
        updated: report.updated,
        readsDuring: percentiles(during),
        importPeakGrowthMB: round((peak - rssBefore) / MB),
      };
    };
    const creation = await measure(csv);
    // The same rows again, each changed: every row updates a stored record.
    const ids = (
      await store.db.query<{ id: string }>(sql`SELECT id FROM initiatives WHERE lead_organization_id = ${org.id} ORDER BY created_at, id`)
    ).map((r) => r.id);
    const changed = strToU8([initiativeColumns.join(','), ...ids.map((id, i) => line(i, id, 'Renamed community networks'))].join('\n'));
    const update = await measure(changed);
    return { store: databaseUrl ? 'PostgreSQL' : 'embedded (PGlite)', ...creation, readsBefore: percentiles(before), updates: update };
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Runs both parts; figures go to bench/results/imports.json through bench/run.ts. */
export async function benchImports(
  options: { rows?: number; readsOnly?: boolean; databaseUrl?: string | undefined } = {},
): Promise<ImportsBench> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'concord-bench-files-'));
  try {
    console.log('imports: peak memory growth per hostile file');
    const memory = options.readsOnly ? [] : await memoryCases(dir);
    const rows = options.rows ?? 10_000;
    console.log(`imports: page reads during a ${rows}-row registry import on the embedded store`);
    const reads = await readsDuringImport(rows);
    if (options.databaseUrl) console.log(`imports: the same on PostgreSQL`);
    const postgres = options.databaseUrl ? await readsDuringImport(rows, options.databaseUrl) : undefined;
    return {
      limits: {
        rows: importLimits.rows,
        cellChars: importLimits.cellChars,
        xlsxUncompressedMB: zipLimits.xlsx.total / MB,
        docxUncompressedMB: zipLimits.docx.total / MB,
        docxXmlMB: zipLimits.docx.xml / MB,
      },
      memory,
      readsDuringImport: reads,
      ...(postgres ? { readsDuringImportPostgres: postgres } : {}),
      loadAverage: os.loadavg().map((x) => round(x)),
      targets: {
        memoryUnder300MB: memory.every((m) => m.peakGrowthMB < 300) && reads.importPeakGrowthMB < 300,
        readP95Under500ms: reads.readsDuring.p95 < 500 && reads.updates.readsDuring.p95 < 500,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === self && process.argv[2] === '--memory-case') {
  await memoryChild(process.argv[3] as Reader, process.argv[4]!);
}

/** `npm run bench imports`: runs the benchmark and writes bench/results/imports.json. */
export async function imports(machine: Record<string, unknown>): Promise<void> {
  const readsOnly = process.env.BENCH_IMPORT_PARTS === 'reads';
  const run = await benchImports({
    rows: Number(process.env.BENCH_IMPORT_ROWS ?? 10_000),
    readsOnly,
    databaseUrl: process.env.BENCH_DATABASE_URL,
  });
  const file = path.resolve(path.dirname(self), 'results', 'imports.json');
  if (readsOnly) {
    // The hostile files were not read this time: their last figures stay, with their date.
    const last = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { at?: string; runs?: ImportsBench[] };
    run.memory = last.runs?.[0]?.memory ?? [];
    run.memoryAt = last.runs?.[0]?.memoryAt ?? last.at;
  }
  await writeFile(file, JSON.stringify({ benchmark: 'imports', at: new Date().toISOString(), machine, runs: [run] }, null, 2) + '\n');
  for (const r of [run.readsDuringImport, run.readsDuringImportPostgres]) {
    if (!r) continue;
    console.log(
      `imports on ${r.store}: ${r.rows} rows in ${r.importMs} ms (${r.writeTransactions} write transactions, longest ${r.writeTransactionMs} ms, last ${r.lastTransactionMs} ms); reads during it p50 ${r.readsDuring.p50} / p95 ${r.readsDuring.p95} / max ${r.readsDuring.max} ms (before: p95 ${r.readsBefore.p95} ms)`,
    );
    const u = r.updates;
    console.log(
      `imports on ${r.store}: ${u.updated} updates in ${u.importMs} ms (${u.writeTransactions} write transactions, longest ${u.writeTransactionMs} ms; decided in ${u.commitTransactionMs} ms, handed over in ${u.handOverTransactions} transactions, ${u.handOverMs} ms); reads during it p50 ${u.readsDuring.p50} / p95 ${u.readsDuring.p95} / max ${u.readsDuring.max} ms`,
    );
  }
  console.log(`  targets: ${JSON.stringify(run.targets)}`);
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}
