// Reads the reference data in data/frameworks (see its SOURCES.md) into rows for the framework
// graph: sources, frameworks, elements, texts per language, links and facilitators. Pure: no
// store here, so the counts can be checked without one.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { cleanForDisplay } from '../language/normalize.ts';
import { languages, type Language } from '../language/languages.ts';
import type { LinkState, LinkType } from './service.ts';

export const defaultDataDir = path.resolve(import.meta.dirname, '../../data/frameworks');

export interface SourceRow {
  id: string;
  title: string;
  documentSymbol: string | null;
  address: string | null;
  repository: string | null;
  commit: string | null;
  path: string | null;
  licence: string;
  notes: string[];
}

export interface FrameworkRow {
  id: string;
  position: number;
  title: string;
  sourceId: string;
  languages: Language[];
}

export interface ElementRow {
  id: string;
  frameworkId: string;
  kind: ElementKind;
  parentId: string | null;
  ancestors: string[];
  position: number;
  code: string;
  attributes: Record<string, unknown>;
  sourceId: string;
}

export interface TextRow {
  elementId: string;
  lang: Language;
  title: string | null;
  text: string | null;
  sourceId: string;
  caveats: string[];
}

export interface LinkRow {
  fromId: string;
  toId: string;
  type: LinkType;
  state: LinkState;
  rationale: string | null;
  sourceId: string;
  sourceLocator: string | null;
  sourceAddress: string | null;
  assertedBy: string;
  flags: string[];
}

export interface OrganizationRow {
  id: string;
  name: string;
  shortName: string;
  stakeholderType: 'un-entity';
  website: string;
  sourceId: string;
}

export interface FacilitatorRow {
  elementId: string;
  organizationId: string;
  role: 'lead' | 'co-facilitator';
  confidence: string;
  evidence: { address: string; says: string }[];
  note: string | null;
  sourceId: string;
}

export const elementKinds = [
  'goal',
  'target',
  'indicator',
  'objective',
  'topic',
  'paragraph',
  'principle',
  'action',
  'item',
  'chapter',
  'action-line',
  'sub-line',
] as const;
export type ElementKind = (typeof elementKinds)[number];

export interface ReferenceData {
  checksum: string;
  sources: SourceRow[];
  frameworks: FrameworkRow[];
  elements: ElementRow[];
  texts: TextRow[];
  links: LinkRow[];
  organizations: OrganizationRow[];
  facilitators: FacilitatorRow[];
}

// ---- the data files' shapes (validated: a bad data release fails loudly, not half-way) ----

const repoSource = z.object({
  repository: z.string(),
  commit: z.string(),
  licence: z.string(),
  path: z.string().optional(),
  paths: z.array(z.string()).optional(),
  document: z.string().optional(),
  officialAddress: z.string().optional(),
});

const sdgStructure = z.object({
  source: repoSource,
  notes: z.array(z.string()),
  goals: z.array(z.object({ id: z.string(), targets: z.array(z.string()) })),
  targets: z.array(z.object({ id: z.string(), goal: z.string(), kind: z.string(), indicators: z.array(z.string()) })),
  indicators: z.array(
    z.object({
      id: z.string(),
      target: z.string(),
      goal: z.string(),
      status: z.enum(['current', 'legacy']),
      repeatOf: z.array(z.string()).optional(),
      legacyNote: z.string().optional(),
    }),
  ),
});

const sdgTexts = z.object({
  language: z.string(),
  caveats: z.array(z.object({ ids: z.array(z.string()), note: z.string() })).default([]),
  goals: z.record(z.string(), z.object({ short: z.string(), title: z.string() })),
  targets: z.record(z.string(), z.string()),
  indicators: z.record(z.string(), z.string()),
});

const lettered = z.object({ letter: z.string(), id: z.string(), text: z.string(), sdgs: z.array(z.string()).optional() });

const gdcFile = z.object({
  title: z.string(),
  source: repoSource.extend({ document: z.string(), officialAddress: z.string() }),
  notes: z.array(z.string()),
  objectives: z.array(z.object({ number: z.number(), text: z.string(), headingText: z.string() })),
  topics: z.array(z.object({ objective: z.number(), title: z.string().nullable(), paragraphs: z.array(z.number()) })),
  paragraphs: z.array(
    z.object({
      number: z.number(),
      id: z.string(),
      section: z.string(),
      objective: z.number().nullable(),
      topic: z.string().nullable(),
      text: z.string(),
      kind: z.string(),
      items: z.array(lettered).optional(),
      sdgs: z.array(z.string()).optional(),
      timeRefs: z.array(z.string()).optional(),
      chapeauDeadline: z.string().nullable().optional(),
    }),
  ),
});

