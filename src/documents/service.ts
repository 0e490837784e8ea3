// Documents in the store: ingest (read, structure, references and actions, stored all or
// nothing in one transaction, the same file twice changing nothing) and the reads the API and
// the pages share (documents, paragraphs, footnotes, references, citations, actions).
import { createHash } from 'node:crypto';
import { sql, join, empty, pgTextArray, type Database, type Sql, type Store } from '../store/index.ts';
import { searchConfig, type Language } from '../language/languages.ts';
import { foldForSearch } from '../language/normalize.ts';
import { readDocument } from './read.ts';
import { extractReferences } from './references.ts';
import { extractActions, isVerbForce, type VerbForce } from './actions.ts';
import { actorName, findActors } from './actors.ts';
import { keptLinks, restoreLinks, storeMatcherSuggestions } from './paragraph-links.ts';
import { storeCarriedLinks, storeCarriedTexts } from './framework-carriers.ts';
import type { BlockKind, ReadOptions, UNDocument } from './model.ts';
import { refreshMandates } from '../mandates/service.ts';
import { actorOverlay, overlaid } from '../mandates/catalogue.ts';

/** Versions whose OCR noise is above this are also matched by trigrams (seed 004 scores ~0.02). */
export const OCR_NOISE_THRESHOLD = 0.002;
/** Rows per multi-row INSERT (well under PostgreSQL's 65,535 parameters). */
const BATCH = 500;

export interface IngestSource {
  /** The file name as given (kept as provenance). */
  fileName: string;
  /** Who brought it in and how: `concord ingest`, `api upload (operator)`. */
  provenance: string;
  /** Read the same file again as a new revision of its version (the parser changed), instead of changing nothing. */
  reread?: boolean;
}

export interface IngestCounts {
  paragraphs: number;
  preambular: number;
  operative: number;
  subparagraphs: number;
  headings: number;
  footnotes: number;
  references: number;
  actions: number;
}

export interface IngestResult {
  /** created: a new language version; replaced: the text of that version changed; unchanged: the same file again. */
  status: 'created' | 'replaced' | 'unchanged';
  documentId: string;
  symbol: string | null;
  lang: Language;
  title: string | null;
  counts: IngestCounts;
}

/** The URL-safe id of a document: its symbol in lower case (a-res-79-194), else a hash of the file. */
export function documentIdFor(symbol: string | null, contentHash: string): string {
  if (!symbol) return `doc-${contentHash.slice(0, 16)}`;
  const slug = symbol
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  // Two symbols with one slug (differing only in punctuation): storeDocument adds a hash to the second.
  return slug || `doc-${contentHash.slice(0, 16)}`;
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Reads a file (any supported format) and stores it. Reading errors (DocumentReadError) are
 * thrown before anything is written.
 *
 * @example
 * const result = await ingestFile(store, bytes, { fileName: 'A-RES-79-194.md', provenance: 'concord ingest' });
 * result.counts.operative; // 69
 */
export async function ingestFile(
  store: Store,
  bytes: Uint8Array,
  source: IngestSource,
  options: Pick<ReadOptions, 'lang' | 'symbol'> = {},
): Promise<IngestResult> {
  const doc = await readDocument(bytes, { fileName: source.fileName, ...options });
  return storeDocument(store, doc, { ...source, contentHash: sha256(bytes) });
}

function countsOf(doc: UNDocument, references: number, actions: number): IngestCounts {
  const n = (kind: BlockKind) => doc.blocks.filter((b) => b.kind === kind).length;
  return {
    paragraphs: doc.blocks.length,
    preambular: n('preambular'),
    operative: n('operative'),
    subparagraphs: n('subparagraph'),
    headings: n('heading') + n('section'),
    footnotes: doc.footnotes.length,
    references,
    actions,
  };
}

/** Runs multi-row inserts of `rows`, BATCH at a time. */
async function insertBatches<T, R>(tx: Database, rows: T[], build: (batch: T[]) => Sql): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    if (batch.length) out.push(...(await tx.query<R>(build(batch))));
  }
  return out;
}

