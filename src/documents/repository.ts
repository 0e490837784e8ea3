// The documents' data: documents, their language versions, titles, citations between them. The
// reads the API and the pages share; the ingest writes are in ingest-repository.ts, paragraphs,
// references and actions in paragraphs-repository.ts.
import { sql, join, pgTextArray, type Database, type Sql } from '../store/index.ts';
import type { Language } from '../language/languages.ts';

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

/** The documents held that cite this symbol (any case), for the page of a document not held yet. */
export async function documentsCiting(db: Database, symbol: string): Promise<{ id: string; symbol: string | null }[]> {
  return db.query<{ id: string; symbol: string | null }>(
    sql`SELECT DISTINCT d.id, d.symbol FROM document_references r JOIN documents d ON d.id = r.document_id
        WHERE upper(r.symbol) = upper(${symbol}) ORDER BY d.symbol`,
  );
}

/** Where the stored version of a symbol in a language came from (its provenance and file checksum). */
export async function versionSource(
  db: Database,
  symbol: string,
  lang: Language,
): Promise<{ provenance: string; content_hash: string } | undefined> {
  const [version] = await db.query<{ provenance: string; content_hash: string }>(
    sql`SELECT v.provenance, v.content_hash FROM document_versions v JOIN documents d ON d.id = v.document_id
        WHERE d.symbol = ${symbol} AND v.lang = ${lang}`,
  );
  return version;
}

/** The parts (main text, outcome document, annexes) of one language version, as stored at ingest. */
export async function versionParts(
  db: Database,
  documentId: string,
  lang: Language,
): Promise<{ id: string; kind: 'main' | 'outcome-document' | 'annex'; title: string | null }[]> {
  const [row] = await db.query<{ parts: { id: string; kind: 'main' | 'outcome-document' | 'annex'; title: string | null }[] }>(
    sql`SELECT parts FROM document_versions WHERE document_id = ${documentId} AND lang = ${lang}`,
  );
  return row?.parts ?? [];
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
