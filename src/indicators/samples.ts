// The sample series shipped in data/indicators (see its SOURCES.md): their sources with licences
// and attributions, the series they hold, and one function that reads them all.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AreaCatalog } from '../areas/catalog.ts';
import type { Direction, Limits } from './assessment.ts';
import type { Observation } from './observation.ts';
import { readOpenSdgCsv, readOpenSdgMeta, readOwidCsv, readWdiDdfCsv, type ReaderResult, type SkippedEntity } from './readers.ts';
import type { ImportIssue } from './validate.ts';

export const defaultIndicatorsDir = path.resolve(import.meta.dirname, '../../data/indicators');

/** Where observations come from: every datum keeps its source (PRODUCT.md, "Open"). */
export interface Source {
  id: string;
  title: string;
  publisher: string;
  /** The publisher's page for the data. */
  url: string;
  /** Where the shipped copy was taken from (repository, file, commit). */
  copiedFrom: string;
  licence: string;
  attribution: string;
  caveats: string[];
}

const wdiMirror =
  'https://github.com/open-numbers/ddf--world_bank--world_development_indicators @ 0f0d0962479dd72d29a3b725072fefa1da633c99';
const wdiAttribution = 'International Telecommunication Union (ITU) World Telecommunication/ICT Indicators Database, via World Bank WDI';
const owidAttribution = 'International Telecommunication Union (ITU), via World Bank – with minor processing by Our World in Data';

/** The sources of the shipped sample files (data/indicators/SOURCES.md "Provenance and licences"). */
export const sampleSources: Readonly<Record<string, Source>> = {
  'owid-internet-use-2025': {
    id: 'owid-internet-use-2025',
    title: 'Share of the population using the Internet (OWID variable 1008197, lastUpdated 2025-01-24)',
    publisher: 'Our World in Data; data ITU via World Bank',
    url: 'https://ourworldindata.org/grapher/share-of-individuals-using-the-internet',
    copiedFrom: 'https://github.com/sberkayuguz/dsa-210-project @ b1f6dbbfb4cc71391698bf57b5ff54bb8dd4033d (re-saved comma-separated)',
    licence: 'CC BY 4.0',
    attribution: `${owidAttribution} (2025)`,
    caveats: [
      'Zeros before the mid-1990s are ITU/WB conventions, not measurements.',
      'An earlier WDI release than the wdi-2025 files: do not mix releases in one chart.',
    ],
  },
  'wdi-internet-use-2025': {
    id: 'wdi-internet-use-2025',
    title: 'Individuals using the Internet, total, female and male (% of population): WDI IT.NET.USER.ZS, .FE.ZS, .MA.ZS',
    publisher: 'World Bank WDI; data ITU',
    url: 'https://data.worldbank.org/indicator/IT.NET.USER.ZS',
    copiedFrom: wdiMirror,
    licence: 'CC BY 4.0',
    attribution: wdiAttribution,
    caveats: [
      'Sex-disaggregated data come from household surveys: few years per country and series breaks.',
      'Aggregates for 2019-2024 are World Bank/ITU estimates. The total file holds the 33 World Bank aggregates only.',
      'LDC (ldc) and World (wld) are the World Bank’s aggregates, not Concord’s.',
    ],
  },
  'owid-mobile-subscriptions-2023': {
    id: 'owid-mobile-subscriptions-2023',
    title: 'Mobile cellular subscriptions (per 100 people): WDI IT.CEL.SETS.P2 via OWID',
    publisher: 'Our World in Data; data ITU via World Bank',
    url: 'https://ourworldindata.org/grapher/mobile-cellular-subscriptions-per-100-people',
    copiedFrom: 'https://github.com/samarthRathi/DVCW2 @ 9d93ca04ad2819b3e25c780c80557cc2ec2db936',
    licence: 'CC BY 4.0',
    attribution: owidAttribution,
    caveats: ['Runs to 2020.', 'Subscriptions are not people: values above 100 are normal.'],
  },
  'owid-fixed-broadband-2024': {
    id: 'owid-fixed-broadband-2024',
    title: 'Fixed broadband subscriptions (per 100 people): WDI IT.NET.BBND.P2 via OWID',
    publisher: 'Our World in Data; data ITU via World Bank',
    url: 'https://ourworldindata.org/grapher/broadband-penetration-by-country',
    copiedFrom: 'https://github.com/vicho-bece/internetusers-for-years @ c0ced5eee0e0fec833bd1ab9b762f89b206ec97f',
    licence: 'CC BY 4.0',
    attribution: owidAttribution,
    caveats: ['Runs to 2021.'],
  },
  'gb-ons-sdg-data': {
    id: 'gb-ons-sdg-data',
    title: 'UK Sustainable Development Goals data (Open SDG format): indicators 17.8.1, 5.b.1, 17.6.1, 9.c.1',
    publisher: 'Office for National Statistics (UK)',
    url: 'https://sdgdata.gov.uk',
    copiedFrom: 'https://github.com/ONSdigital/sdg-data @ b68b9d92341d106c2ce1535d6efe7cc0a30b322c',
    licence: 'Open Government Licence v3.0',
    attribution:
      'Contains public sector information licensed under the Open Government Licence v3.0 (Office for National Statistics, UK SDG data)',
    caveats: [
      '17.8.1 covers adults aged 16+, not ITU’s 15+.',
      '5.b.1 is mobile phone use (Ofcom Technology Tracker), not ownership in the ITU sense.',
      'Local-authority figures rest on small samples.',
    ],
  },
};