const pactParagraph = z.object({ number: z.number(), id: z.string(), text: z.string(), items: z.array(lettered).optional() });
const pactFile = z.object({
  framework: z.string(),
  source: repoSource.extend({ document: z.string(), officialAddress: z.string() }),
  notes: z.array(z.string()),
  introduction: z.array(pactParagraph),
  chapters: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      paragraphs: z.array(pactParagraph).optional(),
      actions: z.array(z.object({ number: z.number(), id: z.string(), title: z.string(), paragraphs: z.array(pactParagraph) })),
    }),
  ),
});

const wsisFile = z.object({
  framework: z.string(),
  document: z.string(),
  officialAddress: z.string(),
  source: repoSource,
  notes: z.array(z.string()),
  actionLines: z.array(
    z.object({
      id: z.string(),
      parent: z.string().nullable(),
      title: z.string(),
      poaTitle: z.string(),
      currentTitle: z.string(),
      poaParagraph: z.number(),
      poaParagraphVerified: z.boolean(),
      sourceShortName: z.string().optional(),
      text: z.object({ intro: z.array(z.string()), items: z.array(z.string()) }).nullable(),
      flags: z.array(z.string()).optional(),
    }),
  ),
});

const facilitatorsFile = z.object({
  dataset: z.string(),
  basis: z.string(),
  facilitators: z.array(
    z.object({
      actionLine: z.string(),
      lead: z.array(z.string()),
      coFacilitators: z.array(z.string()),
      confidence: z.string(),
      evidence: z.array(z.object({ address: z.string(), says: z.string() })),
      note: z.string().optional(),
    }),
  ),
});

const gdcSdgFile = z.object({
  count: z.number(),
  links: z.array(z.object({ gdc: z.string(), sdgs: z.array(z.string()) })),
});

const matrixFile = z.object({
  officialDocument: z.string(),
  source: repoSource,
  notes: z.array(z.string()),
  count: z.number(),
  links: z.array(
    z.object({
      actionLine: z.string(),
      sdgGoal: z.number(),
      targets: z.array(z.string()),
      targetsAsGiven: z.string().nullable(),
      rationale: z.string().nullable(),
      level: z.string().optional(),
      flags: z.array(z.string()).optional(),
    }),
  ),
});

const gdcWsisFile = z.object({
  basis: z.string(),
  links: z.array(z.object({ gdc: z.string(), wsisElement: z.string(), theme: z.string() })),
});

// ---- helpers ----

/** UN entities that facilitate action lines; names as the entities give them. */
const unEntities: Record<string, { id: string; name: string; website: string }> = {
  ITU: { id: 'itu', name: 'International Telecommunication Union', website: 'https://www.itu.int' },
  UNESCO: { id: 'unesco', name: 'United Nations Educational, Scientific and Cultural Organization', website: 'https://www.unesco.org' },
  'UN DESA': { id: 'un-desa', name: 'United Nations Department of Economic and Social Affairs', website: 'https://www.un.org/en/desa' },
  UNCTAD: { id: 'unctad', name: 'United Nations Conference on Trade and Development', website: 'https://unctad.org' },
  WHO: { id: 'who', name: 'World Health Organization', website: 'https://www.who.int' },
  FAO: { id: 'fao', name: 'Food and Agriculture Organization of the United Nations', website: 'https://www.fao.org' },
  ILO: { id: 'ilo', name: 'International Labour Organization', website: 'https://www.ilo.org' },
  UNEP: { id: 'unep', name: 'United Nations Environment Programme', website: 'https://www.unep.org' },
  UPU: { id: 'upu', name: 'Universal Postal Union', website: 'https://www.upu.int' },
  WMO: { id: 'wmo', name: 'World Meteorological Organization', website: 'https://wmo.int' },
};

const romanToNumber: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };

