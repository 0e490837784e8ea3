// Markdown, as UN resolutions come out of converters (seed 001): emphasis on the italic verbs,
// footnote calls as <sup>n</sup>, footnotes as paragraphs that start with <sup>n</sup> after a
// "---" rule, links with empty targets. marked's lexer cuts the blocks; inline text is flattened here.
import { Lexer, type Token } from 'marked';
import type { Language } from '../../language/languages.ts';
import type { RawBlock, RawDocument, RawFootnote } from '../model.ts';
import { footnoteCall } from '../text.ts';

/** Inline Markdown/HTML to plain text, keeping footnote calls as sentinels. */
export function flattenInline(md: string): string {
  return md
    .replace(/<sup>\s*\[?(\d{1,3})\]?\s*<\/sup>/gi, (_m, n: string) => footnoteCall(n))
    .replace(/\[\^(\d{1,3})\]/g, (_m, n: string) => footnoteCall(n))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/ {2,}\n/g, '\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

const FOOTNOTE_PARA = /^\s*(?:<sup>\s*(\d{1,3})\s*<\/sup>|\[\^(\d{1,3})\]:)\s*([\s\S]*)$/i;

/** Reads Markdown into blocks and footnotes. */
export function readMarkdown(source: string, lang: Language): RawDocument {
  // Converters glue lines together where two emphasis runs meet ("…development****Resolution…",
  // "…2024***[on the report…]***79/194."): a run of three or more asterisks inside a line was a
  // line break in the original.
  const unglued = source
    .replace(/\r\n?/g, '\n')
    .replace(/(?<=\S)\*{3,}(?=\S)/g, '\n\n')
    // A paragraph number must stay text, not become a Markdown ordered list (which renumbers).
    .replace(/^(\s{0,3})(\d{1,3})\.(?=\s)/gm, '$1$2\\.');
  const blocks: RawBlock[] = [];
  const footnotes: RawFootnote[] = [];

  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'paragraph':
        case 'text':
        case 'html': {
          const raw = 'text' in token && typeof token.text === 'string' ? token.text : token.raw;
          for (const para of raw.split(/\n{2,}/)) {
            const fn = FOOTNOTE_PARA.exec(para);
            if (fn) {
              footnotes.push({ number: Number(fn[1] ?? fn[2]), text: flattenInline(fn[3] ?? '').trim(), after: blocks.length - 1 });
              continue;
            }
            const text = flattenInline(para).trim();
            if (text) blocks.push({ text });
          }
          break;
        }
        case 'heading':
          blocks.push({ text: flattenInline(token.text as string), hint: 'heading' });
          break;
        case 'list':
          for (const item of token.items as { text: string }[]) blocks.push({ text: flattenInline(item.text), hint: 'list-item' });
          break;
        case 'blockquote':
          visit(token.tokens ?? []);
          break;
        case 'table': {
          const rows = [token.header as { text: string }[], ...(token.rows as { text: string }[][])];
          for (const row of rows) blocks.push({ text: row.map((c) => flattenInline(c.text)).join(' | ') });
          break;
        }
        case 'code':
          blocks.push({ text: token.text as string });
          break;
        default:
          // hr (the footnote rule), space, def: nothing to keep.
          break;
      }
    }
  };
  visit(new Lexer({ gfm: true }).lex(unglued));
  return { format: 'markdown', language: lang, blocks, footnotes, warnings: [], inferFootnoteCalls: false };
}
