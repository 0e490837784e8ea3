// Documents that carry a framework's own text (issue 12, item 7): A/RES/79/1 adopts the Pact for
// the Future and holds the Global Digital Compact as annex I, so paragraph N of that annex *is*
// element `gdc.N`, and paragraph N of the Pact is `pact.N` (under its action). Those links are
// read from the document's structure, by symbol, part and printed number, never guessed from
// words: they are stored confirmed, with the document as their source, whichever language
// version is read. Paragraphs of other documents only get the matcher's suggestions.
// The other language versions of such a document give the framework its official texts in their
// language (issue 12, item 6): each paragraph becomes the text of the element it is, found by its
// printed number or, in an excerpt that prints none (the un.org pages), by alignment with the
// English version.
import type { Database } from '../store/index.ts';
import { foldForSearch } from '../language/normalize.ts';
import { languages, type Language } from '../language/languages.ts';
import { alignVersions } from './align.ts';
import {
  confirmedLinksBy,
  deleteTextsOf,
  ensureVersionSource,
  insertCarriedLinks,
  upsertCarriedTexts,
  versionParagraphs,
  versionsOf,
  type StoredParagraph,
} from './carriers-repository.ts';
import type { Block, DocumentPart, UNDocument } from './model.ts';

/** Who stores a link read from a carrying document (paragraph_links.suggested_by / decided_by). */
export const CARRIER_ACTOR = 'document';

/** Where a framework's text sits in a document: the kind of part and how its title reads. */
interface CarriedFramework {
  framework: 'gdc' | 'pact';
  /** The framework's name, for the evidence line. */
  name: string;
  partKind: DocumentPart['kind'];
  /** The part's own title or heading (any language the parser reads); the first part of that kind when none says. */
  title: RegExp;
  /** A numbered list inside a paragraph whose points are elements of their own (GDC paragraph 7 lists the five objectives). */
  listPoints?: { paragraph: string; element: (point: string) => string };
}

/** Documents by symbol, and the frameworks whose text they carry. */
const carriers: Record<string, CarriedFramework[]> = {
  'A/RES/79/1': [
    {
      framework: 'pact',
      name: 'the Pact for the Future',
      partKind: 'outcome-document',
      title: /Pact for the Future|Pacte pour l.avenir|Pacto para el Futuro|Пакт во имя будущего|未来契约|ميثاق المستقبل/i,
    },
    {
      framework: 'gdc',
      name: 'the Global Digital Compact',
      partKind: 'annex',
      title:
        /Global Digital Compact|Pacte numérique mondial|Pacto Digital Global|Глобальный цифровой договор|全球数字契约|الميثاق الرقمي العالمي/i,
      listPoints: { paragraph: '7', element: (point) => `gdc.obj.${point}` },
    },
  ],
};

/** The part of the document that holds the framework's text, if the parser found one. */
function carryingPart(doc: UNDocument, carried: CarriedFramework): DocumentPart | null {
  const candidates = doc.parts.filter((p) => p.kind === carried.partKind);
  const named = candidates.find((p) => {
    // The title as the parser kept it, else the first lines of the part (annex title, heading).
    const opening = doc.blocks
      .filter((b) => b.part === p.id)
      .slice(0, 3)
      .map((b) => b.text);
    return [p.title ?? '', ...opening].some((text) => carried.title.test(text));
  });
  return named ?? candidates[0] ?? null;
}

/** annex_1 → I: annexes are printed with roman numerals. */
function romanOf(partId: string): string {
  const n = Number(partId.replace(/\D+/g, ''));
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n - 1] ?? String(n);
}

export interface CarriedLink {
  /** The paragraph's eid in the document. */
  eid: string;
  elementId: string;
  evidence: string;
}

/**
 * The element each numbered paragraph and lettered item of a carried framework's text is. Only
 * Latin letters map to items (`gdc.11.b`); letters of other scripts are left to the matcher.
 *
 * @example
 * carriedLinks(pactForTheFuture).find((l) => l.elementId === 'gdc.11.b')?.eid; // 'annex_1__para_11__list_1__point_b'
 */
export function carriedLinks(doc: UNDocument): CarriedLink[] {
  if (!doc.symbol) return [];
  const out: CarriedLink[] = [];
  for (const carried of carriers[doc.symbol] ?? []) {
    const part = carryingPart(doc, carried);
    if (!part) continue;
    const where = part.kind === 'annex' ? `annex ${romanOf(part.id)}` : part.kind === 'main' ? 'the resolution' : 'its outcome document';
    const blocks = doc.blocks.filter((b) => b.part === part.id);
    const byId = new Map<string, Block>(blocks.map((b) => [b.id, b]));
    for (const b of blocks) {
      if (!b.number) continue;
      if (b.kind === 'operative' && /^\d+$/.test(b.number)) {
        out.push({
          eid: b.id,
          elementId: `${carried.framework}.${b.number}`,
          evidence: `Paragraph ${b.number} of ${where} of ${doc.symbol} is paragraph ${b.number} of ${carried.name}.`,
        });
        continue;
      }
      const parent = b.parent ? byId.get(b.parent) : undefined;
      if (b.kind !== 'subparagraph' || b.level !== 1 || !parent?.number) continue;
      if (/^[a-z]$/.test(b.number)) {
        out.push({
          eid: b.id,
          elementId: `${carried.framework}.${parent.number}.${b.number}`,
          evidence: `Paragraph ${parent.number} (${b.number}) of ${where} of ${doc.symbol} is item ${parent.number} (${b.number}) of ${carried.name}.`,
        });
      } else if (/^\d+$/.test(b.number) && carried.listPoints?.paragraph === parent.number) {
        out.push({
          eid: b.id,
          elementId: carried.listPoints.element(b.number),
          evidence: `Point ${b.number} of the list in paragraph ${parent.number} of ${where} of ${doc.symbol} is objective ${b.number} of ${carried.name}.`,
        });
      }
    }
  }
  return out;
}

