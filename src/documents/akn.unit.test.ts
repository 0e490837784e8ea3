// Akoma Ntoso 3.0 export: well-formed, escaped, AKN4UN shape (preface, preamble, mainBody,
// conclusions; authorialNotes at their calls; the same eIds as the model).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeXml, toAkomaNtoso } from './akn.ts';
import type { UNDocument } from './model.ts';
import { readDocument } from './read.ts';

const seeds = path.resolve(import.meta.dirname, '../../data/documents/seeds');

/**
 * A strict well-formedness check for the XML this module writes: every tag closed in order,
 * attributes quoted, no bare "&" or "<" in text. (No XML parser ships with Concord.)
 */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    if (m[6]) throw new Error(`stray "<" at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (m[5] !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(m[5])) throw new Error(`bare "&" in text: ${m[5].slice(0, 40)}`);
      if (stack.length === 0 && m[5].trim()) throw new Error('text outside the root element');
      continue;
    }
    const [, close, name = '', , selfClose] = m;
    if (selfClose) continue;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}> at ${m.index}`);
    } else stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(' > ')}`);
}

describe('toAkomaNtoso', () => {
  it('exports A/RES/79/194 as an AKN4UN statement with IRIs, preamble, paragraphs, points, notes and conclusions', async () => {
    const doc = await readDocument(path.join(seeds, '001_b2b2b425cb4da82d.txt'));
    const xml = toAkomaNtoso(doc, { markupDate: '2026-01-01' });
    assertWellFormed(xml);
    expect(xml).toContain('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">');
    expect(xml).toContain('<statement name="resolution" contains="originalVersion">');
    expect(xml).toContain('<FRBRthis value="/akn/un/statement/deliberation/un-ga/2024-12-19/79-194/!main"/>');
    expect(xml).toContain('<FRBRalias name="symbol" value="A/RES/79/194"/>');
    expect(xml).toContain('<FRBRlanguage language="eng"/>');
    expect(xml).toContain('<docNumber>79/194</docNumber>');
    expect(xml).toContain('<formula name="enactingFormula" eId="preamble__formula"><p>The General Assembly,</p></formula>');
    expect(xml.match(/<container name="[a-z]+" eId="preamble__p_\d+">/g)).toHaveLength(55);
    expect(xml.match(/<paragraph eId="para_\d+">/g)).toHaveLength(69);
    expect(xml).toMatch(/<paragraph eId="para_65"><num>65\.<\/num><list eId="para_65__list_1"><intro><p>Calls upon/);
    expect(xml).toContain('<point eId="para_65__list_1__point_b"><num>(b)</num>');
    expect(xml).toContain(
      'previous resolutions on the issue,<authorialNote marker="1" placement="bottom" eId="preamble__p_1__fn_1"><p>Resolutions 56/183',
    );
    expect(xml.match(/<authorialNote /g)).toHaveLength(20);
    expect(xml).toMatch(
      /<conclusions><container name="adoption" eId="conclusions__p_1"><p>54th plenary meeting 19 December 2024<\/p><\/container><\/conclusions>/,
    );
  });

  it('exports the Arabic outcome document as an hcontainer with its topics, and every seed well-formed', async () => {
    const doc = await readDocument(path.join(seeds, '004_d358089ea9b32d0d.txt'));
    const xml = toAkomaNtoso(doc);
    assertWellFormed(xml);
    expect(xml).toContain('<FRBRlanguage language="ara"/>');
    expect(xml).toContain('<hcontainer name="outcomeDocument" eId="outcome_1">');
    expect(xml.match(/<hcontainer name="topic" /g)).toHaveLength(17);
    expect(xml.match(/<paragraph eId="outcome_1__para_\d+">/g)).toHaveLength(127);
    for (const name of ['000_d4926a5fe88438a0.txt', '002_f8a4ef560f93c243.txt', '003_cc26615458264e6a.txt']) {
      assertWellFormed(toAkomaNtoso(await readDocument(path.join(seeds, name))));
    }
  });

  it('escapes markup characters and drops characters XML forbids', () => {
    expect(escapeXml(`a < b & "c" > 'd'\u0001`)).toBe('a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;');
    const doc: UNDocument = {
      symbol: 'A/RES/1/1',
      organ: 'GA',
      session: 1,
      number: '1',
      date: null,
      agendaItem: null,
      agendaTitle: null,
      title: null,
      language: 'en',
      kind: 'resolution',
      format: 'text',
      parts: [{ id: 'main', kind: 'main', title: null, openedBy: null }],
      blocks: [
        {
          id: 'para_1',
          kind: 'operative',
          number: '1',
          text: 'Decides that R&D <b>matters</b> "now";',
          part: 'main',
          parent: null,
          heading: null,
          level: 0,
          footnotes: [{ number: 1, text: 'See A & B.', offset: 7 }],
        },
      ],
      footnotes: [],
      warnings: [],
      ocrNoise: 0,
    };
    const xml = toAkomaNtoso(doc);
    assertWellFormed(xml);
    expect(xml).toContain(
      '<p>Decides<authorialNote marker="1" placement="bottom" eId="para_1__fn_1"><p>See A &amp; B.</p></authorialNote> that R&amp;D &lt;b&gt;matters&lt;/b&gt; &quot;now&quot;;</p>',
    );
    expect(xml).toContain('<proprietary source="#concord">');
  });
});
