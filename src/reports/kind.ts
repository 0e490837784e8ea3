// What a kind of report is (issue 6, item 5): an id, its title, a loader that builds a typed model
// from the services, an HTML renderer and the tables of its data bundle. The routes (pages, PDF,
// zip, API) are written once for every kind; a new kind is one more entry in kinds.ts.
import type { Child } from 'hono/jsx';
import type { z } from '@hono/zod-openapi';
import type { Database } from '../store/index.ts';
import type { Language } from '../language/languages.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { PageContext } from '../web/layout.tsx';
import type { ReportSource } from './sources.ts';

/** One subject a report can be made for (a roadmap, an area), for the index page and the API. */
export interface ReportSubject {
  id: string;
  label: string;
  /** The language of the label when it is not the page's. */
  lang?: Language;
  /** A second line: the owner, the kind of area. */
  note?: string;
}

/** What a loader returns: the report's title, the sources of its figures and its data. */
export interface LoadedReport<D> {
  title: string;
  titleLang?: Language;
  sources: ReportSource[];
  data: D;
}

/** A report as served: the loaded model with what, for whom and when. */
export interface Report<D> extends LoadedReport<D> {
  kind: string;
  subject: string;
  lang: Language;
  /** When it was generated (ISO 8601, UTC). */
  generatedAt: string;
  /** Where it is read online (its HTML version). */
  address: string;
}

export interface LoadArgs {
  db: Database;
  subject: string;
  lang: Language;
  /** The address readers open the records at ("https://concord.example"), for the sources. */
  publicUrl: string;
}

/** One CSV file of the data bundle: stable English column names, one row per record. */
export interface BundleTable {
  /** The file name without ".csv": `activities`, `indicator-values`. */
  name: string;
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

/** What the renderer gets: the page context (language, translate, links) and the report. */
export interface RenderArgs<D> {
  ctx: PageContext;
  report: Report<D>;
}

/**
 * A kind of report. Methods (not function-valued properties) so that a kind of a specific model
 * fits the registry's list of kinds.
 *
 * @example
 * export const compactReport = defineReportKind({
 *   id: 'compact', title: 'reports.compact.title', description: 'reports.compact.description',
 *   subjectLabel: 'reports.compact.subject', data: CompactData, exampleSubject: 'gdc.obj.3',
 *   async subjects(db, lang) { ... }, async load(args) { ... },
 *   render({ ctx, report }) { return <CompactBody ... />; }, tables(report) { return [...]; },
 * });
 */
export interface ReportKind<S extends z.ZodType = z.ZodType> {
  /** The URL segment: /en/reports/{id}/{subject}. */
  id: string;
  title: MessageKey;
  description: MessageKey;
  /** What the subject is ("Roadmap", "Country or group"), for forms and tables. */
  subjectLabel: MessageKey;
  /** The schema of the report's data: the API's response body and the bundle's JSON. */
  data: S;
  /** An example subject for the OpenAPI description. */
  exampleSubject: string;
  /** The subjects a report can be made for, in the order the index lists them. */
  subjects(db: Database, lang: Language): Promise<ReportSubject[]>;
  /** The report's model, or undefined when there is no such subject (404). Public records only. */
  load(args: LoadArgs): Promise<LoadedReport<z.infer<S>> | undefined>;
  /** The body of the report (the frame adds the title, the date, the sources). */
  render(args: RenderArgs<z.infer<S>>): Child;
  /** The CSV files of the data bundle. */
  tables(report: Report<z.infer<S>>): BundleTable[];
}

/** Keeps a kind's model type while checking it against the interface. */
export function defineReportKind<S extends z.ZodType>(kind: ReportKind<S>): ReportKind<S> {
  return kind;
}