/** What Concord knows of each sample series: unit, desired direction, natural limits, SDG indicator. */
export interface SeriesInfo {
  name: string;
  unit: string;
  direction: Direction;
  limits: Limits;
  sdgIndicators: string[];
}

export const sampleSeries: Readonly<Record<string, SeriesInfo>> = {
  'IT.NET.USER.ZS': {
    name: 'Individuals using the Internet (% of population)',
    unit: 'PT',
    direction: 'increase',
    limits: { min: 0, max: 100 },
    sdgIndicators: ['17.8.1'],
  },
  'IT.CEL.SETS.P2': {
    name: 'Mobile cellular subscriptions (per 100 people)',
    unit: 'PER_100_POP',
    direction: 'increase',
    limits: { min: 0 },
    sdgIndicators: [],
  },
  'IT.NET.BBND.P2': {
    name: 'Fixed broadband subscriptions (per 100 people)',
    unit: 'PER_100_POP',
    direction: 'increase',
    limits: { min: 0 },
    sdgIndicators: ['17.6.1'],
  },
};

type SampleFile =
  | { file: string; layout: 'owid' | 'wdi-ddf'; series: string; source: string; dimensions?: Record<string, string> }
  | { file: string; layout: 'open-sdg'; indicator: string; area: string; source: string; meta: string };

/** Every shipped data file and how to read it. The WDI by-sex files are the SEX=F and SEX=M
 *  disaggregations of IT.NET.USER.ZS, so total, female and male sit in one series. */
export const sampleFiles: readonly SampleFile[] = [
  { file: 'global/internet-use-share.owid.csv', layout: 'owid', series: 'IT.NET.USER.ZS', source: 'owid-internet-use-2025' },
  { file: 'global/internet-use-total-aggregates.wdi.csv', layout: 'wdi-ddf', series: 'IT.NET.USER.ZS', source: 'wdi-internet-use-2025' },
  {
    file: 'global/internet-use-female.wdi.csv',
    layout: 'wdi-ddf',
    series: 'IT.NET.USER.ZS',
    source: 'wdi-internet-use-2025',
    dimensions: { SEX: 'F' },
  },
  {
    file: 'global/internet-use-male.wdi.csv',
    layout: 'wdi-ddf',
    series: 'IT.NET.USER.ZS',
    source: 'wdi-internet-use-2025',
    dimensions: { SEX: 'M' },
  },
  {
    file: 'global/mobile-cellular-subscriptions-per-100.owid.csv',
    layout: 'owid',
    series: 'IT.CEL.SETS.P2',
    source: 'owid-mobile-subscriptions-2023',
  },
  {
    file: 'global/fixed-broadband-subscriptions-per-100.owid.csv',
    layout: 'owid',
    series: 'IT.NET.BBND.P2',
    source: 'owid-fixed-broadband-2024',
  },
  ...['17-8-1', '5-b-1', '17-6-1', '9-c-1'].map((key) => ({
    file: `national/gb-ons/data/indicator_${key}.csv`,
    layout: 'open-sdg' as const,
    indicator: key.replaceAll('-', '.'),
    area: 'GBR',
    source: 'gb-ons-sdg-data',
    meta: `national/gb-ons/meta/${key}.md`,
  })),
];

export interface SampleLoad {
  observations: Observation[];
  sources: Source[];
  /** Per file: what could not be placed. */
  skipped: { file: string; entities: SkippedEntity[] }[];
  /** Open SDG metadata per indicator (front matter scalars). */
  metadata: Record<string, Record<string, string>>;
}

/**
 * Reads every sample file. Throws with the issues if a file does not validate (shipped data, so
 * that is a packaging bug); entities without a Concord area are listed in `skipped`.
 */
export async function loadSampleSeries(catalog: AreaCatalog, dir = defaultIndicatorsDir): Promise<SampleLoad> {
  const observations: Observation[] = [];
  const skipped: SampleLoad['skipped'] = [];
  const metadata: SampleLoad['metadata'] = {};
  for (const spec of sampleFiles) {
    const text = await readFile(path.join(dir, spec.file), 'utf8');
    let result: ReaderResult;
    switch (spec.layout) {
      case 'owid':
      case 'wdi-ddf': {
        const info = sampleSeries[spec.series];
        if (!info) throw new Error(`no series info for ${spec.series}`);
        const seriesSpec = { series: spec.series, unit: info.unit, source: spec.source, dimensions: spec.dimensions };
        result = spec.layout === 'owid' ? readOwidCsv(text, seriesSpec, catalog) : readWdiDdfCsv(text, seriesSpec, catalog);
        break;
      }
      case 'open-sdg':
        result = readOpenSdgCsv(text, spec, catalog);
        metadata[spec.indicator] = readOpenSdgMeta(await readFile(path.join(dir, spec.meta), 'utf8'));
        break;
    }
    if (!result.ok) throw new Error(`${spec.file}: ${result.issues.length} issue(s), first: ${describe(result.issues[0])}`);
    observations.push(...result.observations);
    if (result.skipped.length > 0) skipped.push({ file: spec.file, entities: result.skipped });
  }
  const used = new Set(sampleFiles.map((f) => f.source));
  return { observations, sources: Object.values(sampleSources).filter((s) => used.has(s.id)), skipped, metadata };
}

function describe(issue: ImportIssue | undefined): string {
  return issue ? `row ${issue.row}, ${issue.field}: ${issue.message}` : '';
}