/**
 * Stores a parsed document as one language version, in one transaction. The same content hash
 * for the same symbol and language changes nothing; a different text replaces that version.
 * References to this symbol from documents already stored resolve to it.
 */
export async function storeDocument(store: Store, doc: UNDocument, source: IngestSource & { contentHash: string }): Promise<IngestResult> {
  const references = extractReferences(doc);
  const actions = extractActions(doc);
  const lang = doc.language;
  const base = { symbol: doc.symbol, lang, title: doc.title, counts: countsOf(doc, references.length, actions.length) };
  return store.transaction(async (tx) => {
    const documentId = await documentRow(tx, doc, source.contentHash);
    const [existing] = await tx.query<{ id: number; content_hash: string }>(
      sql`SELECT id, content_hash FROM document_versions WHERE document_id = ${documentId} AND lang = ${lang} FOR UPDATE`,
    );
    if (existing?.content_hash === source.contentHash && !source.reread) return { status: 'unchanged' as const, documentId, ...base };
    // What reviewers decided and people proposed on the text being replaced is kept (by eid).
    const kept = existing ? await keptLinks(tx, existing.id) : [];
    if (existing) await tx.query(sql`DELETE FROM document_versions WHERE id = ${existing.id}`);

    const [version] = await tx.query<{ id: number }>(
      sql`INSERT INTO document_versions (document_id, lang, title, agenda_title, content_hash, source_file, reader, provenance, ocr_noise, parts, warnings)
          VALUES (${documentId}, ${lang}, ${doc.title}, ${doc.agendaTitle}, ${source.contentHash}, ${source.fileName}, ${doc.format},
                  ${source.provenance}, ${doc.ocrNoise}, ${JSON.stringify(doc.parts.map((p) => ({ id: p.id, kind: p.kind, title: p.title })))}::jsonb,
                  ${JSON.stringify(doc.warnings)}::jsonb)
          RETURNING id`,
    );
    if (!version) throw new Error('the language version was not stored');
    await storeParagraphs(tx, doc, documentId, version.id, references, actions);
    await restoreLinks(tx, version.id, kept);
    // Before the matcher, so that a paragraph that is an element's own text is linked as such.
    await storeCarriedLinks(tx, version.id, doc);
    // The official texts of the framework in this language (and, through an English version, in the others').
    await storeCarriedTexts(tx, documentId, doc.symbol);
    await storeMatcherSuggestions(tx, version.id, lang);
    // An English version gives the other versions' paragraphs their English twins: suggestions for
    // the frameworks whose texts are English only are added to them (links already there stay).
    if (lang === 'en') {
      const others = await tx.query<{ id: number; lang: Language }>(
        sql`SELECT id, lang FROM document_versions WHERE document_id = ${documentId} AND id <> ${version.id}`,
      );
      for (const other of others) await storeMatcherSuggestions(tx, Number(other.id), other.lang);
    }
    // The mandate tracker reads the requests again; reviewers' corrections and answers stay.
    await refreshMandates(tx, documentId);
    // Placeholders resolve: references to this symbol (from any document) now point here.
    if (doc.symbol) {
      await tx.query(
        sql`UPDATE document_references SET target_document_id = ${documentId} WHERE symbol = ${doc.symbol} AND target_document_id IS NULL`,
      );
    }
    return { status: existing ? ('replaced' as const) : ('created' as const), documentId, ...base };
  });
}

