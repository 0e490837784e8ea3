// The indicator catalogue shipped in data/indicators/catalogue.json, validated with one zod schema:
// indicators with their texts and links to framework elements, the 2030 targets, their sources.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { languages } from '../language/languages.ts';
import { defaultIndicatorsDir } from './samples.ts';

const limits = z.object({ min: z.number().optional(), max: z.number().optional() }).strict();

export const catalogueSchema = z.object({
  about: z.string(),
  sources: z.array(
    z.object({ id: z.string(), title: z.string(), address: z.string(), licence: z.string(), notes: z.array(z.string()) }).strict(),
  ),
  indicators: z.array(
    z
      .object({
        code: z.string().min(1).max(120),
        kind: z.enum(['core', 'national', 'context']),
        unit: z.string().regex(/^[A-Z0-9_]+$/),
        direction: z.enum(['increase', 'decrease']),
        limits,
        sdgSeries: z.string().nullable(),
        disaggregations: z.array(z.string()),
        source: z.string(),
        licence: z.string(),
        names: z.record(z.enum(languages), z.string()).refine((n) => 'en' in n, 'an English name is required'),
        definition: z.string(),
        caveats: z.array(z.string()),
        elements: z.array(
          z
            .object({
              element: z.string().regex(/^(sdg|gdc|wsis|pact)\./),
              type: z.enum(['measures', 'proxy-for']),
              source: z.string(),
              rationale: z.string(),
            })
            .strict(),
        ),
      })
      .strict(),
  ),
  targets: z.array(
    z
      .object({
        id: z.string(),
        indicator: z.string(),
        area: z.string().nullable(),
        year: z.number().int().min(2000).max(2100),
        value: z.number(),
        source: z.string(),
        label: z.string(),
        caveats: z.array(z.string()),
      })
      .strict(),
  ),
  gapTargets: z.object({ about: z.string(), source: z.string() }).strict(),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueIndicator = Catalogue['indicators'][number];

export const cataloguePath = path.join(defaultIndicatorsDir, 'catalogue.json');

/** Reads and checks the catalogue: every source, indicator and target it names must exist in it. */
export async function loadCatalogue(file = cataloguePath): Promise<{ catalogue: Catalogue; text: string }> {
  const text = await readFile(file, 'utf8');
  const catalogue = catalogueSchema.parse(JSON.parse(text));
  const sourceIds = new Set(catalogue.sources.map((s) => s.id));
  const codes = new Set(catalogue.indicators.map((i) => i.code));
  for (const i of catalogue.indicators) {
    if (!sourceIds.has(i.source)) throw new Error(`${i.code}: unknown source ${i.source}`);
    for (const e of i.elements) if (!sourceIds.has(e.source)) throw new Error(`${i.code} → ${e.element}: unknown source ${e.source}`);
  }
  for (const t of catalogue.targets) {
    if (!codes.has(t.indicator)) throw new Error(`target ${t.id}: unknown indicator ${t.indicator}`);
    if (!sourceIds.has(t.source)) throw new Error(`target ${t.id}: unknown source ${t.source}`);
  }
  return { catalogue, text };
}
