// The one document model every reader yields and the structure parser fills (UN-DOCUMENTS.md §1).
// Readers produce a RawDocument (text blocks in reading order, footnotes apart); parseStructure
// turns it into a UNDocument whose blocks carry their kind, printed number and place.
import type { Language } from '../language/languages.ts';

/** The input formats Concord reads. */
export const documentFormats = ['text', 'markdown', 'html', 'docx', 'pdf'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/**
 * What a block is. Resolutions (AKN4UN Part 3): `preface` lines (session, agenda item, adoption
 * line), the `enacting-formula` ("The General Assembly,"), `preambular` paragraphs (unnumbered,
 * participle-led), `operative` paragraphs (numbered; a single operative paragraph is not),
 * `chapeau` (the "We, the Heads of State…" opening of an embedded outcome document),
 * `subparagraph` ((a), (i), (أ)), `heading` (topic headings of an outcome document),
 * `closing` ("54th plenary meeting …"), `annex-title`. Reports (ITU Council documents):
 * `section` headings numbered 1, 1.1 …, numbered report `paragraph`s, `list-item` bullets and
 * unnumbered `text`.
 */
export const blockKinds = [
  'preface',
  'title',
  'enacting-formula',
  'preambular',
  'operative',
  'subparagraph',
  'chapeau',
  'heading',
  'section',
  'paragraph',
  'list-item',
  'closing',
  'annex-title',
  'text',
] as const;
export type BlockKind = (typeof blockKinds)[number];

/** The kind of a document, as far as its text tells. */
export type DocumentKind = 'resolution' | 'decision' | 'report' | 'web-page' | 'other';

/** A footnote, attached to the block that calls it; never a paragraph of its own. */
export interface Footnote {
  /** The footnote number as printed (numbering runs through the whole document, annexes included). */
  number: number;
  text: string;
  /** Character offset of the call in the block text, or null when no call was found in the text. */
  offset: number | null;
}

/**
 * A part of the document: the resolution itself (`main`), an outcome document or declaration
 * that the resolution adopts and embeds (A/RES/70/1, 70/125, 80/173), or an annex. Each part has
 * its own paragraph numbering.
 */
export interface DocumentPart {
  id: string;
  kind: 'main' | 'outcome-document' | 'annex';
  title: string | null;
  /** The block that opens the part (the "Adopts…" paragraph or the annex title), if any. */
  openedBy: string | null;
}

export interface Block {
  /** Stable within the document, AKN-style eId: `preamble__p_3`, `para_65__subpara_a`, `outcome_1__para_12`. */
  id: string;
  kind: BlockKind;
  /** The number or letter as printed, normalized to ASCII digits ("65", "a", "i", "2.1"), or null. */
  number: string | null;
  /** Display-clean text, footnote calls removed, paragraph number removed. */
  text: string;
  /** The part the block belongs to (DocumentPart.id). */
  part: string;
  /** Enclosing block: the operative paragraph of a sub-paragraph, the section of a report paragraph. */
  parent: string | null;
  /** The heading or section the block sits under, if any. */
  heading: string | null;
  /** Nesting depth: 0 for paragraphs, 1 for (a), 2 for (i); section depth for reports. */
  level: number;
  footnotes: Footnote[];
}

/** What the page and document layers noticed and could not fix silently. */
export interface ReadWarning {
  code:
    | 'noise-line'
    | 'footnote-uncalled'
    | 'numbering-gap'
    | 'reversed-number'
    | 'ocr-noise'
    | 'language-override'
    | 'unknown-structure'
    | 'long-paragraph';
  message: string;
}

export interface UNDocument {
  /** Canonical symbol (A/RES/79/194), from the text or the caller's override; null when unknown. */
  symbol: string | null;
  /** Issuing organ: `GA`, `ECOSOC`, `SC`, `HRC`, `ITU Council`, or null. */
  organ: string | null;
  session: number | null;
  /** The document number within its session ("194"), as printed. */
  number: string | null;
  /** Adoption or issue date, ISO 8601 (YYYY-MM-DD). */
  date: string | null;
  agendaItem: string | null;
  agendaTitle: string | null;
  title: string | null;
  language: Language;
  kind: DocumentKind;
  format: DocumentFormat;
  parts: DocumentPart[];
  blocks: Block[];
  /** Every footnote in number order (each also sits on its block). */
  footnotes: Footnote[];
  warnings: ReadWarning[];
  /** Share of the characters that look like OCR damage (tatweel, mixed-script tokens, CJK in Arabic). */
  ocrNoise: number;
}

/** A block as a reader yields it: text in reading order, before any classification. */
export interface RawBlock {
  /** Text with footnote calls marked as FOOTNOTE_CALL sentinels (see text.ts). */
  text: string;
  /** Formatting hint from the source (an HTML/DOCX heading, a list item). */
  hint?: 'heading' | 'list-item';
  /** The block opens a page (PDF text after a page break): it may continue the paragraph before it. */
  afterPageBreak?: true;
}

export interface RawFootnote {
  number: number;
  text: string;
  /** Index in RawDocument.blocks of the block the footnote followed (page foot position). */
  after: number;
}

export interface RawDocument {
  format: DocumentFormat;
  language: Language;
  blocks: RawBlock[];
  footnotes: RawFootnote[];
  warnings: ReadWarning[];
  /** True when footnote calls are plain digits glued to the text (PDF text layer, plain text). */
  inferFootnoteCalls: boolean;
}

export interface ReadOptions {
  /** Force the format instead of sniffing it from the bytes and the file name. */
  format?: DocumentFormat;
  /** Force the language instead of detecting it. */
  lang?: Language;
  /** The document symbol when the text does not carry it (or carries it damaged). */
  symbol?: string;
  /** File name, used to sniff the format when given bytes. */
  fileName?: string;
}

/** Why a file could not be read. Each code has a message a user can act on. */
export type DocumentReadErrorCode =
  'empty' | 'binary' | 'corrupt-docx' | 'corrupt-pdf' | 'no-text' | 'unsupported' | 'paragraph-too-long' | 'too-large';

/** A file Concord cannot read, with a reason the user can act on. */
export class DocumentReadError extends Error {
  override readonly name = 'DocumentReadError';
  constructor(
    readonly code: DocumentReadErrorCode,
    message: string,
    options?: { cause?: unknown; values?: Record<string, number> },
  ) {
    super(message, options);
    this.values = options?.values;
  }
  /** Values the page message needs (the limit a file went over). */
  readonly values: Record<string, number> | undefined;
}

/**
 * A one-part document from blocks already classified (segmented paragraphs, not a file), every
 * other field empty unless given: what the corpus benchmarks and the fixtures of tests build.
 *
 * @example
 * documentOfBlocks('A/RES/79/194', blocks, { organ: 'GA', date: '2024-12-19' });
 */
export function documentOfBlocks(symbol: string, blocks: Block[], fields: Partial<UNDocument> = {}): UNDocument {
  return {
    symbol,
    organ: null,
    session: null,
    number: null,
    date: null,
    agendaItem: null,
    agendaTitle: null,
    title: null,
    language: 'en',
    kind: 'resolution',
    format: 'text',
    parts: [{ id: 'main', kind: 'main', title: null, openedBy: null }],
    blocks,
    footnotes: [],
    warnings: [],
    ocrNoise: 0,
    ...fields,
  };
}