async function documentRow(tx: Database, doc: UNDocument, contentHash: string): Promise<string> {
  if (doc.symbol) {
    const [found] = await tx.query<{ id: string }>(sql`SELECT id FROM documents WHERE symbol = ${doc.symbol}`);
    if (found) {
      // What a later language version knows fills what an earlier one did not.
      await tx.query(
        sql`UPDATE documents SET organ = coalesce(organ, ${doc.organ}), session = coalesce(session, ${doc.session}),
                   number = coalesce(number, ${doc.number}), date = coalesce(date, ${doc.date}::date),
                   agenda_item = coalesce(agenda_item, ${doc.agendaItem}), updated_at = now()
            WHERE id = ${found.id}
              AND (organ IS NULL OR session IS NULL OR number IS NULL OR date IS NULL OR agenda_item IS NULL)`,
      );
      return found.id;
    }
  } else {
    // A document without a symbol is known by its file: the same file finds its row again.
    const [found] = await tx.query<{ document_id: string }>(
      sql`SELECT v.document_id FROM document_versions v JOIN documents d ON d.id = v.document_id
          WHERE v.content_hash = ${contentHash} AND d.symbol IS NULL LIMIT 1`,
    );
    if (found) return found.document_id;
  }
  let id = documentIdFor(doc.symbol, contentHash);
  const [taken] = await tx.query<{ id: string }>(sql`SELECT id FROM documents WHERE id = ${id}`);
  if (taken) id = `${id}-${contentHash.slice(0, 6)}`;
  await tx.query(
    sql`INSERT INTO documents (id, symbol, organ, session, number, date, kind, agenda_item)
        VALUES (${id}, ${doc.symbol}, ${doc.organ}, ${doc.session}, ${doc.number}, ${doc.date}::date, ${doc.kind}, ${doc.agendaItem})`,
  );
  return id;
}

/** The tsvector of a folded paragraph in its language (Chinese is already segmented). */
function vectorOf(lang: Language, fold: string): Sql {
  return sql`to_tsvector(${searchConfig[lang]}::regconfig, ${fold})`;
}

