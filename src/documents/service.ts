// Documents in the store: ingest (read, structure, references and actions, stored all or
// nothing in one transaction, the same file twice changing nothing) and the reads the API and
// the pages share (documents, paragraphs, footnotes, references, citations, actions).
import { createHash } from 'node:crypto';
import type { Database, Store } from '../store/index.ts';
import type { Language } from '../language/languages.ts';
import { readDocument } from './read.ts';
import { extractReferences } from './references.ts';
import { extractActions, isVerbForce, type VerbForce } from './actions.ts';
import { actorName, findActors } from './actors.ts';
import { keptLinks, restoreLinks, storeMatcherSuggestions } from './paragraph-links.ts';
import { storeCarriedLinks, storeCarriedTexts } from './framework-carriers.ts';
import type { BlockKind, ReadOptions, UNDocument } from './model.ts';
import { refreshMandates } from '../mandates/service.ts';
import { actorOverlay, overlaid } from '../mandates/catalogue.ts';
import {
  deleteVersion,
  documentIdTaken,
  documentWithSymbol,
  fillDocumentFacts,
  insertDocument,
  insertParagraphs,
  insertVersion,
  lockVersion,
  otherVersions,
  resolvePlaceholders,
  unsymbolledDocumentOf,
} from './ingest-repository.ts';
import { getDocument, versionParts, type DocumentDetail } from './repository.ts';
import { actionRows, getParagraphs } from './paragraphs-repository.ts';

// The reads are the repositories' own; the slice's other modules and slices find them here too.
export {
  citationGraph,
  documentBySymbol,
  documentTotals,
  getCitations,
  getDocument,
  listDocuments,
  type CitationEdge,
  type CitationView,
  type DocumentDetail,
  type DocumentFilter,
  type DocumentSummary,
  type LanguageVersion,
} from './repository.ts';
export { getParagraphs, getReferences, type FootnoteView, type ParagraphView, type ReferenceView } from './paragraphs-repository.ts';

/** Versions whose OCR noise is above this are also matched by trigrams (seed 004 scores ~0.02). */
export const OCR_NOISE_THRESHOLD = 0.002;

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
    const existing = await lockVersion(tx, documentId, lang);
    if (existing?.content_hash === source.contentHash && !source.reread) return { status: 'unchanged' as const, documentId, ...base };
    // What reviewers decided and people proposed on the text being replaced is kept (by eid).
    const kept = existing ? await keptLinks(tx, existing.id) : [];
    if (existing) await deleteVersion(tx, existing.id);

    const versionId = await insertVersion(tx, documentId, doc, source);
    await insertParagraphs(tx, doc, { documentId, versionId, ocr: doc.ocrNoise > OCR_NOISE_THRESHOLD }, references, actions);
    await restoreLinks(tx, versionId, kept);
    // Before the matcher, so that a paragraph that is an element's own text is linked as such.
    await storeCarriedLinks(tx, versionId, doc);
    // The official texts of the framework in this language (and, through an English version, in the others').
    await storeCarriedTexts(tx, documentId, doc.symbol);
    await storeMatcherSuggestions(tx, versionId, lang);
    // An English version gives the other versions' paragraphs their English twins: suggestions for
    // the frameworks whose texts are English only are added to them (links already there stay).
    if (lang === 'en') {
      for (const other of await otherVersions(tx, documentId, versionId)) await storeMatcherSuggestions(tx, Number(other.id), other.lang);
    }
    // The mandate tracker reads the requests again; reviewers' corrections and answers stay.
    await refreshMandates(tx, documentId);
    // Placeholders resolve: references to this symbol (from any document) now point here.
    if (doc.symbol) await resolvePlaceholders(tx, doc.symbol, documentId);
    return { status: existing ? ('replaced' as const) : ('created' as const), documentId, ...base };
  });
}

async function documentRow(tx: Database, doc: UNDocument, contentHash: string): Promise<string> {
  if (doc.symbol) {
    const found = await documentWithSymbol(tx, doc.symbol);
    if (found) {
      // What a later language version knows fills what an earlier one did not.
      await fillDocumentFacts(tx, found, doc);
      return found;
    }
  } else {
    // A document without a symbol is known by its file: the same file finds its row again.
    const found = await unsymbolledDocumentOf(tx, contentHash);
    if (found) return found;
  }
  let id = documentIdFor(doc.symbol, contentHash);
  if (await documentIdTaken(tx, id)) id = `${id}-${contentHash.slice(0, 6)}`;
  await insertDocument(tx, id, doc);
  return id;
}

/** The language of the version to show: the one asked for when it exists, else English, else the first. */
export function versionLanguage(detail: DocumentDetail, wanted: Language | undefined): Language | null {
  const langs = detail.versions.map((v) => v.lang);
  if (wanted && langs.includes(wanted)) return wanted;
  if (langs.includes('en')) return 'en';
  return langs[0] ?? null;
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
  const rows = await actionRows(db, documentId, lang);
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

/** A stored language version as the document model again (for the Akoma Ntoso export). */
export async function storedDocument(db: Database, id: string, lang: Language): Promise<UNDocument | null> {
  const detail = await getDocument(db, id, lang);
  const version = detail?.versions.find((v) => v.lang === lang);
  if (!detail || !version) return null;
  const parts = await versionParts(db, id, lang);
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
    parts: parts.map((p) => ({ ...p, openedBy: null })),
    blocks,
    footnotes: blocks.flatMap((b) => b.footnotes).sort((a, b) => a.number - b.number),
    warnings: version.warnings as UNDocument['warnings'],
    ocrNoise: version.ocrNoise,
  };
}