/**
 * Stores the carried links of one language version (inside the ingest transaction), confirmed,
 * with the document as source. A decision already there (a reviewer's rejection) is left as it is;
 * an element the framework data does not hold is skipped.
 */
export async function storeCarriedLinks(tx: Database, versionId: number, doc: UNDocument): Promise<number> {
  const links = carriedLinks(doc);
  if (links.length === 0) return 0;
  return insertCarriedLinks(tx, versionId, links, CARRIER_ACTOR);
}

/** The `sources` row of the element texts read from one language version of a document. */
export function carriedTextSourceId(documentId: string, lang: Language): string {
  return `document:${documentId}:${lang}`;
}

/**
 * The document version a text source names, for texts read from a carrying document (null for the
 * frameworks' own data).
 *
 * @example
 * documentOfTextSource('document:a-res-79-1:fr'); // { documentId: 'a-res-79-1', lang: 'fr' }
 */
export function documentOfTextSource(sourceId: string): { documentId: string; lang: Language } | null {
  const found = /^document:(.+):([a-z]{2})$/.exec(sourceId);
  if (!found || !languages.includes(found[2] as Language)) return null;
  return { documentId: found[1]!, lang: found[2] as Language };
}

const paragraphsOf = versionParagraphs;

/** Each paragraph's element, as stored by storeCarriedLinks (paragraph id → element id). */
async function carriedElements(tx: Database, versionId: number): Promise<Map<number, string>> {
  const rows = await confirmedLinksBy(tx, versionId, CARRIER_ACTOR);
  return new Map(rows.map((r) => [Number(r.paragraph_id), r.element_id]));
}

/**
 * The element each paragraph of an excerpt is (a web page giving a framework's first paragraphs,
 * stored as a language version of the carrying document): the excerpt is aligned with the English
 * version's part that carries the framework the excerpt names, numbered paragraphs by number and,
 * where the excerpt prints none, by order with a position prior (an excerpt aligns to the start).
 */
function excerptElements(excerpt: StoredParagraph[], english: StoredParagraph[], englishElements: Map<number, string>, symbol: string) {
  const named = (carriers[symbol] ?? [])
    .map((carried) => ({ carried, at: excerpt.findIndex((p) => carried.title.test(p.text)) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)[0]?.carried;
  const out = new Map<number, string>();
  if (!named) return out;
  // The English part whose paragraphs are this framework's elements.
  const part = english.find((p) => englishElements.get(p.id)?.startsWith(`${named.framework}.`))?.part;
  if (!part) return out;
  const body = excerpt.filter((p) => p.kind !== 'title');
  const excerptPart = body[0]?.part ?? 'main';
  // Compared as one part: the excerpt has no annex of its own.
  const target = english.filter((p) => p.part === part).map((p) => ({ ...p, part: excerptPart }));
  for (const pair of alignVersions(target, body)) {
    const element = pair.a && pair.b ? englishElements.get(pair.a.id) : undefined;
    if (element && pair.b) out.set(pair.b.id, element);
  }
  return out;
}

/**
 * Stores the paragraphs of every other language version of a carrying document as the official
 * texts, in that language, of the elements they are (inside the ingest transaction), with the
 * version as their source; run when any version of the document is stored, since an excerpt is
 * aligned through the English version. Texts the framework data already holds in that language
 * are left alone unless they came from a document; an element whose paragraph the version lacks
 * keeps its English text (and its notice).
 */
export async function storeCarriedTexts(tx: Database, documentId: string, symbol: string | null): Promise<number> {
  if (!symbol || !carriers[symbol]) return 0;
  const versions = await versionsOf(tx, documentId);
  const englishVersion = versions.find((v) => v.lang === 'en');
  const english = englishVersion ? await paragraphsOf(tx, Number(englishVersion.id)) : [];
  const englishElements = englishVersion ? await carriedElements(tx, Number(englishVersion.id)) : new Map<number, string>();
  let stored = 0;
  for (const version of versions) {
    if (version.lang === 'en') continue;
    const sourceId = carriedTextSourceId(documentId, version.lang);
    // A replaced version's texts go with it.
    await deleteTextsOf(tx, sourceId);
    const paragraphs = await paragraphsOf(tx, Number(version.id));
    const own = await carriedElements(tx, Number(version.id));
    const elements = own.size > 0 ? own : excerptElements(paragraphs, english, englishElements, symbol);
    const texts = paragraphs.flatMap((p) => {
      const elementId = elements.get(p.id);
      return elementId && p.text.trim() ? [{ elementId, text: p.text, folded: foldForSearch(p.text, version.lang) }] : [];
    });
    if (texts.length === 0) continue;
    await ensureVersionSource(tx, sourceId, symbol, version.lang);
    stored += await upsertCarriedTexts(tx, version.lang, sourceId, texts);
  }
  return stored;
}
