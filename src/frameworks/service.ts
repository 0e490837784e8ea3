// The framework graph's domain logic: frameworks, elements with their texts, links both ways,
// derived links, search and the crosswalk matrix. No HTTP here; the API and pages share it.
import { escapeMarkup } from '../shared/escape.ts';
import { sql, join, raw, empty, type Sql } from '../store/sql.ts';
import { pgTextArray, type Database } from '../store/index.ts';
import { readOf, readOne, readTogether, type Read } from '../store/read-model.ts';
import { atRevision } from '../store/revisions.ts';
import { foldForSearch } from '../language/normalize.ts';
import { expandQuery, languageTsquery } from '../language/synonyms.ts';
import { languages, searchConfig, type Language } from '../language/languages.ts';
import type { ElementKind, SourceRow } from './reference.ts';
import { documentOfTextSource } from '../documents/framework-carriers.ts';

export const frameworkIds = ['sdg', 'gdc', 'wsis', 'pact'] as const;
export type FrameworkId = (typeof frameworkIds)[number];
export const linkTypes = ['contributes-to', 'measured-by', 'relates-to', 'same-as'] as const;
export type LinkType = (typeof linkTypes)[number];
export const linkStates = ['suggested', 'confirmed', 'rejected'] as const;
export type LinkState = (typeof linkStates)[number];

/** A reference source as every response shows it. */
export type Source = Omit<SourceRow, 'notes'>;

export interface Framework {
  id: FrameworkId;
  title: string;
  languages: Language[];
  counts: Partial<Record<ElementKind, number>>;
  elementCount: number;
  source: Source;
}

/** An element as a summary: enough to name it and link to it. */
export interface ElementSummary {
  id: string;
  framework: FrameworkId;
  kind: ElementKind;
  code: string;
  title: string | null;
  text: string | null;
  /** The language of title/text: the one asked for, or English when that text does not exist. */
  textLanguage: Language | null;
}

/** A text read from a language version of a document that carries the framework: official, with the document as source. */
export interface TextDocument {
  documentId: string;
  symbol: string | null;
  lang: Language;
}

export interface ElementText {
  lang: Language;
  title: string | null;
  text: string | null;
  caveats: string[];
  source: Source;
  /** The document version the text was read from (an official language version), or null for the framework's data. */
  document: TextDocument | null;
}

export interface Element extends ElementSummary {
  parentId: string | null;
  position: number;
  attributes: Record<string, unknown>;
  /** Languages this element's text exists in. */
  languages: Language[];
  caveats: string[];
  source: Source;
  /** The document version the shown text was read from (an official language version), or null. */
  textDocument: TextDocument | null;
  ancestors: ElementSummary[];
  children: ElementSummary[];
}

export interface Link {
  id: number;
  from: ElementSummary;
  to: ElementSummary;
  type: LinkType;
  state: LinkState;
  rationale: string | null;
  source: Source | null;
  sourceLocator: string | null;
  sourceAddress: string | null;
  assertedBy: string;
  flags: string[];
  createdAt: string;
  updatedAt: string;
}

/** A link the software infers (never stored): two elements that contribute to the same SDG goal. */
export interface DerivedLink {
  other: ElementSummary;
  via: ElementSummary[];
}

interface SourceColumns {
  source_id: string;
  source_title: string;
  source_symbol: string | null;
  source_address: string | null;
  source_repository: string | null;
  source_commit: string | null;
  source_path: string | null;
  source_licence: string;
}

const sourceColumns = (alias: string) =>
  raw(
    `${alias}.id AS source_id, ${alias}.title AS source_title, ${alias}.document_symbol AS source_symbol, ${alias}.address AS source_address, ` +
      `${alias}.repository AS source_repository, ${alias}.commit AS source_commit, ${alias}.path AS source_path, ${alias}.licence AS source_licence`,
  );

function toSource(row: SourceColumns): Source {
  return {
    id: row.source_id,
    title: row.source_title,
    documentSymbol: row.source_symbol,
    address: row.source_address,
    repository: row.source_repository,
    commit: row.source_commit,
    path: row.source_path,
    licence: row.source_licence,
  };
}

