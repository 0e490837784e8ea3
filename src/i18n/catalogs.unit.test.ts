// Every catalog carries every key, parses as ICU MessageFormat, uses the same arguments as
// English, and formats; the plural categories each language needs are there.
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalogs, messageKeys, translator } from './index.ts';
import { languages } from '../language/languages.ts';

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(e.value);
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

function pluralCategories(elements: MessageFormatElement[]): Set<string>[] {
  return elements.flatMap((e) => (e.type === TYPE.plural ? [new Set(Object.keys(e.options).filter((k) => !k.startsWith('=')))] : []));
}

const sample = {
  count: 3,
  n: 1,
  kind: 'activity',
  line: 'C5 Building confidence and security',
  title: 'Community networks',
  note: 'Which schools?',
  code: '9.c',
  language: 'English',
  shown: 'English',
  q: 'internet',
  year: '2030',
  who: 'data:gdc-sdg',
  row: 'Goal 9',
  column: 'Action line C2',
  rows: 'A',
  columns: 'B',
  links: 2,
  derived: 1,
  status: 500,
  max: 500,
  minutes: 5,
  seconds: 5,
  min: 10,
  name: 'Amina',
  date: '2026-01-01',
  link: 'https://example.org/x',
  id: 'gdc.11.b',
  state: 'draft',
  percent: 40,
  value: 600,
  metric: 'Schools connected',
  baseline: 200,
  target: 1000,
  unit: 'schools',
  detail: 'line 2',
  created: 1,
  updated: 2,
  unchanged: 3,
  pledges: 4,
  mb: 25,
  sheet: 'initiatives',
  similarity: 0.8,
  score: 1.5,
  words: 4,
  measure: 'initiatives',
  months: 12,
  total: 40,
  action: 'Action 13 (a)',
  objective: '3',
  areas: 2,
  elements: 3,
  file: 'A-RES-79-194.docx',
  reader: 'docx',
  provenance: 'concord ingest',
  number: 65,
  symbol: 'A/RES/70/125',
  changed: 2,
  added: 1,
  removed: 1,
  indicator: 'Individuals using the Internet',
  area: 'World',
  method: 'unsd-2022-cr',
  version: 'progress-chart-2022/1',
  source: 'wdi-internet-use-2025',
  published: 'Fair progress, acceleration needed',
  publishedYear: '2024',
  concord: 'On track',
  concordYear: '2023',
  from: 2015,
  to: 2024,
  records: 228,
  archived: 1,
  problems: 0,
  unmapped: 5,
  asOf: '2026-06-30',
  document: 'A/RES/80/173',
  paragraph: '122',
  reason: 'A reminder, not a request',
  group: 'United Nations system',
  members: 'ITU, UNESCO',
  names: 'Inter-Agency Working Group on Artificial Intelligence',
  overdue: 2,
};

describe('message catalogs', () => {
  for (const lang of languages) {
    describe(lang, () => {
      const catalog = catalogs[lang];
      it('has exactly the English keys', () => {
        expect(Object.keys(catalog).sort()).toEqual([...messageKeys].sort());
      });
      it('parses, uses the English arguments and formats', () => {
        for (const key of messageKeys) {
          const english = argumentsOf(parse(catalogs.en[key]!, { ignoreTag: true }));
          const message = catalog[key];
          expect(message, `${lang} ${key}`).toBeTypeOf('string');
          const ours = argumentsOf(parse(message!, { ignoreTag: true }));
          expect([...ours].sort(), `${lang} ${key}`).toEqual([...english].sort());
          expect(translator(lang)(key, sample), `${lang} ${key}`).not.toMatch(/\{[a-z]+\}/);
        }
      });
      it('gives every plural the categories the language needs', () => {
        // French and Spanish 'many' covers round millions ("1 000 000 de"); 'other' serves there.
        const needed = new Intl.PluralRules(lang)
          .resolvedOptions()
          .pluralCategories.filter((c) => !(c === 'many' && (lang === 'fr' || lang === 'es')));
        for (const key of messageKeys) {
          for (const categories of pluralCategories(parse(catalog[key]!, { ignoreTag: true }))) {
            for (const category of needed) expect(categories.has(category), `${lang} ${key} needs ${category}`).toBe(true);
            expect(categories.has('other'), `${lang} ${key} has other`).toBe(true);
          }
        }
      });
    });
  }

  it('formats plurals by the rules of each language', () => {
    expect(translator('en')('count.goal', { count: 1 })).toBe('1 goal');
    expect(translator('en')('count.goal', { count: 17 })).toBe('17 goals');
  });

  it('never shows a key: a key missing in a catalog falls back to English', () => {
    for (const lang of languages) expect(translator(lang)('nav.home')).not.toBe('nav.home');
  });
});
