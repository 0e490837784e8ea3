// The files an operator names on the command line: files as given, folders walked for the
// formats Concord reads; and the one line printed for each file ingested.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IngestResult } from './service.ts';

const READABLE = /\.(txt|text|md|markdown|html?|docx|pdf)$/i;

/** Files named, and the readable files inside named folders (recursively, in name order). */
export async function documentFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p);
    if (info.isDirectory()) {
      const entries = (await readdir(p, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && READABLE.test(e.name))
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      out.push(...entries);
    } else out.push(p);
  }
  return out;
}

/** One line per file: symbol, language, what happened and the counts. */
export function describeIngest(file: string, r: IngestResult): string {
  const c = r.counts;
  return (
    `${r.symbol ?? '(no symbol)'}\t${r.lang}\t${r.status}\t` +
    `${c.paragraphs} blocks: ${c.preambular} preambular, ${c.operative} operative, ${c.subparagraphs} sub-paragraphs, ${c.headings} headings; ` +
    `${c.footnotes} footnotes, ${c.references} references, ${c.actions} actions\t${file}\tid ${r.documentId}`
  );
}