/** "Digital trust and safety" -> "digital-trust-and-safety". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const sdgTag = /\((?:all SDGs|SDGs? [^)]*)\)/;

class ElementBuilder {
  readonly elements: ElementRow[] = [];
  private readonly byId = new Map<string, ElementRow>();
  private position = 0;

  constructor(private readonly frameworkId: string) {}

  add(
    id: string,
    kind: ElementKind,
    parentId: string | null,
    code: string,
    sourceId: string,
    attributes: Record<string, unknown> = {},
  ): ElementRow {
    if (this.byId.has(id)) throw new Error(`reference data: element ${id} is defined twice`);
    const parent = parentId ? this.byId.get(parentId) : undefined;
    if (parentId && !parent) throw new Error(`reference data: ${id} names a parent ${parentId} not defined before it`);
    const row: ElementRow = {
      id,
      frameworkId: this.frameworkId,
      kind,
      parentId,
      ancestors: parent ? [...parent.ancestors, parent.id] : [],
      position: ++this.position,
      code,
      attributes,
      sourceId,
    };
    this.elements.push(row);
    this.byId.set(id, row);
    return row;
  }
}

function text(
  elementId: string,
  lang: Language,
  sourceId: string,
  body: string | null,
  title: string | null = null,
  caveats: string[] = [],
): TextRow {
  return {
    elementId,
    lang,
    title: title === null ? null : cleanForDisplay(title),
    text: body === null ? null : cleanForDisplay(body),
    sourceId,
    caveats,
  };
}

async function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<T> {
  const raw = await readFile(path.join(dir, file), 'utf8');
  const parsed = schema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`reference data file ${file} is not in the expected shape:\n  ${where.join('\n  ')}`);
  }
  return parsed.data;
}

/** The code that turns data files into rows: a change to it is a new release too. */
const loaderFiles = ['./reference.ts', './seed.ts', '../language/normalize.ts'].map((f) => new URL(f, import.meta.url));

/**
 * A checksum of every data file and of the loading code, so a start can tell whether what it
 * would load differs from what the store holds (a new data release, or a fix in folding).
 */
export async function checksumOf(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of loaderFiles) hash.update(await readFile(file));
  const walk = async (folder: string): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.json')) {
        hash.update(path.relative(dir, full));
        hash.update(await readFile(full));
      }
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

// ---- the frameworks ----

