// Documents that carry a framework's own text (issue 12, item 7): A/RES/79/1 adopts the Pact for
// the Future and holds the Global Digital Compact as annex I, so paragraph N of that annex *is*
// element `gdc.N`, and paragraph N of the Pact is `pact.N` (under its action). Those links are
// read from the document's structure, by symbol, part and printed number, never guessed from
// words: they are stored confirmed, with the document as their source, whichever language
// version is read. Paragraphs of other documents only get the matcher's suggestions.
import { sql, type Database } from '../store/index.ts';
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
  const added = await tx.query<{ paragraph_id: number }>(
    sql`INSERT INTO paragraph_links (paragraph_id, element_id, type, state, evidence, suggested_by, decided_by, decided_at)
        SELECT p.id, e.id, 'same-as', 'confirmed', k.evidence, ${CARRIER_ACTOR}, ${CARRIER_ACTOR}, now()
        FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS k (eid text, "elementId" text, evidence text)
        JOIN document_paragraphs p ON p.version_id = ${versionId} AND p.eid = k.eid
        JOIN elements e ON e.id = k."elementId"
        ON CONFLICT (paragraph_id, element_id) DO NOTHING
        RETURNING paragraph_id`,
  );
  return added.length;
}
