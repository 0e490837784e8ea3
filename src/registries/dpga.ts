// The Digital Public Goods Alliance registry (data/registries/dpga, public domain: its SOURCES.md):
// one product per `nominees/<id>.json`, with the Alliance's screening answers in
// `screening/<id>.json` (deployment countries among them). Each product becomes a registry record:
// its owner leads, maintainers, funders and implementers are partners, its SDG goals are links with
// the owner's evidence, its deployment countries are M49 areas.
//
// What the Alliance's review means: a product at stage `DPG` passed the Alliance's review against
// the DPG Standard, whose first indicator is "relevance to the SDGs" with the owner's evidence;
// a `nominee` has applied and not (yet) passed. So a DPG's SDG links were reviewed at the source,
// a nominee's were not.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AreaNameIndex } from '../areas/names.ts';
import type { RecordProblem, RegistryRead, RegistryRecord, RegistrySource, SourceOrganization } from './connector.ts';

export const defaultDpgaDir = path.resolve(import.meta.dirname, '../../data/registries/dpga');

/** The snapshot shipped in data/registries/dpga: the source repository at this commit. */
const sourceCommit = 'a1d99f08b175143bb562f7377beefb1de41a6186';

export const dpgaSource: RegistrySource = {
  id: 'dpga',
  name: 'Digital Public Goods Alliance registry',
  licence: { name: 'The Unlicense (public domain)', url: 'https://unlicense.org/' },
  url: 'https://github.com/DPGAlliance/publicgoods-candidates',
};

const text = z.string().catch('');

/** The fields of a nominee file Concord reads (the source's nominee-schema.json has more). */
const nominee = z.object({
  name: z.string().trim().min(1),
  description: text,
  website: text,
  SDGs: z
    .array(z.object({ SDGNumber: z.number().int().min(1).max(17), evidenceText: text.optional(), evidenceURL: text.optional() }))
    .default([]),
  repositories: z.array(z.object({ name: text, url: text })).default([]),
  organizations: z.array(z.object({ name: z.string().trim().min(1), website: text.optional(), org_type: z.string() })).default([]),
  stage: z.string().default('nominee'),
});

const screening = z.object({
  locations: z
    .object({ deploymentCountries: z.array(z.string()).default([]) })
    .partial()
    .optional(),
});

type Nominee = z.infer<typeof nominee>;

// The lead is the owner; without one, whoever answers for the product next (the source has
// products listing only a maintainer, an implementer or a funder).
const leadPreference = ['owner', 'maintainer', 'implementer', 'funder'];
const partnerRole: Record<string, SourceOrganization['role']> = {
  owner: 'co-lead',
  maintainer: 'technical',
  implementer: 'implementing',
  funder: 'funding',
};

/**
 * Reads the registry folder into records, one per product, and the problems of the files it
 * could not read (each named, the others still read).
 *
 * @example
 * const { records } = await readDpgaRegistry(defaultDpgaDir, areaNameIndex(await areaCatalog()));
 * records.find((r) => r.sourceId === 'dhis2')?.areas.includes('KEN');
 */
export async function readDpgaRegistry(dir: string, areaNames: AreaNameIndex): Promise<RegistryRead> {
  const records: RegistryRecord[] = [];
  const problems: RecordProblem[] = [];
  const files = (await readdir(path.join(dir, 'nominees'))).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const sourceId = file.replace(/\.json$/, '');
    const parsed = nominee.safeParse(await readJson(path.join(dir, 'nominees', file)));
    if (!parsed.success) {
      problems.push({ sourceId, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`) });
      continue;
    }
    const countries = screening.safeParse(await readJson(path.join(dir, 'screening', file)).catch(() => ({})));
    const countryNames = countries.success ? (countries.data.locations?.deploymentCountries ?? []) : [];
    records.push(recordOf(sourceId, parsed.data, countryNames, areaNames));
  }
  return { source: dpgaSource, records, problems };
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
}

function recordOf(sourceId: string, product: Nominee, countryNames: string[], areaNames: AreaNameIndex): RegistryRecord {
  const notes: string[] = [];
  const areas = new Set<string>();
  for (const name of countryNames) {
    if (name.trim() === '') continue;
    const code = areaNames.find(name);
    if (code) areas.add(code);
    else notes.push(`deployment country "${name}" is not an M49 area`);
  }
  const reviewed = product.stage === 'DPG';
  const links = new Map<number, RegistryRecord['links'][number]>();
  for (const sdg of product.SDGs) {
    if (links.has(sdg.SDGNumber)) continue;
    const evidence = (sdg.evidenceText ?? '').trim();
    links.set(sdg.SDGNumber, {
      elementId: `sdg.${sdg.SDGNumber}`,
      type: 'contributes-to',
      evidence:
        evidence.length >= 10 ? evidence : `Listed by its owner under SDG ${sdg.SDGNumber} in the DPGA registry, without evidence text.`,
      address: webAddressOrNull(sdg.evidenceURL),
      reviewedAtSource: reviewed,
    });
  }
  const webLinks = [
    ...(webAddressOrNull(product.website) ? [{ url: product.website.trim(), label: null }] : []),
    ...product.repositories.flatMap((r) => (webAddressOrNull(r.url) ? [{ url: r.url.trim(), label: r.name.trim() || null }] : [])),
  ];
  return {
    sourceId,
    url: `${dpgaSource.url}/blob/${sourceCommit}/nominees/${sourceId}.json`,
    texts: [{ lang: 'en', title: product.name, description: product.description.trim() || product.name }],
    // The registry lists products in use; it records no end of activity.
    status: 'ongoing',
    // Nor dates or money: what the texts may say of them is not data.
    startDate: null,
    endDate: null,
    budget: null,
    money: [],
    organizations: organizationsOf(product),
    areas: [...areas].sort(),
    webLinks: webLinks.filter((link, i) => webLinks.findIndex((other) => other.url === link.url) === i),
    links: [...links.values()],
    stage: product.stage,
    notes,
  };
}

function organizationsOf(product: Nominee): SourceOrganization[] {
  const rank = (type: string) => {
    const at = leadPreference.indexOf(type);
    return at === -1 ? leadPreference.length : at;
  };
  const ordered = [...product.organizations].sort((a, b) => rank(a.org_type) - rank(b.org_type));
  return ordered.map((org, i) => ({
    name: org.name,
    website: webAddressOrNull(org.website),
    role: i === 0 ? 'lead' : (partnerRole[org.org_type] ?? 'other'),
    sourceRole: org.org_type,
  }));
}

function webAddressOrNull(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return null;
  try {
    new URL(trimmed);
    return trimmed;
  } catch {
    return null;
  }
}
