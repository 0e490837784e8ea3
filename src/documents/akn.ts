// Akoma Ntoso 3.0 export of the document model, following AKN4UN (UN-DOCUMENTS.md §2): a
// resolution is a <statement name="resolution"> with preface, preamble, mainBody and conclusions;
// footnotes are authorialNotes at their call; eIds are the model's block ids, the same in every
// language version, so `…/ara@/!main#para_71` and `…/eng@/!main#para_71` are one paragraph.
// AKN is an export format, not the internal model.
import type { Language } from '../language/languages.ts';
import type { Block, Footnote, UNDocument } from './model.ts';

const ISO639_2: Record<Language, string> = { ar: 'ara', zh: 'zho', en: 'eng', fr: 'fra', ru: 'rus', es: 'spa' };
const ACTOR: Record<string, { eId: string; name: string }> = {
  GA: { eId: 'un-ga', name: 'General Assembly' },
  ECOSOC: { eId: 'un-ecosoc', name: 'Economic and Social Council' },
  SC: { eId: 'un-sc', name: 'Security Council' },
  HRC: { eId: 'un-hrc', name: 'Human Rights Council' },
  'ITU Council': { eId: 'itu-council', name: 'ITU Council' },
};

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uE000-\uE001]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** An eId must be an XML-safe token. */
const safeId = (id: string) => id.replace(/[^A-Za-z0-9_.-]/g, '_');

/** Block text with its footnotes inlined as authorialNotes at their call sites. */
function inline(block: Block): string {
  const notes = [...block.footnotes].sort((a, b) => (a.offset ?? Infinity) - (b.offset ?? Infinity));
  let out = '';
  let last = 0;
  const note = (f: Footnote) =>
    `<authorialNote marker="${f.number}" placement="bottom" eId="${safeId(`${block.id}__fn_${f.number}`)}"><p>${escapeXml(f.text)}</p></authorialNote>`;
  for (const f of notes) {
    if (f.offset === null) continue;
    out += escapeXml(block.text.slice(last, f.offset)) + note(f);
    last = f.offset;
  }
  out += escapeXml(block.text.slice(last));
  for (const f of notes) if (f.offset === null) out += note(f);
  return out;
}

const p = (b: Block) => `<p>${inline(b)}</p>`;

/** The starter word as the container name AKN4UN uses ("recalling", "noting"); a safe token otherwise. */
function containerName(b: Block): string {
  const word = /^[A-Za-z]+/.exec(b.text)?.[0]?.toLowerCase();
  return word && word.length > 2 ? word : 'preambularParagraph';
}

function paragraph(b: Block, children: Block[]): string {
  const num = b.number ? `<num>${escapeXml(b.number)}${/^\d+$/.test(b.number) ? '.' : ''}</num>` : '';
  const subs = children.filter((c) => c.parent === b.id);
  if (subs.length === 0) return `<paragraph eId="${safeId(b.id)}">${num}<content>${p(b)}</content></paragraph>`;
  const points = subs
    .map((s) => {
      const inner = children.filter((c) => c.parent === s.id);
      const marker = `<num>(${escapeXml(s.number ?? '')})</num>`;
      if (inner.length === 0) return `<point eId="${safeId(s.id)}">${marker}<content>${p(s)}</content></point>`;
      const innerPoints = inner
        .map((i) => `<point eId="${safeId(i.id)}"><num>(${escapeXml(i.number ?? '')})</num><content>${p(i)}</content></point>`)
        .join('');
      return `<point eId="${safeId(s.id)}">${marker}<list eId="${safeId(`${s.id}__list_1`)}"><intro>${p(s)}</intro>${innerPoints}</list></point>`;
    })
    .join('\n');
  return `<paragraph eId="${safeId(b.id)}">${num}<list eId="${safeId(`${b.id}__list_1`)}"><intro>${p(b)}</intro>\n${points}</list></paragraph>`;
}

/** Body elements of one part: paragraphs (with their points) grouped under their headings. */
function body(blocks: Block[], all: Block[]): string {
  const out: string[] = [];
  let open = false;
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
      case 'section':
        if (open) out.push('</hcontainer>');
        out.push(
          `<hcontainer name="${b.kind === 'section' ? 'section' : 'topic'}" eId="${safeId(b.id)}">${b.number ? `<num>${escapeXml(b.number)}</num>` : ''}<heading>${inline(b)}</heading>`,
        );
        open = true;
        break;
      case 'operative':
      case 'paragraph':
        out.push(paragraph(b, all));
        break;
      case 'preambular':
      case 'chapeau':
      case 'title':
      case 'text':
      case 'list-item':
      case 'annex-title':
        out.push(
          `<hcontainer name="${b.kind === 'preambular' ? containerName(b) : b.kind.replace('-', '')}" eId="${safeId(b.id)}"><content>${p(b)}</content></hcontainer>`,
        );
        break;
      case 'subparagraph':
      case 'preface':
      case 'enacting-formula':
      case 'closing':
        break;
    }
  }
  if (open) out.push('</hcontainer>');
  // A heading with nothing under it still needs content to be valid.
  return out.join('\n').replace(/(<heading>.*?<\/heading>)(?=\n?<\/hcontainer>)/g, '$1<content><p/></content>');
}

/**
 * Serializes a document as Akoma Ntoso 3.0 XML (AKN4UN profile). Work IRIs are built from the
 * organ, the adoption date and the number (`/akn/un/statement/deliberation/un-ga/2024-12-19/79-194`);
 * without a date the symbol stands in and the document is marked as such in <proprietary>.
 *
 * @example
 * const xml = toAkomaNtoso(await readDocument('A-RES-79-194.docx'));
 */
