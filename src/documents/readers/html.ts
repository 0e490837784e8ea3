// HTML (web pages such as the GDC zero-draft page, and mammoth's rendering of DOCX files):
// block elements become blocks, <sup> digits become footnote calls, footnote lists
// (id="footnote-1", "fn1", "fn:1") become footnotes. Scripts, styles and navigation are dropped.
import { Parser } from 'htmlparser2';
import type { Language } from '../../language/languages.ts';
import type { DocumentFormat, RawBlock, RawDocument, RawFootnote } from '../model.ts';
import { footnoteCall } from '../text.ts';

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'li',
  'ul',
  'ol',
  'table',
  'tr',
  'td',
  'th',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dt',
  'dd',
  'pre',
  'figure',
  'figcaption',
  'hr',
  'body',
  'title',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'footer', 'head', 'iframe', 'button', 'form', 'select']);
const FOOTNOTE_ID = /^(?:footnote|fn|endnote|ftn)[-:_]?(\d{1,3})$/i;

/** Reads HTML into blocks and footnotes. */
export function readHtml(html: string, lang: Language, format: DocumentFormat = 'html'): RawDocument {
  const blocks: RawBlock[] = [];
  const footnotes: RawFootnote[] = [];
  let text = '';
  let hint: RawBlock['hint'];
  let skipDepth = 0;
  let supDepth = 0;
  let supText = '';
  let footnote: RawFootnote | null = null;
  let footnoteDepth = 0;
  const stack: string[] = [];

  const flush = () => {
    const t = text.replace(/[ \t\r\n]+/g, (ws) => (ws.includes('\n') ? '\n' : ' ')).trim();
    if (footnote) {
      if (t) footnote.text = `${footnote.text} ${t}`.trim();
    } else if (t) blocks.push(hint ? { text: t, hint } : { text: t });
    text = '';
    hint = undefined;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        const id = attrs.id ?? '';
        const fm = FOOTNOTE_ID.exec(id);
        if (fm && (name === 'li' || name === 'p' || name === 'div' || name === 'aside')) {
          flush();
          footnote = { number: Number(fm[1]), text: '', after: blocks.length - 1 };
          footnotes.push(footnote);
          footnoteDepth = stack.length;
          return;
        }
        if (name === 'sup') {
          supDepth++;
          supText = '';
          return;
        }
        if (name === 'br') {
          text += '\n';
          return;
        }
        if (BLOCK.has(name)) {
          flush();
          if (/^h[1-6]$/.test(name)) hint = 'heading';
          else if (name === 'li') hint = 'list-item';
        }
      },
      ontext(data) {
        if (skipDepth > 0) return;
        if (supDepth > 0) supText += data;
        else text += data;
      },
      onclosetag(name) {
        stack.pop();
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'sup') {
          supDepth--;
          const m = /^\s*\[?(\d{1,3})\]?\s*$/.exec(supText);
          // In a footnote body, the note's own number; elsewhere, a call.
          if (m) text += footnote ? '' : footnoteCall(m[1] ?? '');
          else text += supText;
          supText = '';
          return;
        }
        if (footnote && stack.length < footnoteDepth) {
          // mammoth appends a back-link "↑" to each footnote.
          text = text.replace(/\s*↑\s*$/, '');
          flush();
          footnote = null;
          return;
        }
        if (BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  for (const f of footnotes) f.text = f.text.replace(/\s*↑\s*$/, '').trim();
  return { format, language: lang, blocks, footnotes, warnings: [], inferFootnoteCalls: false };
}
