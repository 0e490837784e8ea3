// The routes of the document pages (the list, one document, a cited document not yet held, search,
// the citation graph, side by side, versions): each parses, reads, renders a view of its own file.
// Plain HTML: no script needed.
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../web/env.ts';
import { localePath } from '../web/locale.ts';
import { href, pageContext } from '../web/layout.tsx';
import { isLanguage, languages, type Language } from '../language/languages.ts';
import {
  citationGraph,
  documentBySymbol,
  getActions,
  getCitations,
  getDocument,
  getParagraphs,
  getReferences,
  listDocuments,
  versionLanguage,
} from './service.ts';
import { searchDocuments, withAlignedParagraphs } from './search.ts';
import { documentFilters, documentSearchQuery } from './api.ts';
import { documentsCiting } from './repository.ts';
import { alignVersions } from './align.ts';
import { diffDocuments } from './versions.ts';
import { registerLinkPages } from './link-pages.tsx';
import { registerUploadPage } from './upload-page.tsx';
import { DocumentsPage } from './list-page.tsx';
import { DocumentPage, PlaceholderPage } from './document-page.tsx';
import { GraphPage } from './graph-page.tsx';
import { ComparePage, DiffPage } from './compare-pages.tsx';
import { SearchPage } from './search-page.tsx';

// ---------------------------------------------------------------- list

const listQuery = z.object({ ...documentFilters, lang: z.enum(languages).optional() });

// ---------------------------------------------------------------- routes

export function registerDocumentPages(app: Hono<AppEnv>): void {
  const L = localePath;
  registerLinkPages(app);
  registerUploadPage(app);

  app.get(`${L}/documents`, async (c) => {
    const ctx = pageContext(c);
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const parsed = listQuery.safeParse(raw);
    const filter = parsed.success ? parsed.data : {};
    const result = await listDocuments(c.var.store.db, ctx.lang, { ...filter, limit: 500 });
    return c.html(
      <DocumentsPage
        ctx={ctx}
        items={result.items}
        total={result.total}
        filter={raw}
        error={parsed.success ? null : ctx.t('documents.filter.invalid')}
      />,
    );
  });

  app.get(`${L}/documents/search`, async (c) => {
    const ctx = pageContext(c);
    const form = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    if (!form.q) return c.html(<SearchPage ctx={ctx} form={form} result={null} error={null} />);
    const { in: inLang, ...rest } = form;
    const parsed = documentSearchQuery.safeParse({ ...rest, ...(inLang ? { lang: inLang } : {}) });
    if (!parsed.success) return c.html(<SearchPage ctx={ctx} form={form} result={null} error={ctx.t('documents.search.invalid')} />, 400);
    const found = await searchDocuments(c.var.store.db, parsed.data.q, { ...parsed.data, limit: 50 });
    // Each hit in another language comes with its aligned paragraph in the reader's, where the document has it.
    const result = await withAlignedParagraphs(c.var.store.db, found, ctx.lang);
    return c.html(<SearchPage ctx={ctx} form={form} result={result} error={null} />);
  });

  app.get(`${L}/documents/citations`, async (c) => {
    const graph = await citationGraph(c.var.store.db, 1000);
    return c.html(<GraphPage ctx={pageContext(c)} edges={graph.edges} total={graph.total} />);
  });

  app.get(`${L}/documents/cited`, async (c) => {
    const ctx = pageContext(c);
    const symbol = (c.req.query('symbol') ?? '').trim();
    if (!symbol || symbol.length > 100) return c.notFound();
    const held = await documentBySymbol(c.var.store.db, symbol);
    if (held) return c.redirect(href(ctx, `/documents/${held}`), 303);
    const citing = await documentsCiting(c.var.store.db, symbol);
    return c.html(<PlaceholderPage ctx={ctx} symbol={symbol} citing={citing} />);
  });

  app.get(`${L}/documents/:id/diff`, async (c) => {
    const ctx = pageContext(c);
    const db = c.var.store.db;
    const detail = await getDocument(db, c.req.param('id'), ctx.lang);
    if (!detail) return c.notFound();
    const wanted = c.req.query('in');
    const lang = versionLanguage(detail, isLanguage(wanted) ? wanted : ctx.lang);
    if (!lang) return c.notFound();
    const others = (await listDocuments(db, lang, { lang, limit: 500 })).items.filter((d) => d.id !== detail.id);
    const againstId = c.req.query('against');
    const against = againstId ? await getDocument(db, againstId, lang) : null;
    const pairs = against ? await diffDocuments(db, against.id, detail.id, lang) : null;
    return c.html(<DiffPage ctx={ctx} detail={detail} lang={lang} others={others} against={against} pairs={pairs} />);
  });

  app.get(`${L}/documents/:id/compare`, async (c) => {
    const ctx = pageContext(c);
    const db = c.var.store.db;
    const detail = await getDocument(db, c.req.param('id'), ctx.lang);
    if (!detail) return c.notFound();
    const held = detail.versions.map((v) => v.lang);
    const pick = (value: string | undefined, fallback: Language | undefined): Language | undefined =>
      isLanguage(value) && held.includes(value) ? value : fallback;
    const a = pick(c.req.query('a'), versionLanguage(detail, ctx.lang) ?? undefined);
    const b = pick(c.req.query('b'), held.find((l) => l !== a) ?? a);
    if (!a || !b) return c.notFound();
    const pairs = alignVersions(await getParagraphs(db, detail.id, a), await getParagraphs(db, detail.id, b));
    return c.html(<ComparePage ctx={ctx} detail={detail} a={a} b={b} pairs={pairs} />);
  });

  app.get(`${L}/documents/:id`, async (c) => {
    const ctx = pageContext(c);
    const db = c.var.store.db;
    const wanted = c.req.query('in');
    const detail = await getDocument(db, c.req.param('id'), ctx.lang);
    if (!detail) return c.notFound();
    const lang = versionLanguage(detail, isLanguage(wanted) ? wanted : ctx.lang);
    if (!lang) return c.notFound();
    const [paragraphs, references, actions, cites, citedBy] = await Promise.all([
      getParagraphs(db, detail.id, lang),
      getReferences(db, detail.id, lang),
      getActions(db, detail.id, lang, ctx.lang),
      getCitations(db, detail.id, 'cites', ctx.lang),
      getCitations(db, detail.id, 'cited-by', ctx.lang),
    ]);
    return c.html(
      <DocumentPage
        ctx={ctx}
        detail={detail}
        lang={lang}
        paragraphs={paragraphs}
        references={references}
        actions={actions}
        cites={cites}
        citedBy={citedBy}
      />,
    );
  });
}