export function toAkomaNtoso(doc: UNDocument, options: { markupDate?: string } = {}): string {
  const lang = ISO639_2[doc.language];
  const actor = ACTOR[doc.organ ?? ''] ?? { eId: 'un', name: 'United Nations' };
  const number =
    doc.session !== null && doc.number !== null ? `${doc.session}-${doc.number}` : safeId((doc.symbol ?? 'document').replace(/\//g, '-'));
  const date = doc.date ?? '1945-10-24';
  const work = `/akn/un/statement/deliberation/${actor.eId}/${date}/${number}`;
  const expression = `${work}/${lang}@`;
  const markup = options.markupDate ?? new Date().toISOString().slice(0, 10);
  const name = doc.kind === 'report' ? 'report' : doc.kind === 'decision' ? 'decision' : 'resolution';

  const main = doc.blocks.filter((b) => b.part === 'main');
  const preface = main.filter((b) => b.kind === 'preface' || b.kind === 'title');
  const formula = main.find((b) => b.kind === 'enacting-formula');
  const preamble = main.filter(
    (b) => b.kind === 'preambular' && !main.some((o) => o.kind === 'operative' && main.indexOf(o) < main.indexOf(b)),
  );
  const closing = doc.blocks.filter((b) => b.kind === 'closing');
  const bodyBlocks = main.filter((b) => !preface.includes(b) && b !== formula && !preamble.includes(b) && b.kind !== 'closing');

  const prefaceXml = preface
    .map((b) => {
      if (b.kind === 'title' && doc.session !== null && doc.number !== null) {
        const title = b.text.replace(/^-?\s*\d{1,4}\s*\/\s*\d{1,4}\s*[.-]\s*/, '');
        return `<container name="identification" eId="${safeId(b.id)}"><p><docNumber>${doc.session}/${escapeXml(doc.number)}</docNumber>. <docTitle>${escapeXml(title)}</docTitle></p></container>`;
      }
      return `<container name="${b.kind === 'title' ? 'title' : 'masthead'}" eId="${safeId(b.id)}">${p(b)}</container>`;
    })
    .join('\n');
  const preambleXml = [
    formula ? `<formula name="enactingFormula" eId="${safeId(formula.id)}">${p(formula)}</formula>` : '',
    ...preamble.map((b) => `<container name="${containerName(b)}" eId="${safeId(b.id)}">${p(b)}</container>`),
  ]
    .filter(Boolean)
    .join('\n');

  // Embedded outcome documents and annexes: an hcontainer each, after the operative paragraph that adopts them.
  const parts = doc.parts
    .filter((part) => part.id !== 'main')
    .map((part) => {
      const blocks = doc.blocks.filter((b) => b.part === part.id && b.kind !== 'closing');
      const heading = part.title ? `<heading>${escapeXml(part.title)}</heading>` : '';
      return `<hcontainer name="${part.kind === 'annex' ? 'annex' : 'outcomeDocument'}" eId="${safeId(part.id)}">${heading}\n${body(blocks, doc.blocks) || '<content><p/></content>'}\n</hcontainer>`;
    });
  const mainBody =
    [body(bodyBlocks, doc.blocks), ...parts].filter(Boolean).join('\n') ||
    '<hcontainer name="empty" eId="empty"><content><p/></content></hcontainer>';
  const conclusions = closing.length
    ? `<conclusions>${closing.map((b) => `<container name="adoption" eId="${safeId(b.id)}">${p(b)}</container>`).join('')}</conclusions>`
    : '';

  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<statement name="${name}" contains="originalVersion">
<meta>
<identification source="#concord">
<FRBRWork><FRBRthis value="${escapeXml(work)}/!main"/><FRBRuri value="${escapeXml(work)}"/>${doc.symbol ? `<FRBRalias name="symbol" value="${escapeXml(doc.symbol)}"/>` : ''}<FRBRdate date="${date}" name="adoption"/><FRBRauthor href="#${actor.eId}"/><FRBRcountry value="un"/><FRBRsubtype value="${name}"/><FRBRnumber value="${escapeXml(number)}"${doc.session !== null && doc.number !== null ? ` showAs="${doc.session}/${escapeXml(doc.number)}"` : ''}/></FRBRWork>
<FRBRExpression><FRBRthis value="${escapeXml(expression)}/!main"/><FRBRuri value="${escapeXml(expression)}"/><FRBRdate date="${date}" name="publication"/><FRBRauthor href="#${actor.eId}"/><FRBRlanguage language="${lang}"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="${escapeXml(expression)}/!main.xml"/><FRBRuri value="${escapeXml(expression)}.akn"/><FRBRdate date="${markup}" name="markup"/><FRBRauthor href="#concord"/></FRBRManifestation>
</identification>
<references source="#concord"><TLCOrganization eId="${actor.eId}" href="/akn/ontology/organization/un/${actor.eId}" showAs="${escapeXml(actor.name)}"/><TLCOrganization eId="concord" href="/akn/ontology/organization/un/concord" showAs="Concord"/></references>
${doc.date ? '' : '<proprietary source="#concord"><!-- No adoption date in the source: the Work IRI is built from the symbol. --></proprietary>'}
</meta>
${prefaceXml ? `<preface>\n${prefaceXml}\n</preface>` : ''}
${preambleXml ? `<preamble>\n${preambleXml}\n</preamble>` : ''}
<mainBody>
${mainBody}
</mainBody>
${conclusions}
</statement>
</akomaNtoso>
`;
}
