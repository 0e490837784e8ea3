// The ingest's writes: a document's row, its language version and everything read from it
// (paragraphs with their search vectors, footnotes, references, requested actions), in the
// transaction service.ts opens. The rules (when a version is unchanged, what is kept) stay there.
import { sql, join, pgTextArray, type Database, type Sql } from '../store/index.ts';
import { searchConfig, type Language } from '../language/languages.ts';
import { foldForSearch } from '../language/normalize.ts';
import type { extractReferences } from './references.ts';
import type { extractActions } from './actions.ts';
import { actorName } from './actors.ts';
import type { UNDocument } from './model.ts';

/** Rows per multi-row INSERT (well under PostgreSQL's 65,535 parameters). */
const BATCH = 500;

/** Runs multi-row inserts of `rows`, BATCH at a time. */
async function insertBatches<T, R>(tx: Database, rows: T[], build: (batch: T[]) => Sql): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    if (batch.length) out.push(...(await tx.query<R>(build(batch))));
  }
  return out;
}

/** The language version stored for (document, language), locked until the transaction ends. */
export async function lockVersion(
  tx: Database,
  documentId: string,
  lang: Language,
): Promise<{ id: number; content_hash: string } | undefined> {
  const [existing] = await tx.query<{ id: number; content_hash: string }>(
    sql`SELECT id, content_hash FROM document_versions WHERE document_id = ${documentId} AND lang = ${lang} FOR UPDATE`,
  );
  return existing;
}

/** Removes a language version (its paragraphs and all read from them go with it). */
export async function deleteVersion(tx: Database, versionId: number): Promise<void> {
  await tx.query(sql`DELETE FROM document_versions WHERE id = ${versionId}`);
}

/** Stores a language version's own row; returns its id. */
export async function insertVersion(
  tx: Database,
  documentId: string,
  doc: UNDocument,
  source: { contentHash: string; fileName: string; provenance: string },
): Promise<number> {
  const [version] = await tx.query<{ id: number }>(
    sql`INSERT INTO document_versions (document_id, lang, title, agenda_title, content_hash, source_file, reader, provenance, ocr_noise, parts, warnings)
        VALUES (${documentId}, ${doc.language}, ${doc.title}, ${doc.agendaTitle}, ${source.contentHash}, ${source.fileName}, ${doc.format},
                ${source.provenance}, ${doc.ocrNoise}, ${JSON.stringify(doc.parts.map((p) => ({ id: p.id, kind: p.kind, title: p.title })))}::jsonb,
                ${JSON.stringify(doc.warnings)}::jsonb)
        RETURNING id`,
  );
  if (!version) throw new Error('the language version was not stored');
  return version.id;
}

/** The document's other language versions than `versionId`. */
export async function otherVersions(tx: Database, documentId: string, versionId: number): Promise<{ id: number; lang: Language }[]> {
  return tx.query<{ id: number; lang: Language }>(
    sql`SELECT id, lang FROM document_versions WHERE document_id = ${documentId} AND id <> ${versionId}`,
  );
}

/** Placeholders resolve: references to this symbol (from any document) now point to the document. */
export async function resolvePlaceholders(tx: Database, symbol: string, documentId: string): Promise<void> {
  await tx.query(
    sql`UPDATE document_references SET target_document_id = ${documentId} WHERE symbol = ${symbol} AND target_document_id IS NULL`,
  );
}

/** The document with exactly this symbol. */
export async function documentWithSymbol(tx: Database, symbol: string): Promise<string | undefined> {
  const [found] = await tx.query<{ id: string }>(sql`SELECT id FROM documents WHERE symbol = ${symbol}`);
  return found?.id;
}

/** What a later language version knows fills what an earlier one did not. */
export async function fillDocumentFacts(tx: Database, id: string, doc: UNDocument): Promise<void> {
  await tx.query(
    sql`UPDATE documents SET organ = coalesce(organ, ${doc.organ}), session = coalesce(session, ${doc.session}),
               number = coalesce(number, ${doc.number}), date = coalesce(date, ${doc.date}::date),
               agenda_item = coalesce(agenda_item, ${doc.agendaItem}), updated_at = now()
        WHERE id = ${id}
          AND (organ IS NULL OR session IS NULL OR number IS NULL OR date IS NULL OR agenda_item IS NULL)`,
  );
}

/** The document without a symbol that holds a version read from this file. */
export async function unsymbolledDocumentOf(tx: Database, contentHash: string): Promise<string | undefined> {
  const [found] = await tx.query<{ document_id: string }>(
    sql`SELECT v.document_id FROM document_versions v JOIN documents d ON d.id = v.document_id
        WHERE v.content_hash = ${contentHash} AND d.symbol IS NULL LIMIT 1`,
  );
  return found?.document_id;
}

/** Whether a document has this id. */
export async function documentIdTaken(tx: Database, id: string): Promise<boolean> {
  const [taken] = await tx.query<{ id: string }>(sql`SELECT id FROM documents WHERE id = ${id}`);
  return Boolean(taken);
}

/** Stores a document's own row. */
export async function insertDocument(tx: Database, id: string, doc: UNDocument): Promise<void> {
  await tx.query(
    sql`INSERT INTO documents (id, symbol, organ, session, number, date, kind, agenda_item)
        VALUES (${id}, ${doc.symbol}, ${doc.organ}, ${doc.session}, ${doc.number}, ${doc.date}::date, ${doc.kind}, ${doc.agendaItem})`,
  );
}

/** The tsvector of a folded paragraph in its language (Chinese is already segmented). */
function vectorOf(lang: Language, fold: string): Sql {
  return sql`to_tsvector(${searchConfig[lang]}::regconfig, ${fold})`;
}

/**
 * Stores the paragraphs of a language version with their search text (folded, and as a vector),
 * and their footnotes, references and requested actions. `ocr`: the version is OCR'd text, matched
 * by trigrams too.
 */
export async function insertParagraphs(
  tx: Database,
  doc: UNDocument,
  where: { documentId: string; versionId: number; ocr: boolean },
  references: ReturnType<typeof extractReferences>,
  actions: ReturnType<typeof extractActions>,
): Promise<void> {
  const { documentId, versionId, ocr } = where;
  const lang = doc.language;
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
