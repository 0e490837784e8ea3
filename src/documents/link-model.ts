// What a stored link from a document paragraph to a framework element is: its types, states and
// shape as the API and the pages show it (shared by paragraph-links.ts and links-repository.ts).
import type { Language } from '../language/languages.ts';
import type { BlockKind } from './model.ts';

export const linkTypes = ['contributes-to', 'measured-by', 'relates-to', 'same-as'] as const;
export type LinkType = (typeof linkTypes)[number];
export const linkStates = ['suggested', 'confirmed', 'rejected'] as const;
export type LinkState = (typeof linkStates)[number];

export interface ParagraphLink {
  paragraph: {
    id: number;
    eid: string;
    number: string | null;
    kind: BlockKind;
    lang: Language;
    text: string;
    /** A preambular paragraph's place among the preambular paragraphs of its version (1 for pp1): they print no number. */
    preamble: number | null;
  };
  document: { id: string; symbol: string | null };
  element: { id: string; kind: string; code: string; title: string | null; text: string | null; lang: Language | null };
  type: LinkType;
  state: LinkState;
  score: number | null;
  evidence: string | null;
  /** `matcher` or a user id. */
  suggestedBy: string;
  /** The display name of the person who proposed it; null for the matcher. */
  suggestedByName: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}
