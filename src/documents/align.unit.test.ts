import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignVersions, crossLanguageSimilarity } from './align.ts';
import { readDocument } from './read.ts';

const block = (eid: string, kind: string, number: string | null, text: string, parent: string | null = null) => ({
  eid,
  kind,
  number,
  part: 'main',
  parent,
  text,
});

const english = [
  block('f', 'enacting-formula', null, 'The General Assembly,'),
  block('p1', 'preambular', null, 'Recalling its resolution 70/125 of 16 December 2015,'),
  block('p2', 'preambular', null, 'Noting with concern the digital divide,'),
  block('o1', 'operative', '1', 'Decides to convene a high-level meeting in 2025;'),
  block('o2', 'operative', '2', 'Requests the Secretary-General to report;'),
  block('o2a', 'subparagraph', 'a', 'on progress;', 'o2'),
  block('o3', 'operative', '3', 'Decides to remain seized of the matter.'),
];
// The French version lost its second preambular paragraph and its paragraph 3 (a damaged copy).
const french = [
  block('f', 'enacting-formula', null, 'L’Assemblée générale,'),
  block('p1', 'preambular', null, 'Rappelant sa résolution 70/125 du 16 décembre 2015,'),
  block('o1', 'operative', '1', 'Décide de convoquer une réunion de haut niveau en 2025 ;'),
  block('o2', 'operative', '2', 'Prie le Secrétaire général de faire rapport ;'),
  block('o2a', 'subparagraph', 'a', 'sur les progrès ;', 'o2'),
];

describe('alignVersions', () => {
  it('pairs numbered paragraphs by number and preambular ones by order and similarity, leaving gaps', () => {
    const pairs = alignVersions(english, french).map((p) => [p.a?.eid ?? null, p.b?.eid ?? null, p.by]);
    expect(pairs).toEqual([
      ['f', 'f', 'order'],
      ['p1', 'p1', 'order'],
      ['p2', null, 'gap'],
      ['o1', 'o1', 'number'],
      ['o2', 'o2', 'number'],
      ['o2a', 'o2a', 'number'],
      ['o3', null, 'gap'],
    ]);
  });

  it('never pairs paragraphs with different numbers', () => {
    const pairs = alignVersions([block('x', 'operative', '4', 'a')], [block('y', 'operative', '5', 'a')]);
    expect(pairs.map((p) => p.by)).toEqual(['gap', 'gap']);
  });
});

describe('crossLanguageSimilarity', () => {
  it('scores shared numbers and symbols above unrelated text', () => {
    const same = crossLanguageSimilarity('Recalling resolution 70/125 of 2015', 'Rappelant la résolution 70/125 de 2015');
    const other = crossLanguageSimilarity('Recalling resolution 70/125 of 2015', 'Notant avec inquiétude la fracture numérique');
    expect(same).toBeGreaterThan(other);
  });
});

describe('alignVersions on real language versions', () => {
  it('pairs A/RES/80/173 in English (official PDF text) and Arabic (OCR, seed 004): 127 of 127 numbered paragraphs', async () => {
    const documents = path.resolve(import.meta.dirname, '../../data/documents');
    const [en, ar] = await Promise.all([
      readDocument(path.join(documents, 'A_RES_80_173.en.txt')),
      readDocument(path.join(documents, 'seeds/004_d358089ea9b32d0d.txt')),
    ]);
    expect([en.symbol, ar.symbol]).toEqual(['A/RES/80/173', 'A/RES/80/173']);
    const eids = (blocks: typeof en.blocks) => blocks.map((b) => ({ ...b, eid: b.id }));
    const pairs = alignVersions(eids(en.blocks), eids(ar.blocks));
    const numbered = pairs.filter((p) => p.a?.kind === 'operative' && p.a.number !== null);
    expect(numbered).toHaveLength(127);
    expect(numbered.every((p) => p.by === 'number' && p.b?.number === p.a?.number && p.b?.part === p.a?.part)).toBe(true);
    // The preambular paragraphs pair by order, each with its own.
    const preamble = pairs.filter((p) => p.a?.kind === 'preambular');
    expect(preamble.map((p) => p.b?.id)).toEqual(preamble.map((p) => p.a?.id));
  });
});

describe('alignVersions when one version prints no numbers', () => {
  const numbered = Array.from({ length: 12 }, (_, i) =>
    block(`o${i + 1}`, 'operative', String(i + 1), `We commit to act on item ${i + 1} by 2030 with resolution 7${i}/1.`),
  );
  const page = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      block(`t${i + 1}`, 'text', null, `Nous nous engageons sur le point ${i + 1} d’ici 2030, résolution 7${i}/1.`),
    );

  it('pairs the unnumbered paragraphs of a web page with the numbered ones, in order', () => {
    const pairs = alignVersions(numbered, page(12));
    expect(pairs.map((p) => [p.a?.eid, p.b?.eid])).toEqual(numbered.map((_, i) => [`o${i + 1}`, `t${i + 1}`]));
  });

  it('aligns an excerpt (the first paragraphs only) to the start, not anywhere', () => {
    // Texts with nothing to tell them apart: only the position decides.
    const excerpt = Array.from({ length: 3 }, (_, i) =>
      block(`t${i + 1}`, 'text', null, 'Nous nous engageons à agir sur ce point d’ici 2030.'),
    );
    const pairs = alignVersions(numbered, excerpt).filter((p) => p.a && p.b);
    expect(pairs.map((p) => [p.a?.eid, p.b?.eid])).toEqual([
      ['o1', 't1'],
      ['o2', 't2'],
      ['o3', 't3'],
    ]);
  });
});

describe('an excerpt that prints no numbers (the un.org GDC page in French) against the GDC annex of A/RES/79/1', () => {
  it('pairs the page’s paragraphs with paragraphs 1 to 4, in order from the start of the annex', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const pact = await readDocument(path.join(root, 'data/documents/A_RES_79_1.en.txt'));
    const page = await readDocument(path.join(root, 'test/fixtures/documents/gdc-fr-un-org.txt'), { lang: 'fr' });
    const asBlock = (b: (typeof pact.blocks)[number]) => ({ ...b, eid: b.id, part: 'main' });
    // The annex, compared as one part with the page (which has no annex of its own).
    const annex = pact.blocks.filter((b) => b.part === 'annex_1').map(asBlock);
    const pairs = alignVersions(annex, page.blocks.map(asBlock)).filter((p) => p.a && p.b);
    expect(pairs.map((p) => [p.a?.number, p.b?.text.slice(0, 24), p.by])).toEqual([
      ['1', 'Les technologies numériq', 'order'],
      ['2', 'Pour que cela se réalise', 'order'],
      ['3', 'Nous sommes conscients q', 'order'],
      ['4', 'Notre but, c’est celui d', 'order'],
    ]);
  });
});