interface SummaryColumns {
  id: string;
  framework_id: string;
  kind: string;
  code: string;
  title: string | null;
  text: string | null;
  text_lang: string | null;
}

function toSummary(row: SummaryColumns): ElementSummary {
  return {
    id: row.id,
    framework: row.framework_id as FrameworkId,
    kind: row.kind as ElementKind,
    code: row.code,
    title: row.title,
    text: row.text,
    textLanguage: row.text_lang as Language | null,
  };
}

/**
 * The text of element `e` in `lang`, or in English when there is none: a lateral join used by
 * every query that shows elements, so the fallback rule lives in one place.
 */
const textIn = (lang: Language, element = 'e', as = 'tx') =>
  sql`LEFT JOIN LATERAL (
      SELECT title, text, lang AS text_lang, caveats, source_id AS text_source FROM element_texts
      WHERE element_id = ${raw(`${element}.id`)} AND lang IN (${lang}, 'en')
      ORDER BY (lang = ${lang}) DESC LIMIT 1) ${raw(as)} ON true`;

const summaryColumns = raw('e.id, e.framework_id, e.kind, e.code, tx.title, tx.text, tx.text_lang');

/** The frameworks with their element counts (cached under the `reference` revision). */
export function listFrameworks(db: Database): Promise<Framework[]> {
  return atRevision(db, ['reference'], 'frameworks', () => readFrameworks(db));
}

async function readFrameworks(db: Database): Promise<Framework[]> {
  const result = await db.query<
    SourceColumns & { id: string; title: string; languages: string[]; counts: Record<string, number> | null }
  >(sql`SELECT f.id, f.title, f.languages, ${sourceColumns('s')},
          (SELECT jsonb_object_agg(kind, n) FROM (SELECT kind, count(*) AS n FROM elements WHERE framework_id = f.id GROUP BY kind) k) AS counts
        FROM frameworks f JOIN sources s ON s.id = f.source_id
        ORDER BY f.position`);
  return result.map((row) => {
    const counts = (row.counts ?? {}) as Partial<Record<ElementKind, number>>;
    return {
      id: row.id as FrameworkId,
      title: row.title,
      languages: row.languages as Language[],
      counts,
      elementCount: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0),
      source: toSource(row),
    };
  });
}

export async function getFramework(db: Database, id: string): Promise<Framework | undefined> {
  return (await listFrameworks(db)).find((f) => f.id === id);
}

