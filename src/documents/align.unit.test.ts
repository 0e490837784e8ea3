import { describe, expect, it } from 'vitest';
import { alignVersions, crossLanguageSimilarity } from './align.ts';

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