async function storeParagraphs(
  tx: Database,
  doc: UNDocument,
  documentId: string,
  versionId: number,
  references: ReturnType<typeof extractReferences>,
  actions: ReturnType<typeof extractActions>,
): Promise<void> {
  const lang = doc.language;
  const ocr = doc.ocrNoise > OCR_NOISE_THRESHOLD;
  const rows = doc.blocks.map((b, position) => ({ b, position, fold: foldForSearch(b.text, lang) }));
  const inserted = await insertBatches<(typeof rows)[number], { id: number; eid: string }>(
    tx,
    rows,
    (batch) =>
      sql`INSERT INTO document_paragraphs (version_id, document_id, lang, position, eid, kind, number, part, parent_eid, heading, level, text, fold, ocr, search)
          VALUES ${join(
            batch.map(
              ({ b, position, fold }) =>
                sql`(${versionId}, ${documentId}, ${lang}, ${position}, ${b.id}, ${b.kind}, ${b.number}, ${b.part}, ${b.parent}, ${b.heading},
                     ${b.level}, ${b.text}, ${fold}, ${ocr}, ${vectorOf(lang, fold)})`,
            ),
          )}
          RETURNING id, eid`,
  );
  const paragraphOf = new Map(inserted.map((r) => [r.eid, r.id]));
  const pid = (eid: string): number => {
    const id = paragraphOf.get(eid);
    if (id === undefined) throw new Error(`no paragraph ${eid}`);
    return id;
  };

  const footnotes = doc.blocks.flatMap((b) => b.footnotes.map((f) => ({ f, paragraphId: pid(b.id) })));
  await insertBatches(
    tx,
    footnotes,
    (batch) =>
      sql`INSERT INTO document_footnotes (version_id, paragraph_id, number, text, call_offset)
          VALUES ${join(batch.map(({ f, paragraphId }) => sql`(${versionId}, ${paragraphId}, ${f.number}, ${f.text}, ${f.offset})`))}`,
  );

  await insertBatches(
    tx,
    references,
    (batch) =>
      sql`INSERT INTO document_references (version_id, document_id, paragraph_id, footnote, raw, symbol, kind, orientation, paragraph, instrument, target_document_id)
          SELECT v.version_id, v.document_id, v.paragraph_id, v.footnote, v.raw, v.symbol, v.kind, v.orientation, v.paragraph, v.instrument, d.id
          FROM (VALUES ${join(
            batch.map(
              (r) =>
                sql`(${versionId}::bigint, ${documentId}, ${pid(r.blockId)}::bigint, ${r.footnote}::int, ${r.raw}, ${r.symbol}::text, ${r.kind},
                     ${r.orientation}, ${r.paragraph}::text, ${r.instrument}::text)`,
            ),
          )}) AS v (version_id, document_id, paragraph_id, footnote, raw, symbol, kind, orientation, paragraph, instrument)
          LEFT JOIN documents d ON d.symbol = v.symbol`,
  );

  await insertBatches(
    tx,
    actions,
    (batch) =>
      sql`INSERT INTO requested_actions (version_id, paragraph_id, verb, verb_text, directive, addressees, addressee_text, deadline_text, deadline_year,
                                         deadline_session, force, actors, object, deadline_from, deadline_to, deadline_recurrence, inherited)
          VALUES ${join(
            batch.map(
              (a) =>
                sql`(${versionId}, ${pid(a.blockId)}, ${a.verb}, ${a.verbText}, ${a.directive},
                     ${pgTextArray(a.actors.map((x) => (x.id ? actorName(x.id, 'en') : x.text)))}::text[], ${a.actors.map((x) => x.text).join('; ')},
                     ${a.deadline?.text ?? null}, ${a.deadline?.year ?? null}, ${a.deadline?.session ?? null}, ${a.force}, ${JSON.stringify(a.actors)}::jsonb,
                     ${a.object}, ${a.deadline?.from ?? null}::date, ${a.deadline?.to ?? null}::date, ${a.deadline?.recurrence ?? null}, ${a.inherited})`,
            ),
          )}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Reads

export interface DocumentSummary {
  id: string;
  symbol: string | null;
  organ: string | null;
  session: number | null;
  date: string | null;
  kind: string;
  /** The title in the language asked for, else in the first language the document has. */
  title: string | null;
  titleLanguage: Language | null;
  languages: Language[];
}

export interface DocumentFilter {
  symbol?: string | undefined;
  organ?: string | undefined;
  year?: number | undefined;
  lang?: Language | undefined;
  limit?: number;
  offset?: number;
}

const SUMMARY = sql`d.id, d.symbol, d.organ, d.session, d.date::text AS date, d.kind,
  (SELECT array_agg(v.lang ORDER BY array_position(ARRAY['ar','zh','en','fr','ru','es'], v.lang)) FROM document_versions v WHERE v.document_id = d.id) AS languages`;

interface SummaryRow {
  id: string;
  symbol: string | null;
  organ: string | null;
  session: number | null;
  date: string | null;
  kind: string;
  languages: Language[] | null;
}

async function withTitles(db: Database, rows: SummaryRow[], lang: Language): Promise<DocumentSummary[]> {
  if (rows.length === 0) return [];
  const titles = await db.query<{ document_id: string; lang: Language; title: string | null }>(
    sql`SELECT document_id, lang, title FROM document_versions WHERE document_id = ANY(${pgTextArray(rows.map((r) => r.id))}::text[])`,
  );
  return rows.map((r) => {
    const mine = titles.filter((t) => t.document_id === r.id);
    const best = mine.find((t) => t.lang === lang) ?? mine.find((t) => t.lang === 'en') ?? mine[0];
    return {
      id: r.id,
      symbol: r.symbol,
      organ: r.organ,
      session: r.session,
      date: r.date,
      kind: r.kind,
      title: best?.title ?? null,
      titleLanguage: best?.lang ?? null,
      languages: r.languages ?? [],
    };
  });
}

/** Documents, newest first, filtered by symbol (exact, case-insensitive), organ, year, language. */
export async function listDocuments(
  db: Database,
  lang: Language,
  filter: DocumentFilter = {},
): Promise<{ total: number; items: DocumentSummary[] }> {
  const where: Sql[] = [sql`EXISTS (SELECT 1 FROM document_versions v WHERE v.document_id = d.id)`];
  if (filter.symbol) where.push(sql`upper(d.symbol) = upper(${filter.symbol})`);
  if (filter.organ) where.push(sql`d.organ = ${filter.organ}`);
  if (filter.year) where.push(sql`extract(year FROM d.date) = ${filter.year}`);
  if (filter.lang) where.push(sql`EXISTS (SELECT 1 FROM document_versions v WHERE v.document_id = d.id AND v.lang = ${filter.lang})`);
  const rows = await db.query<SummaryRow & { total: number }>(
    sql`SELECT ${SUMMARY}, count(*) OVER () AS total FROM documents d WHERE ${join(where, ' AND ')}
        ORDER BY d.date DESC NULLS LAST, d.symbol LIMIT ${filter.limit ?? 100} OFFSET ${filter.offset ?? 0}`,
  );
  return { total: Number(rows[0]?.total ?? 0), items: await withTitles(db, rows, lang) };
}

export interface LanguageVersion {
  lang: Language;
  title: string | null;
  agendaTitle: string | null;
  sourceFile: string;
  reader: string;
  provenance: string;
  contentHash: string;
  readAt: string;
  ocrNoise: number;
  warnings: { code: string; message: string }[];
}

export interface DocumentDetail extends DocumentSummary {
  number: string | null;
  agendaItem: string | null;
  versions: LanguageVersion[];
}

export async function getDocument(db: Database, id: string, lang: Language): Promise<DocumentDetail | null> {
  const [row] = await db.query<SummaryRow & { number: string | null; agenda_item: string | null }>(
    sql`SELECT ${SUMMARY}, d.number, d.agenda_item FROM documents d WHERE d.id = ${id}`,
  );
  if (!row) return null;
  const [summary] = await withTitles(db, [row], lang);
  const versions = await db.query<{
    lang: Language;
    title: string | null;
    agenda_title: string | null;
    source_file: string;
    reader: string;
    provenance: string;
    content_hash: string;
    read_at: string;
    ocr_noise: number;
    warnings: { code: string; message: string }[];
  }>(sql`SELECT lang, title, agenda_title, source_file, reader, provenance, content_hash, read_at, ocr_noise, warnings
         FROM document_versions WHERE document_id = ${id}
         ORDER BY array_position(ARRAY['ar','zh','en','fr','ru','es'], lang)`);
  if (!summary) return null;
  return {
    ...summary,
    number: row.number,
    agendaItem: row.agenda_item,
    versions: versions.map((v) => ({
      lang: v.lang,
      title: v.title,
      agendaTitle: v.agenda_title,
      sourceFile: v.source_file,
      reader: v.reader,
      provenance: v.provenance,
      contentHash: v.content_hash,
      readAt: v.read_at,
      ocrNoise: Number(v.ocr_noise),
      warnings: v.warnings,
    })),
  };
}

/** The document with this symbol, if Concord holds it. */
export async function documentBySymbol(db: Database, symbol: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(sql`SELECT id FROM documents WHERE upper(symbol) = upper(${symbol})`);
  return row?.id ?? null;
}

/** The language of the version to show: the one asked for when it exists, else English, else the first. */
export function versionLanguage(detail: DocumentDetail, wanted: Language | undefined): Language | null {
  const langs = detail.versions.map((v) => v.lang);
  if (wanted && langs.includes(wanted)) return wanted;
  if (langs.includes('en')) return 'en';
  return langs[0] ?? null;
}

export interface FootnoteView {
  number: number;
  text: string;
  offset: number | null;
}

export interface ParagraphView {
  id: number;
  /** AKN-style id within the document. */
  eid: string;
  position: number;
  kind: BlockKind;
  number: string | null;
  part: string;
  parent: string | null;
  heading: string | null;
  level: number;
  text: string;
  footnotes: FootnoteView[];
}

/** The paragraphs of one language version in reading order, footnotes attached. */
export async function getParagraphs(db: Database, documentId: string, lang: Language): Promise<ParagraphView[]> {
  const rows = await db.query<{
    id: number;
    eid: string;
    position: number;
    kind: BlockKind;
    number: string | null;
    part: string;
    parent_eid: string | null;
    heading: string | null;
    level: number;
    text: string;
    footnotes: FootnoteView[] | null;
  }>(sql`SELECT p.id, p.eid, p.position, p.kind, p.number, p.part, p.parent_eid, p.heading, p.level, p.text,
                (SELECT json_agg(json_build_object('number', f.number, 'text', f.text, 'offset', f.call_offset) ORDER BY f.number)
                 FROM document_footnotes f WHERE f.paragraph_id = p.id) AS footnotes
         FROM document_paragraphs p JOIN document_versions v ON v.id = p.version_id
         WHERE v.document_id = ${documentId} AND v.lang = ${lang}
         ORDER BY p.position`);
  return rows.map((r) => ({
    id: r.id,
    eid: r.eid,
    position: r.position,
    kind: r.kind,
    number: r.number,
    part: r.part,
    parent: r.parent_eid,
    heading: r.heading,
    level: r.level,
    text: r.text,
    footnotes: r.footnotes ?? [],
  }));
}

export interface ReferenceView {
  raw: string;
  symbol: string | null;
  kind: string;
  orientation: string;
  lang: Language;
  /** Where it occurs: the paragraph's id, eid and printed number, and the footnote if it is in one. */
  paragraph: { id: number; eid: string; number: string | null; kind: BlockKind };
  footnote: number | null;
  paragraphCited: string | null;
  instrument: string | null;
  /** The cited document when Concord holds it; null: a placeholder until it is ingested. */
  target: { id: string; symbol: string | null } | null;
}

/** The references a document makes, in reading order (optionally in one language version). */
export async function getReferences(db: Database, documentId: string, lang?: Language): Promise<ReferenceView[]> {
  const rows = await db.query<{
    raw: string;
    symbol: string | null;
    kind: string;
    orientation: string;
    lang: Language;
    paragraph_id: number;
    eid: string;
    number: string | null;
    pkind: BlockKind;
    footnote: number | null;
    paragraph: string | null;
    instrument: string | null;
    target_id: string | null;
    target_symbol: string | null;
  }>(sql`SELECT r.raw, r.symbol, r.kind, r.orientation, p.lang, p.id AS paragraph_id, p.eid, p.number, p.kind AS pkind, r.footnote,
                r.paragraph, r.instrument, t.id AS target_id, t.symbol AS target_symbol
         FROM document_references r JOIN document_paragraphs p ON p.id = r.paragraph_id
         -- The stored target, or the document with that symbol when both were ingested at once
         -- (concurrent ingests cannot see each other's rows; the symbol always tells).
         LEFT JOIN documents t ON t.id = coalesce(r.target_document_id, (SELECT s.id FROM documents s WHERE s.symbol = r.symbol))
         WHERE r.document_id = ${documentId} ${lang ? sql`AND p.lang = ${lang}` : empty}
         ORDER BY p.lang, p.position, r.id`);
  return rows.map((r) => ({
    raw: r.raw,
    symbol: r.symbol,
    kind: r.kind,
    orientation: r.orientation,
    lang: r.lang,
    paragraph: { id: r.paragraph_id, eid: r.eid, number: r.number, kind: r.pkind },
    footnote: r.footnote,
    paragraphCited: r.paragraph,
    instrument: r.instrument,
    target: r.target_id ? { id: r.target_id, symbol: r.target_symbol } : null,
  }));
}

export interface CitationView {
  /** The other document (held by Concord), or only its symbol when it is a placeholder. */
  id: string | null;
  symbol: string | null;
  title: string | null;
  /** How many times it is cited (across language versions). */
  count: number;
}

/** Documents this one cites (`cites`) or that cite it (`cited-by`). */
export async function getCitations(
  db: Database,
  documentId: string,
  direction: 'cites' | 'cited-by',
  lang: Language,
): Promise<CitationView[]> {
  if (direction === 'cites') {
    const rows = await db.query<{ id: string | null; symbol: string; count: number }>(
      sql`SELECT d.id, r.symbol, count(*) AS count FROM document_references r LEFT JOIN documents d ON d.symbol = r.symbol
          WHERE r.document_id = ${documentId} AND r.symbol IS NOT NULL
          GROUP BY d.id, r.symbol ORDER BY count(*) DESC, r.symbol`,
    );
    const titles = await titleMap(
      db,
      rows.flatMap((r) => (r.id ? [r.id] : [])),
      lang,
    );
    return rows.map((r) => ({ id: r.id, symbol: r.symbol, title: r.id ? (titles.get(r.id) ?? null) : null, count: Number(r.count) }));
  }
  const rows = await db.query<{ id: string; symbol: string | null; count: number }>(
    sql`SELECT d.id, d.symbol, count(*) AS count FROM document_references r JOIN documents d ON d.id = r.document_id
        WHERE r.symbol = (SELECT symbol FROM documents WHERE id = ${documentId}) AND r.document_id <> ${documentId}
        GROUP BY d.id, d.symbol ORDER BY count(*) DESC, d.symbol`,
  );
  const titles = await titleMap(
    db,
    rows.map((r) => r.id),
    lang,
  );
  return rows.map((r) => ({ id: r.id, symbol: r.symbol, title: titles.get(r.id) ?? null, count: Number(r.count) }));
}

async function titleMap(db: Database, ids: string[], lang: Language): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ document_id: string; title: string | null; lang: string }>(
    sql`SELECT DISTINCT ON (document_id) document_id, title, lang FROM document_versions
        WHERE document_id = ANY(${pgTextArray(ids)}::text[])
        ORDER BY document_id, (lang = ${lang}) DESC, (lang = 'en') DESC, lang`,
  );
  return new Map(rows.flatMap((r) => (r.title ? [[r.document_id, r.title] as const] : [])));
}

export interface ActionView {
  paragraph: { id: number; eid: string; number: string | null; part: string };
  verb: string;
  verbText: string;
  force: VerbForce;
  directive: boolean;
  /** Canonical actors named in the reader's language, with the words the text used; id null when the catalogue does not know them. */
  actors: { id: string | null; name: string; text: string }[];
  object: string;
  deadline: {
    text: string;
    from: string | null;
    to: string | null;
    recurrence: string | null;
    year: number | null;
    session: number | null;
  } | null;
  inherited: boolean;
}

/** Who must do what by when: the requested actions of one language version. */
export async function getActions(db: Database, documentId: string, lang: Language, nameLang: Language = lang): Promise<ActionView[]> {
  const rows = await db.query<{
    paragraph_id: number;
    eid: string;
    number: string | null;
    part: string;
    verb: string;
    verb_text: string;
    force: string;
    directive: boolean;
    addressees: string[];
    addressee_text: string;
    actors: { id: string | null; text: string }[] | null;
    object: string;
    deadline_text: string | null;
    deadline_year: number | null;
    deadline_session: number | null;
    deadline_from: string | null;
    deadline_to: string | null;
    deadline_recurrence: string | null;
    inherited: boolean;
  }>(sql`SELECT a.paragraph_id, p.eid, p.number, p.part, a.verb, a.verb_text, a.force, a.directive, a.addressees, a.addressee_text, a.actors, a.object,
                a.deadline_text, a.deadline_year, a.deadline_session, a.deadline_from::text AS deadline_from, a.deadline_to::text AS deadline_to,
                a.deadline_recurrence, a.inherited
         FROM requested_actions a JOIN document_paragraphs p ON p.id = a.paragraph_id JOIN document_versions v ON v.id = a.version_id
         WHERE v.document_id = ${documentId} AND v.lang = ${lang}
         ORDER BY p.position, a.id`);
  // The catalogue as reviewers keep it: a merged actor is shown as the one that remains, a name they added as its actor.
  const overlay = await actorOverlay(db);
  return rows.map((r) => {
    // Rows stored before actors were kept (migration 0026) name addressees by English label only.
    const stored = overlaid(r.actors && r.actors.length > 0 ? r.actors : legacyActors(r.addressees), lang, overlay);
    return {
      paragraph: { id: r.paragraph_id, eid: r.eid, number: r.number, part: r.part },
      verb: r.verb,
      verbText: r.verb_text,
      force: isVerbForce(r.force) ? r.force : 'position',
      directive: r.directive,
      actors: stored.map((a) => ({ id: a.id, name: a.id ? actorName(a.id, nameLang) : a.text, text: a.text })),
      object: r.object,
      deadline: r.deadline_text
        ? {
            text: r.deadline_text,
            from: r.deadline_from,
            to: r.deadline_to,
            recurrence: r.deadline_recurrence,
            year: r.deadline_year,
            session: r.deadline_session,
          }
        : null,
      inherited: r.inherited,
    };
  });
}

function legacyActors(addressees: string[]): { id: string | null; text: string }[] {
  return addressees.map((label) => ({ id: findActors(label, 'en')[0]?.id ?? null, text: label }));
}

/** How many rows of each table a document holds (for tests of idempotency and of all-or-nothing). */
export async function documentTotals(db: Database): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>>(
    sql`SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM document_versions) AS versions,
               (SELECT count(*) FROM document_paragraphs) AS paragraphs, (SELECT count(*) FROM document_footnotes) AS footnotes,
               (SELECT count(*) FROM document_references) AS "references", (SELECT count(*) FROM requested_actions) AS actions,
               (SELECT count(*) FROM paragraph_links) AS links`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

/** A stored language version as the document model again (for the Akoma Ntoso export). */
export async function storedDocument(db: Database, id: string, lang: Language): Promise<UNDocument | null> {
  const detail = await getDocument(db, id, lang);
  const version = detail?.versions.find((v) => v.lang === lang);
  if (!detail || !version) return null;
  const [parts] = await db.query<{ parts: { id: string; kind: 'main' | 'outcome-document' | 'annex'; title: string | null }[] }>(
    sql`SELECT parts FROM document_versions WHERE document_id = ${id} AND lang = ${lang}`,
  );
  const paragraphs = await getParagraphs(db, id, lang);
  const blocks = paragraphs.map((p) => ({
    id: p.eid,
    kind: p.kind,
    number: p.number,
    text: p.text,
    part: p.part,
    parent: p.parent,
    heading: p.heading,
    level: p.level,
    footnotes: p.footnotes,
  }));
  return {
    symbol: detail.symbol,
    organ: detail.organ,
    session: detail.session,
    number: detail.number,
    date: detail.date,
    agendaItem: detail.agendaItem,
    agendaTitle: version.agendaTitle,
    title: version.title,
    language: lang,
    kind: detail.kind as UNDocument['kind'],
    format: version.reader as UNDocument['format'],
    parts: (parts?.parts ?? []).map((p) => ({ ...p, openedBy: null })),
    blocks,
    footnotes: blocks.flatMap((b) => b.footnotes).sort((a, b) => a.number - b.number),
    warnings: version.warnings as UNDocument['warnings'],
    ocrNoise: version.ocrNoise,
  };
}

export interface CitationEdge {
  from: { id: string; symbol: string | null };
  /** The cited document; `id` null while it is a placeholder. */
  to: { id: string | null; symbol: string };
  count: number;
}

/** The citation graph: which document cites which symbol how often, most frequent first. */
export async function citationGraph(db: Database, limit = 2000): Promise<{ edges: CitationEdge[]; total: number }> {
  const rows = await db.query<{
    from_id: string;
    from_symbol: string | null;
    to_id: string | null;
    to_symbol: string;
    count: number;
    total: number;
  }>(
    sql`SELECT r.document_id AS from_id, f.symbol AS from_symbol, t.id AS to_id, r.symbol AS to_symbol, count(*) AS count,
               count(*) OVER () AS total
        FROM document_references r JOIN documents f ON f.id = r.document_id LEFT JOIN documents t ON t.symbol = r.symbol
        WHERE r.symbol IS NOT NULL AND (t.id IS NULL OR t.id <> r.document_id)
        GROUP BY r.document_id, f.symbol, t.id, r.symbol
        ORDER BY count(*) DESC, f.symbol, r.symbol LIMIT ${limit}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    edges: rows.map((r) => ({
      from: { id: r.from_id, symbol: r.from_symbol },
      to: { id: r.to_id, symbol: r.to_symbol },
      count: Number(r.count),
    })),
  };
}