export interface ElementFilter {
  framework?: string | undefined;
  kind?: string | undefined;
  parent?: string | undefined;
  /** Only elements with no parent. */
  roots?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Elements in document order, with their text in `lang` (English when missing). */
export function listElements(
  db: Database,
  lang: Language,
  filter: ElementFilter = {},
): Promise<{ total: number; items: ElementSummary[] }> {
  return readOne(db, elementsRead(lang, filter));
}

function elementsRead(lang: Language, filter: ElementFilter): Read<{ total: number; items: ElementSummary[] }> {
  const where: Sql[] = [];
  if (filter.framework) where.push(sql`e.framework_id = ${filter.framework}`);
  if (filter.kind) where.push(sql`e.kind = ${filter.kind}`);
  if (filter.parent) where.push(sql`e.parent_id = ${filter.parent}`);
  if (filter.roots) where.push(sql`e.parent_id IS NULL`);
  const condition = where.length ? sql`WHERE ${join(where, ' AND ')}` : empty;
  const limit = filter.limit ?? 10000;
  const offset = filter.offset ?? 0;
  return readOf(
    sql`SELECT ${summaryColumns}, count(*) OVER () AS total
        FROM elements e ${textIn(lang)} ${condition}
        ORDER BY e.framework_id = 'sdg' DESC, e.framework_id, e.position
        LIMIT ${limit} OFFSET ${offset}`,
    (result: (SummaryColumns & { total: number })[]) => ({ total: result[0]?.total ?? 0, items: result.map(toSummary) }),
  );
}

/** Summaries of the given elements, in the order given. */
export async function summaries(db: Database, ids: string[], lang: Language): Promise<ElementSummary[]> {
  if (ids.length === 0) return [];
  const result = await db.query<SummaryColumns>(
    sql`SELECT ${summaryColumns} FROM elements e ${textIn(lang)} WHERE e.id = ANY(${pgTextArray(ids)}::text[])`,
  );
  const byId = new Map(result.map((r) => [r.id, toSummary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function textDocumentOf(sourceId: string | null, symbol: string | null): TextDocument | null {
  const read = sourceId ? documentOfTextSource(sourceId) : null;
  return read ? { ...read, symbol } : null;
}

type ElementRecord = Omit<Element, 'ancestors' | 'children'>;

function elementRead(id: string, lang: Language): Read<ElementRecord | undefined> {
  return readOf(
    sql`SELECT ${summaryColumns}, e.parent_id, e.position, e.attributes, tx.caveats, tx.text_source, ${sourceColumns('s')},
          (SELECT document_symbol FROM sources WHERE id = tx.text_source) AS text_symbol,
          (SELECT array_agg(lang ORDER BY lang) FROM element_texts WHERE element_id = e.id) AS languages
        FROM elements e ${textIn(lang)} JOIN sources s ON s.id = e.source_id
        WHERE e.id = ${id}`,
    (
      rows: (SummaryColumns &
        SourceColumns & {
          parent_id: string | null;
          position: number;
          attributes: Record<string, unknown>;
          caveats: string[] | null;
          languages: string[];
          text_source: string | null;
          text_symbol: string | null;
        })[],
    ) => {
      const row = rows[0];
      if (!row) return undefined;
      return {
        ...toSummary(row),
        parentId: row.parent_id,
        position: row.position,
        attributes: row.attributes,
        languages: languages.filter((l) => row.languages.includes(l)),
        caveats: row.caveats ?? [],
        source: toSource(row),
        textDocument: textDocumentOf(row.text_source, row.text_symbol),
      };
    },
  );
}

/** The element's ancestors, root first. */
function ancestorsRead(id: string, lang: Language): Read<ElementSummary[]> {
  return readOf(
    sql`SELECT ${summaryColumns} FROM elements self, unnest(self.ancestors) WITH ORDINALITY a(id, depth)
        JOIN elements e ON e.id = a.id ${textIn(lang)}
        WHERE self.id = ${id} ORDER BY a.depth`,
    (rows: SummaryColumns[]) => rows.map(toSummary),
  );
}

/** The reads an element is made of (elementOf puts them together), to read with others in one statement. */
function elementReads(id: string, lang: Language) {
  return { element: elementRead(id, lang), ancestors: ancestorsRead(id, lang), children: elementsRead(lang, { parent: id }) };
}

function elementOf(read: {
  element: ElementRecord | undefined;
  ancestors: ElementSummary[];
  children: { items: ElementSummary[] };
}): Element | undefined {
  return read.element && { ...read.element, ancestors: read.ancestors, children: read.children.items };
}

/** The element with its ancestors and children, in one statement. */
export async function getElement(db: Database, id: string, lang: Language): Promise<Element | undefined> {
  return elementOf(await readTogether(db, elementReads(id, lang)));
}

/** What the element page shows of the framework graph. */
export interface ElementView {
  element: Element;
  outgoing: Link[];
  incoming: Link[];
  derived: DerivedLink[];
  texts: ElementText[];
  facilitators: Facilitator[];
}

/**
 * The element page's read model in one statement: the element with its ancestors and children,
 * its texts, its links both ways, the links derived through its SDG goals and its facilitators.
 */
export async function getElementView(db: Database, id: string, lang: Language): Promise<ElementView | undefined> {
  // Reference data changes rarely: read once per `reference` revision, then served from memory.
  const cached = await atRevision(db, ['reference'], `element-view ${id} ${lang}`, async () => ({
    view: await readElementView(db, id, lang),
  }));
  return cached.view;
}

async function readElementView(db: Database, id: string, lang: Language): Promise<ElementView | undefined> {
  const view = await readTogether(db, {
    ...elementReads(id, lang),
    outgoing: linksRead(lang, { element: id, direction: 'out' }),
    incoming: linksRead(lang, { element: id, direction: 'in' }),
    derived: derivedRead(id, lang),
    texts: textsRead(id),
    facilitators: facilitatorsRead(id),
  });
  const element = elementOf(view);
  if (!element) return undefined;
  return {
    element,
    outgoing: view.outgoing.items,
    incoming: view.incoming.items,
    derived: view.derived,
    texts: view.texts,
    facilitators: view.facilitators,
  };
}

/** The element's text in every language it exists in. */
export function getTexts(db: Database, id: string): Promise<ElementText[]> {
  return readOne(db, textsRead(id));
}

function textsRead(id: string): Read<ElementText[]> {
  const order = (l: string) => languages.indexOf(l as Language);
  return readOf(
    sql`SELECT t.lang, t.title, t.text, t.caveats, ${sourceColumns('s')}
        FROM element_texts t JOIN sources s ON s.id = t.source_id WHERE t.element_id = ${id}`,
    (result: (SourceColumns & { lang: string; title: string | null; text: string | null; caveats: string[] })[]) =>
      result
        .sort((a, b) => order(a.lang) - order(b.lang))
        .map((r) => ({
          lang: r.lang as Language,
          title: r.title,
          text: r.text,
          caveats: r.caveats,
          source: toSource(r),
          document: textDocumentOf(r.source_id, r.source_symbol),
        })),
  );
}

export interface LinkFilter {
  element?: string | undefined;
  direction?: 'out' | 'in' | 'both' | undefined;
  /** Include links of the element's descendants too. */
  descendants?: boolean | undefined;
  /** The framework of the other end (with `element`) or of either end. */
  framework?: string | undefined;
  fromFramework?: string | undefined;
  toFramework?: string | undefined;
  type?: LinkType | undefined;
  state?: LinkState | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export function listLinks(db: Database, lang: Language, filter: LinkFilter = {}): Promise<{ total: number; items: Link[] }> {
  return readOne(db, linksRead(lang, filter));
}

interface LinkColumns extends SourceColumns {
  id: number;
  type: string;
  state: string;
  rationale: string | null;
  source_locator: string | null;
  l_source_address: string | null;
  asserted_by: string;
  flags: string[];
  created_at: string;
  updated_at: string;
  total: number;
  f_id: string;
  f_framework: string;
  f_kind: string;
  f_code: string;
  f_title: string | null;
  f_text: string | null;
  f_lang: string | null;
  t_id: string;
  t_framework: string;
  t_kind: string;
  t_code: string;
  t_title: string | null;
  t_text: string | null;
  t_lang: string | null;
}

function linksRead(lang: Language, filter: LinkFilter): Read<{ total: number; items: Link[] }> {
  const where: Sql[] = [];
  const direction = filter.direction ?? 'both';
  if (filter.element) {
    const self = (column: 'from_id' | 'to_id', alias: 'f' | 't') =>
      filter.descendants
        ? sql`(l.${raw(column)} = ${filter.element} OR ${filter.element} = ANY(${raw(alias)}.ancestors))`
        : sql`l.${raw(column)} = ${filter.element}`;
    const outgoing = self('from_id', 'f');
    const incoming = self('to_id', 't');
    where.push(direction === 'out' ? outgoing : direction === 'in' ? incoming : sql`(${outgoing} OR ${incoming})`);
    if (filter.framework) {
      const otherOut = sql`(${outgoing} AND t.framework_id = ${filter.framework})`;
      const otherIn = sql`(${incoming} AND f.framework_id = ${filter.framework})`;
      where.push(direction === 'out' ? otherOut : direction === 'in' ? otherIn : sql`(${otherOut} OR ${otherIn})`);
    }
  } else if (filter.framework) {
    where.push(sql`(f.framework_id = ${filter.framework} OR t.framework_id = ${filter.framework})`);
  }
  if (filter.fromFramework) where.push(sql`f.framework_id = ${filter.fromFramework}`);
  if (filter.toFramework) where.push(sql`t.framework_id = ${filter.toFramework}`);
  if (filter.type) where.push(sql`l.type = ${filter.type}`);
  if (filter.state) where.push(sql`l.state = ${filter.state}`);
  const condition = where.length ? sql`WHERE ${join(where, ' AND ')}` : empty;
  return readOf(
    sql`SELECT l.id, l.type, l.state, l.rationale, l.source_locator, l.source_address AS l_source_address, l.asserted_by, l.flags,
               l.created_at::text AS created_at, l.updated_at::text AS updated_at, count(*) OVER () AS total, ${sourceColumns('s')},
               f.id AS f_id, f.framework_id AS f_framework, f.kind AS f_kind, f.code AS f_code, ftx.title AS f_title, ftx.text AS f_text, ftx.text_lang AS f_lang,
               t.id AS t_id, t.framework_id AS t_framework, t.kind AS t_kind, t.code AS t_code, ttx.title AS t_title, ttx.text AS t_text, ttx.text_lang AS t_lang
        FROM links l
        JOIN elements f ON f.id = l.from_id
        JOIN elements t ON t.id = l.to_id
        LEFT JOIN sources s ON s.id = l.source_id
        ${textIn(lang, 'f', 'ftx')}
        ${textIn(lang, 't', 'ttx')}
        ${condition}
        ORDER BY f.framework_id, f.position, t.framework_id, t.position
        LIMIT ${filter.limit ?? 1000} OFFSET ${filter.offset ?? 0}`,
    (result: LinkColumns[]) => ({
      total: result[0]?.total ?? 0,
      items: result.map((r) => ({
        id: r.id,
        from: toSummary({
          id: r.f_id,
          framework_id: r.f_framework,
          kind: r.f_kind,
          code: r.f_code,
          title: r.f_title,
          text: r.f_text,
          text_lang: r.f_lang,
        }),
        to: toSummary({
          id: r.t_id,
          framework_id: r.t_framework,
          kind: r.t_kind,
          code: r.t_code,
          title: r.t_title,
          text: r.t_text,
          text_lang: r.t_lang,
        }),
        type: r.type as LinkType,
        state: r.state as LinkState,
        rationale: r.rationale,
        source: r.source_id ? toSource(r) : null,
        sourceLocator: r.source_locator,
        sourceAddress: r.l_source_address,
        assertedBy: r.asserted_by,
        flags: r.flags,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      })),
    }),
  );
}

/**
 * Links derived by the software, never stored: elements of another framework (GDC or WSIS)
 * that contribute to the same SDG goal as `id` (directly, or through one of its targets).
 * There is no official GDC-to-action-line mapping; these are labelled "derived" wherever shown.
 */
export function derivedLinks(db: Database, id: string, lang: Language): Promise<DerivedLink[]> {
  return readOne(db, derivedRead(id, lang));
}

// Per element: from the goals this element reaches, through the links into those goals and
// their targets (links_to_idx), never over every link.
function derivedRead(id: string, lang: Language): Read<DerivedLink[]> {
  return readOf(
    sql`WITH mine AS (
          SELECT DISTINCT CASE WHEN t.kind = 'goal' THEN t.id ELSE t.ancestors[1] END AS goal
          FROM links l JOIN elements t ON t.id = l.to_id
          WHERE l.from_id = ${id} AND t.framework_id = 'sdg' AND l.state <> 'rejected'
        ), reached AS (
          SELECT mine.goal, t.id FROM mine JOIN elements t ON t.id = mine.goal OR t.ancestors[1] = mine.goal
        ), theirs AS (
          SELECT f.id AS other, array_agg(DISTINCT reached.goal) AS via
          FROM reached JOIN links l ON l.to_id = reached.id JOIN elements f ON f.id = l.from_id
          WHERE f.framework_id IN ('gdc', 'wsis') AND l.state <> 'rejected'
            AND f.framework_id <> (SELECT framework_id FROM elements WHERE id = ${id})
          GROUP BY f.id
        )
        SELECT ${summaryColumns},
          (SELECT json_agg(g) FROM (SELECT ${summaryColumns} FROM elements e ${textIn(lang)} WHERE e.id = ANY(theirs.via)) g) AS via
        FROM theirs JOIN elements e ON e.id = theirs.other ${textIn(lang)}`,
    (rows: (SummaryColumns & { via: SummaryColumns[] | null })[]) =>
      rows
        .map((r) => ({
          other: toSummary(r),
          via: (r.via ?? []).map(toSummary).sort((a, b) => Number(a.code) - Number(b.code)),
        }))
        .sort((a, b) => a.other.id.localeCompare(b.other.id, 'en', { numeric: true })),
  );
}

export interface SearchHit extends ElementSummary {
  /** The language the match was found in. */
  matchLanguage: Language;
  rank: number;
  /** The matching text with <mark> around the hits (HTML-escaped otherwise). */
  snippet: string;
  /** Found in the English text of an element that has no text in the language searched (label it so). */
  englishFallback: boolean;
}

export interface SearchOptions {
  lang?: Language | undefined;
  framework?: string | undefined;
  kind?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * The query as "any of its words" for the English stemmer, for elements whose text exists in
 * English only: the English terms of the synonym sets it names (data/search/synonyms.json:
 * "intelligence artificielle" is "artificial intelligence"), each as a phrase, or any other word
 * of it (a query in another language shares some words with English texts, rarely all of them).
 * Nothing else is translated.
 */
function anyWordOf(query: string, lang: Language): string {
  const { english, rest } = expandQuery(query, lang);
  const phrases = english.map((term) => `"${foldForSearch(term, 'en').replace(/"/g, '')}"`);
  const words = foldForSearch(rest, 'en')
    .split(/\s+/)
    .map((w) => w.replace(/^[-"]+|"+$/g, ''))
    .filter((w) => w && w.toLowerCase() !== 'or');
  return [...phrases, ...words].join(' or ');
}

/**
 * Full-text search over element texts, per language with its own stemmer (Chinese segmented,
 * Arabic folded), ranking a capped candidate set; falls back to trigram similarity when the
 * words match nothing (misspellings, OCR noise). Element codes match too ("9.c", "C7"). The GDC,
 * WSIS and Pact texts are English only: a search in another language (`lang`, else the reader's)
 * also looks in the English texts of the elements that have no text in it, and labels those hits.
 */
export async function searchElements(
  db: Database,
  q: string,
  displayLang: Language,
  options: SearchOptions = {},
): Promise<{ total: number; items: SearchHit[] }> {
  const query = q.trim();
  if (!query) return { total: 0, items: [] };
  const langs = options.lang ? [options.lang] : [...languages];
  const queryLang = options.lang ?? displayLang;
  const filters: Sql[] = [];
  if (options.framework) filters.push(sql`e.framework_id = ${options.framework}`);
  if (options.kind) filters.push(sql`e.kind = ${options.kind}`);
  const extra = filters.length ? sql` AND ${join(filters, ' AND ')}` : empty;
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;

  // Titles before passing mentions: cover density over the text's length, so that a heading
  // or an indicator naming the words outranks a long paragraph mentioning them once, and headings
  // (goals, objectives, topics, chapters, action lines) twice over; a text in the language asked
  // before an English one found through shared words or synonyms (bench/search.ts measures it).
  const rankOf = sql`ts_rank_cd(t.search, q, 2) * CASE WHEN e.kind IN ('goal', 'objective', 'topic', 'chapter', 'action-line', 'sub-line') THEN 2 ELSE 1 END`;
  const perLanguage = langs.map(
    (l) => sql`SELECT t.element_id, t.lang, ${rankOf} AS rank, false AS fallback
               FROM element_texts t JOIN elements e ON e.id = t.element_id, ${languageTsquery(l, query)} q
               WHERE t.lang = ${l} AND t.search @@ q ${extra}`,
  );
  const anyWord = anyWordOf(query, queryLang);
  const fallback = sql`websearch_to_tsquery('english', ${anyWord})`;
  if (queryLang !== 'en' && anyWord) {
    perLanguage.push(
      sql`SELECT t.element_id, t.lang, ${rankOf} * 0.2 AS rank, true AS fallback
          FROM element_texts t JOIN elements e ON e.id = t.element_id, ${fallback} q
          WHERE t.lang = 'en' AND t.search @@ q ${extra}
            AND NOT EXISTS (SELECT 1 FROM element_texts o WHERE o.element_id = t.element_id AND o.lang = ${queryLang})`,
    );
  }
  const code = query.replace(/^(sdg|gdc|wsis|pact)\s*/i, '');
  const result = await db.query<{
    element_id: string;
    lang: string;
    rank: number;
    fallback: boolean;
    total: number;
  }>(sql`WITH hits AS (${join(perLanguage, ' UNION ALL ')}
                      UNION ALL
                      SELECT e.id, ${options.lang ?? displayLang}, 10.0::real, false FROM elements e
                      WHERE (lower(e.code) = lower(${code}) OR lower(e.id) = lower(${query}))${extra}),
             best AS (SELECT DISTINCT ON (element_id) element_id, lang, rank, fallback FROM hits ORDER BY element_id, rank DESC, fallback)
        SELECT *, count(*) OVER () AS total FROM best ORDER BY rank DESC, element_id LIMIT ${limit} OFFSET ${offset}`);
  let hits = result;
  if (hits.length === 0 && offset === 0) {
    // Nothing matched word for word: try trigram similarity on the folded text.
    const fuzzy = langs.map((l) => {
      const folded = foldForSearch(query, l);
      return sql`SELECT t.element_id, t.lang, word_similarity(${folded}, t.folded) AS rank
                 FROM element_texts t JOIN elements e ON e.id = t.element_id
                 WHERE t.lang = ${l} AND ${folded} <% t.folded ${extra}`;
    });
    hits = await db.query(sql`WITH hits AS (${join(fuzzy, ' UNION ALL ')}),
               best AS (SELECT DISTINCT ON (element_id) element_id, lang, rank FROM hits ORDER BY element_id, rank DESC)
          SELECT *, false AS fallback, count(*) OVER () AS total FROM best ORDER BY rank DESC, element_id LIMIT ${limit}`);
  }
  // Highlights only for the page shown (ts_headline is costly), in each hit's own language: one
  // group per language matched (and the English fallback), all read in one statement.
  const groups = new Map<string, { l: Language; fallback: boolean; ids: string[] }>();
  for (const h of hits) {
    const key = `${h.lang}:${h.fallback}`;
    const group = groups.get(key) ?? { l: h.lang as Language, fallback: h.fallback, ids: [] };
    group.ids.push(h.element_id);
    groups.set(key, group);
  }
  const reads = Object.fromEntries(
    [...groups.values()].map(({ l, fallback: viaEnglish, ids }, i) => [
      `g${i}`,
      // Without a chosen language, each hit is shown in the language it matched in.
      shownHitsRead(ids, options.lang ? displayLang : l, l, viaEnglish ? fallback : languageTsquery(l, query)),
    ]),
  );
  const shown = new Map<string, ShownHit>();
  if (groups.size > 0) for (const hit of Object.values(await readTogether(db, reads)).flat()) shown.set(hit.summary.id, hit);
  return {
    total: hits[0]?.total ?? 0,
    items: hits.flatMap((h) => {
      const found = shown.get(h.element_id);
      if (!found) return [];
      const snippet = found.snippet ?? '';
      return [
        {
          ...found.summary,
          matchLanguage: h.lang as Language,
          rank: Number(h.rank),
          snippet: snippet.includes('<mark>') ? escapeSnippet(snippet) : '',
          englishFallback: h.fallback,
        },
      ];
    }),
  };
}

interface ShownHit {
  summary: ElementSummary;
  /** The text in the language matched, with <mark> around what matched (null: no text in it). */
  snippet: string | null;
}

/** Search hits as shown: each element's summary in `summaryLang`, and its text in `l` highlighted where `q` matches. */
function shownHitsRead(ids: string[], summaryLang: Language, l: Language, q: Sql): Read<ShownHit[]> {
  return readOf(
    sql`SELECT ${summaryColumns},
          (SELECT ts_headline(${searchConfig[l]}::regconfig, coalesce(t.title || ' — ', '') || coalesce(t.text, ''), q,
                              'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=10')
           FROM element_texts t, ${q} q WHERE t.element_id = e.id AND t.lang = ${l}) AS snippet
        FROM elements e ${textIn(summaryLang)} WHERE e.id = ANY(${pgTextArray(ids)}::text[])`,
    (rows: (SummaryColumns & { snippet: string | null })[]) => rows.map((r) => ({ summary: toSummary(r), snippet: r.snippet })),
  );
}

/** ts_headline returns raw text with <mark> tags; escape everything else. */
function escapeSnippet(snippet: string): string {
  return snippet
    .split(/(<mark>|<\/mark>)/)
    .map((part) => (part === '<mark>' || part === '</mark>' ? part : escapeMarkup(part)))
    .join('');
}

export type SourceWithNotes = SourceRow;

/** Every reference source with its licence and notes. */
export async function listSources(db: Database): Promise<SourceWithNotes[]> {
  const result = await db.query<SourceColumns & { notes: string[] }>(
    sql`SELECT ${sourceColumns('s')}, s.notes FROM sources s ORDER BY s.id`,
  );
  return result.map((r) => ({ ...toSource(r), notes: r.notes }));
}

export interface Facilitator {
  organizationId: string;
  name: string;
  shortName: string;
  role: 'lead' | 'co-facilitator';
  confidence: string;
  evidence: { address: string; says: string }[];
  note: string | null;
}

/** The UN entities facilitating a WSIS action line, lead first. */
export function facilitatorsOf(db: Database, elementId: string): Promise<Facilitator[]> {
  return readOne(db, facilitatorsRead(elementId));
}

function facilitatorsRead(elementId: string): Read<Facilitator[]> {
  return readOf(
    sql`SELECT f.organization_id, o.name, o.short_name, f.role, f.confidence, f.evidence, f.note
        FROM action_line_facilitators f JOIN organizations o ON o.id = f.organization_id
        WHERE f.element_id = ${elementId} ORDER BY f.role = 'lead' DESC, o.short_name`,
    (
      result: {
        organization_id: string;
        name: string;
        short_name: string;
        role: 'lead' | 'co-facilitator';
        confidence: string;
        evidence: { address: string; says: string }[];
        note: string | null;
      }[],
    ) =>
      result.map((r) => ({
        organizationId: r.organization_id,
        name: r.name,
        shortName: r.short_name,
        role: r.role,
        confidence: r.confidence,
        evidence: r.evidence,
        note: r.note,
      })),
  );
}

export interface TreeNode {
  e: ElementSummary;
  children: TreeNode[];
}

/** A framework's elements as a tree, in document order, texts in `lang` (English when missing). */
export function frameworkTree(db: Database, frameworkId: string, lang: Language): Promise<TreeNode[]> {
  return atRevision(db, ['reference'], `framework-tree ${frameworkId} ${lang}`, () => readFrameworkTree(db, frameworkId, lang));
}

async function readFrameworkTree(db: Database, frameworkId: string, lang: Language): Promise<TreeNode[]> {
  const result = await db.query<SummaryColumns & { parent_id: string | null }>(
    sql`SELECT ${summaryColumns}, e.parent_id FROM elements e ${textIn(lang)} WHERE e.framework_id = ${frameworkId} ORDER BY e.position`,
  );
  const nodes = new Map(result.map((r) => [r.id, { e: toSummary(r), children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const r of result) {
    const node = nodes.get(r.id)!;
    const parent = r.parent_id ? nodes.get(r.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