function readSdg(structure: z.infer<typeof sdgStructure>, texts: z.infer<typeof sdgTexts>[], sourceId: string) {
  const b = new ElementBuilder('sdg');
  const indicatorsByTarget = new Map<string, z.infer<typeof sdgStructure>['indicators']>();
  for (const indicator of structure.indicators) {
    const list = indicatorsByTarget.get(indicator.target) ?? [];
    list.push(indicator);
    indicatorsByTarget.set(indicator.target, list);
  }
  const targetKinds = new Map(structure.targets.map((t) => [t.id, t.kind]));
  for (const goal of structure.goals) {
    b.add(`sdg.${goal.id}`, 'goal', null, goal.id, sourceId);
    for (const targetId of goal.targets) {
      b.add(`sdg.${targetId}`, 'target', `sdg.${goal.id}`, targetId, sourceId, { targetKind: targetKinds.get(targetId) ?? 'outcome' });
      for (const indicator of indicatorsByTarget.get(targetId) ?? []) {
        const attributes: Record<string, unknown> = { status: indicator.status };
        if (indicator.legacyNote) attributes.legacyNote = indicator.legacyNote;
        if (indicator.repeatOf) attributes.repeatOf = indicator.repeatOf.map((id) => `sdg.${id}`);
        b.add(`sdg.${indicator.id}`, 'indicator', `sdg.${targetId}`, indicator.id, sourceId, attributes);
      }
    }
  }

  const textRows: TextRow[] = [];
  for (const file of texts) {
    const lang = file.language === 'zh-Hans' ? 'zh' : file.language;
    if (!(languages as readonly string[]).includes(lang)) throw new Error(`reference data: unknown SDG language ${file.language}`);
    const l = lang as Language;
    const caveatsOf = (id: string) => file.caveats.filter((c) => c.ids.includes(id)).map((c) => c.note);
    for (const element of b.elements) {
      const key = element.code;
      let row: TextRow | undefined;
      if (element.kind === 'goal') {
        const goal = file.goals[key];
        if (goal) row = text(element.id, l, sourceId, goal.title, goal.short, caveatsOf(key));
      } else if (element.kind === 'target') {
        const t = file.targets[key];
        if (t !== undefined) row = text(element.id, l, sourceId, t, null, caveatsOf(key));
      } else {
        const t = file.indicators[key];
        if (t !== undefined) row = text(element.id, l, sourceId, t, null, caveatsOf(key));
      }
      if (!row) throw new Error(`reference data: SDG ${key} has no ${lang} text`);
      textRows.push(row);
    }
  }

  // Indicators repeated under several targets stay one element per key, joined by same-as.
  const links: LinkRow[] = [];
  const seen = new Set<string>();
  for (const indicator of structure.indicators) {
    for (const twin of indicator.repeatOf ?? []) {
      const [a, b2] = [indicator.id, twin].map((id) => `sdg.${id}`).sort(byElementPosition(b.elements)) as [string, string];
      const key = `${a}|${b2}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({
        fromId: a,
        toId: b2,
        type: 'same-as',
        state: 'confirmed',
        rationale: 'The global indicator framework lists the same indicator under more than one target.',
        sourceId,
        sourceLocator: `indicators ${a.slice(4)} and ${b2.slice(4)}`,
        sourceAddress: null,
        assertedBy: 'data:sdg',
        flags: [],
      });
    }
  }
  return { elements: b.elements, texts: textRows, links };
}

function byElementPosition(elements: ElementRow[]) {
  const order = new Map(elements.map((e) => [e.id, e.position]));
  return (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
}

function readGdc(gdc: z.infer<typeof gdcFile>, wsisRefs: z.infer<typeof gdcWsisFile>, sourceId: string) {
  const b = new ElementBuilder('gdc');
  const texts: TextRow[] = [];
  const topicId = new Map<string, string>();
  const references = new Map<string, { wsisElement: string; theme: string }[]>();
  for (const ref of wsisRefs.links) {
    const list = references.get(ref.gdc) ?? [];
    list.push({ wsisElement: ref.wsisElement, theme: ref.theme });
    references.set(ref.gdc, list);
  }
  const placedObjectives = new Set<number>();
  const placedTopics = new Set<string>();

  const addObjective = (n: number) => {
    if (placedObjectives.has(n)) return;
    const objective = gdc.objectives.find((o) => o.number === n);
    if (!objective) throw new Error(`reference data: GDC objective ${n} is not listed`);
    b.add(`gdc.obj.${n}`, 'objective', null, String(n), sourceId, { listedAs: objective.text });
    texts.push(text(`gdc.obj.${n}`, 'en', sourceId, objective.headingText));
    placedObjectives.add(n);
    for (const topic of gdc.topics.filter((t) => t.objective === n && t.title)) {
      const id = `gdc.topic.${slugify(topic.title!)}`;
      topicId.set(`${n}|${topic.title}`, id);
    }
  };

  for (const p of gdc.paragraphs) {
    let parentId: string | null = null;
    if (p.objective !== null) {
      addObjective(p.objective);
      parentId = `gdc.obj.${p.objective}`;
      if (p.topic) {
        const id = topicId.get(`${p.objective}|${p.topic}`);
        if (!id) throw new Error(`reference data: GDC paragraph ${p.number} names an unknown topic ${p.topic}`);
        if (!placedTopics.has(id)) {
          b.add(id, 'topic', parentId, '', sourceId);
          texts.push(text(id, 'en', sourceId, p.topic));
          placedTopics.add(id);
        }
        parentId = id;
      }
    }
    const attributes: Record<string, unknown> = { section: p.section, paragraphKind: p.kind };
    if (p.chapeauDeadline) attributes.deadline = p.chapeauDeadline;
    if (p.timeRefs?.length) attributes.timeRefs = p.timeRefs;
    const refs = references.get(p.id);
    if (refs) attributes.wsisReferences = refs;
    b.add(p.id, 'paragraph', parentId, String(p.number), sourceId, attributes);
    texts.push(text(p.id, 'en', sourceId, p.text));
    for (const item of p.items ?? []) {
      const kind: ElementKind = p.number === 8 ? 'principle' : 'action';
      const itemAttributes: Record<string, unknown> = {};
      if (p.chapeauDeadline) itemAttributes.deadline = p.chapeauDeadline;
      b.add(item.id, kind, p.id, `${p.number} (${item.letter})`, sourceId, itemAttributes);
      texts.push(text(item.id, 'en', sourceId, item.text));
    }
  }
  for (const o of gdc.objectives) addObjective(o.number);
  return { elements: b.elements, texts };
}

function readPact(pact: z.infer<typeof pactFile>, sourceId: string) {
  const b = new ElementBuilder('pact');
  const texts: TextRow[] = [];
  const addParagraph = (p: z.infer<typeof pactParagraph>, parentId: string | null) => {
    b.add(p.id, 'paragraph', parentId, String(p.number), sourceId);
    texts.push(text(p.id, 'en', sourceId, p.text));
    for (const item of p.items ?? []) {
      b.add(item.id, 'item', p.id, `${p.number} (${item.letter})`, sourceId);
      texts.push(text(item.id, 'en', sourceId, item.text));
    }
  };
  for (const p of pact.introduction) addParagraph(p, null);
  for (const chapter of pact.chapters) {
    const n = romanToNumber[chapter.number];
    if (!n) throw new Error(`reference data: Pact chapter ${chapter.number} is not a roman numeral`);
    const chapterId = `pact.ch.${n}`;
    b.add(chapterId, 'chapter', null, chapter.number, sourceId);
    texts.push(text(chapterId, 'en', sourceId, chapter.title));
    // Chapter paragraphs and actions interleave in document order (by first paragraph number).
    const parts = [
      ...(chapter.paragraphs ?? []).map((p) => ({ first: p.number, add: () => addParagraph(p, chapterId) })),
      ...chapter.actions.map((action) => ({
        first: action.paragraphs[0]?.number ?? Number.MAX_SAFE_INTEGER,
        add: () => {
          b.add(action.id, 'action', chapterId, String(action.number), sourceId);
          texts.push(text(action.id, 'en', sourceId, action.title));
          for (const p of action.paragraphs) addParagraph(p, action.id);
        },
      })),
    ].sort((x, y) => x.first - y.first);
    for (const part of parts) part.add();
  }
  return { elements: b.elements, texts };
}

function readWsis(wsis: z.infer<typeof wsisFile>, sourceId: string) {
  const b = new ElementBuilder('wsis');
  const texts: TextRow[] = [];
  for (const line of wsis.actionLines) {
    const id = `wsis.${line.id}`;
    const kind: ElementKind = line.parent ? 'sub-line' : 'action-line';
    const flags = line.flags ?? [];
    const attributes: Record<string, unknown> = {
      poaTitle: line.poaTitle,
      currentTitle: line.currentTitle,
      poaParagraph: line.poaParagraph,
      poaParagraphVerified: line.poaParagraphVerified,
    };
    if (flags.length) attributes.flags = flags;
    b.add(id, kind, line.parent ? `wsis.${line.parent}` : null, line.id.replace('.', ' '), sourceId, attributes);
    // The source gives C5's opening sentence as C6's intro: flagged "do not use", so left out.
    const introUnusable = flags.some((f) => f.includes('do not use'));
    const parts = [...(introUnusable ? [] : (line.text?.intro ?? [])), ...(line.text?.items ?? []).map((item) => `• ${item}`)];
    texts.push(text(id, 'en', sourceId, parts.length ? parts.join('\n') : null, line.title));
  }
  return { elements: b.elements, texts };
}

function readGdcSdgLinks(file: z.infer<typeof gdcSdgFile>, gdcTexts: Map<string, string>, sourceId: string, address: string): LinkRow[] {
  const links: LinkRow[] = [];
  for (const tag of file.links) {
    const printed = gdcTexts.get(tag.gdc)?.match(sdgTag)?.[0] ?? null;
    const goals = tag.sdgs.includes('all') ? Array.from({ length: 17 }, (_, i) => String(i + 1)) : tag.sdgs;
    const locator = tag.gdc.replace(/^gdc\./, 'para ').replace(/^para (\d+)\.([a-z])$/, 'para $1 ($2)');
    for (const goal of goals) {
      links.push({
        fromId: tag.gdc,
        toId: `sdg.${goal}`,
        type: 'contributes-to',
        state: 'confirmed',
        rationale: printed ? `The Compact tags this text ${printed}.` : null,
        sourceId,
        sourceLocator: locator,
        sourceAddress: address,
        assertedBy: 'data:gdc-sdg',
        flags: tag.sdgs.includes('all') ? ['all-sdgs'] : [],
      });
    }
  }
  return links;
}

function readMatrixLinks(file: z.infer<typeof matrixFile>, sourceId: string, address: string): LinkRow[] {
  const byPair = new Map<string, LinkRow & { rows: number[]; rationales: string[] }>();
  file.links.forEach((row, index) => {
    const rowNumber = index + 1;
    const targets = row.targets.map((t) => `sdg.${t}`);
    const ends = targets.length ? targets : [`sdg.${row.sdgGoal}`];
    const flags = [...(row.flags ?? [])];
    if (!row.rationale) flags.push('no-rationale');
    for (const toId of ends) {
      const key = `${row.actionLine}|${toId}`;
      const existing = byPair.get(key);
      if (existing) {
        existing.rows.push(rowNumber);
        if (row.rationale && !existing.rationales.includes(row.rationale)) existing.rationales.push(row.rationale);
        for (const flag of flags) if (!existing.flags.includes(flag)) existing.flags.push(flag);
        continue;
      }
      byPair.set(key, {
        fromId: `wsis.${row.actionLine}`,
        toId,
        type: 'contributes-to',
        state: 'suggested',
        rationale: null,
        sourceId,
        sourceLocator: null,
        sourceAddress: address,
        assertedBy: 'data:wsis-sdg-matrix',
        flags: [...flags],
        rows: [rowNumber],
        rationales: row.rationale ? [row.rationale] : [],
      });
    }
  });
  return [...byPair.values()].map(({ rows: rowNumbers, rationales, ...link }) => ({
    ...link,
    // A pair that several rows give keeps every row's rationale.
    rationale: rationales.length ? rationales.join('\n\n') : null,
    // 'no-rationale': no row gives one; 'row-without-rationale': one of its rows gives none,
    // but another row for the same pair does (the matrix has 20 rows without a rationale).
    flags:
      rationales.length === 0 || !link.flags.includes('no-rationale')
        ? link.flags
        : link.flags.map((f) => (f === 'no-rationale' ? 'row-without-rationale' : f)),
    sourceLocator: `${rowNumbers.length > 1 ? 'rows' : 'row'} ${rowNumbers.join(', ')}`,
  }));
}

function source(id: string, title: string, fields: Partial<Omit<SourceRow, 'id' | 'title'>> & { licence: string }): SourceRow {
  return {
    id,
    title,
    documentSymbol: fields.documentSymbol ?? null,
    address: fields.address ?? null,
    repository: fields.repository ?? null,
    commit: fields.commit ?? null,
    path: fields.path ?? null,
    licence: fields.licence,
    notes: fields.notes ?? [],
  };
}

/** Reads every reference data file into rows. Throws, naming the file, on a malformed release. */
export async function readReferenceData(dir: string = defaultDataDir): Promise<ReferenceData> {
  const [structure, gdc, pact, wsis, facilitators, gdcSdg, matrix, gdcWsis, ...sdgLangFiles] = await Promise.all([
    readJson(dir, 'sdg/sdg.structure.json', sdgStructure),
    readJson(dir, 'gdc/gdc.en.json', gdcFile),
    readJson(dir, 'pact/pact-for-the-future.en.json', pactFile),
    readJson(dir, 'wsis/wsis-action-lines.en.json', wsisFile),
    readJson(dir, 'wsis/wsis-facilitators.json', facilitatorsFile),
    readJson(dir, 'crosswalks/gdc-sdg.json', gdcSdgFile),
    readJson(dir, 'crosswalks/wsis-sdg-matrix.json', matrixFile),
    readJson(dir, 'crosswalks/gdc-wsis-references.json', gdcWsisFile),
    ...languages.map((lang) => readJson(dir, `sdg/sdg.${lang}.json`, sdgTexts)),
  ]);

  const sources: SourceRow[] = [
    source('open-sdg-translations', 'SDG goals, targets and indicators in six languages (Open SDG sdg-translations)', {
      repository: structure.source.repository,
      commit: structure.source.commit,
      path: (structure.source.paths ?? []).join(', '),
      licence: structure.source.licence,
      notes: structure.notes,
    }),
    source('gdc', 'Global Digital Compact (A/RES/79/1, annex I)', {
      documentSymbol: 'A/RES/79/1',
      address: gdc.source.officialAddress,
      repository: gdc.source.repository,
      commit: gdc.source.commit,
      path: gdc.source.path ?? null,
      licence: gdc.source.licence,
      notes: gdc.notes,
    }),
    source('pact', 'Pact for the Future (A/RES/79/1)', {
      documentSymbol: 'A/RES/79/1',
      address: pact.source.officialAddress,
      repository: pact.source.repository,
      commit: pact.source.commit,
      path: pact.source.path ?? null,
      licence: pact.source.licence,
      notes: pact.notes,
    }),
    source('wsis-action-lines', `WSIS action lines: ${wsis.document}`, {
      address: wsis.officialAddress,
      repository: wsis.source.repository,
      commit: wsis.source.commit,
      path: wsis.source.path ?? null,
      licence: wsis.source.licence,
      notes: wsis.notes,
    }),
    source('wsis-facilitators', 'WSIS action line facilitators (UN entities), with evidence per row', {
      licence: 'n/a (facts, each row cites its evidence)',
      notes: [facilitators.basis],
    }),
    source('wsis-sdg-matrix', 'WSIS-SDG Matrix (secondary copy from the ICT4SDG app)', {
      address: 'https://www.itu.int/net4/wsis/sdg/',
      repository: matrix.source.repository,
      commit: matrix.source.commit,
      path: matrix.source.path ?? null,
      licence: matrix.source.licence,
      notes: [matrix.officialDocument, ...matrix.notes],
    }),
  ];

  const sdg = readSdg(structure, sdgLangFiles, 'open-sdg-translations');
  const gdcRead = readGdc(gdc, gdcWsis, 'gdc');
  const pactRead = readPact(pact, 'pact');
  const wsisRead = readWsis(wsis, 'wsis-action-lines');

  const gdcTexts = new Map(gdcRead.texts.map((t) => [t.elementId, t.text ?? '']));
  const links = [
    ...sdg.links,
    ...readGdcSdgLinks(gdcSdg, gdcTexts, 'gdc', gdc.source.officialAddress),
    ...readMatrixLinks(matrix, 'wsis-sdg-matrix', 'https://www.itu.int/net4/wsis/sdg/'),
  ];

  const organizations: OrganizationRow[] = [];
  const facilitatorRows: FacilitatorRow[] = [];
  const orgFor = (shortName: string) => {
    const entity = unEntities[shortName];
    if (!entity) throw new Error(`reference data: facilitator ${shortName} is not a known UN entity`);
    if (!organizations.some((o) => o.id === entity.id)) {
      organizations.push({
        id: entity.id,
        name: entity.name,
        shortName,
        stakeholderType: 'un-entity',
        website: entity.website,
        sourceId: 'wsis-facilitators',
      });
    }
    return entity.id;
  };
  for (const row of facilitators.facilitators) {
    const roles = [
      ...row.lead.map((name) => ({ name, role: 'lead' as const })),
      ...row.coFacilitators.map((name) => ({ name, role: 'co-facilitator' as const })),
    ];
    for (const { name, role } of roles) {
      facilitatorRows.push({
        elementId: `wsis.${row.actionLine}`,
        organizationId: orgFor(name),
        role,
        confidence: row.confidence,
        evidence: row.evidence,
        note: row.note ?? null,
        sourceId: 'wsis-facilitators',
      });
    }
  }

  const frameworks: FrameworkRow[] = [
    { id: 'sdg', position: 1, title: 'Sustainable Development Goals', sourceId: 'open-sdg-translations', languages: [...languages] },
    { id: 'gdc', position: 2, title: gdc.title, sourceId: 'gdc', languages: ['en'] },
    { id: 'wsis', position: 3, title: wsis.framework, sourceId: 'wsis-action-lines', languages: ['en'] },
    { id: 'pact', position: 4, title: pact.framework, sourceId: 'pact', languages: ['en'] },
  ];

  const elements = [...sdg.elements, ...gdcRead.elements, ...wsisRead.elements, ...pactRead.elements];
  const known = new Set(elements.map((e) => e.id));
  for (const link of links) {
    if (!known.has(link.fromId) || !known.has(link.toId)) {
      throw new Error(`reference data: link ${link.fromId} -> ${link.toId} names an element that does not exist`);
    }
  }

  return {
    checksum: await checksumOf(dir),
    sources,
    frameworks,
    elements,
    texts: [...sdg.texts, ...gdcRead.texts, ...wsisRead.texts, ...pactRead.texts],
    links,
    organizations,
    facilitators: facilitatorRows,
  };
}
