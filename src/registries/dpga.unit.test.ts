// The DPGA registry as Concord reads it (src/registries/dpga.ts), on the shipped snapshot
// (data/registries/dpga: 228 products, 165 DPGs and 63 nominees; its SOURCES.md gives the figures).
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAreaCatalog } from '../areas/catalog.ts';
import { areaNameIndex, type AreaNameIndex } from '../areas/names.ts';
import { defaultDpgaDir, readDpgaRegistry } from './dpga.ts';
import type { RegistryRead } from './connector.ts';

let areaNames: AreaNameIndex;
let registry: RegistryRead;
beforeAll(async () => {
  areaNames = areaNameIndex(await loadAreaCatalog());
  registry = await readDpgaRegistry(defaultDpgaDir, areaNames);
});

describe('the DPGA registry', () => {
  it('reads every product with the figures its SOURCES.md gives', () => {
    const { records, problems } = registry;
    expect(problems).toEqual([]);
    expect(records).toHaveLength(228);
    expect(records.filter((r) => r.stage === 'DPG')).toHaveLength(165);
    expect(records.filter((r) => r.stage === 'nominee')).toHaveLength(63);
    expect(records.flatMap((r) => r.organizations)).toHaveLength(267);
    const links = records.flatMap((r) => r.links);
    expect(links.length).toBeLessThanOrEqual(574);
    expect(links.length).toBeGreaterThan(560);
    expect(links.every((l) => /^sdg\.(1[0-7]|[1-9])$/.test(l.elementId) && l.evidence.length >= 10)).toBe(true);
  });

  it('gives every record one lead, its source id and a link back to the source', () => {
    for (const record of registry.records) {
      expect(
        record.organizations.filter((o) => o.role === 'lead'),
        record.sourceId,
      ).toHaveLength(1);
      expect(record.url).toMatch(/^https:\/\/github\.com\/DPGAlliance\/publicgoods-candidates\/blob\/[0-9a-f]{40}\/nominees\/.+\.json$/);
      expect(record.texts[0]?.title.length).toBeGreaterThan(0);
    }
  });

  it('marks a DPG’s SDG links as reviewed at the source and a nominee’s as not', () => {
    const dpg = registry.records.find((r) => r.stage === 'DPG' && r.links.length > 0);
    const nominee = registry.records.find((r) => r.stage === 'nominee' && r.links.length > 0);
    expect(dpg?.links.every((l) => l.reviewedAtSource)).toBe(true);
    expect(nominee?.links.every((l) => !l.reviewedAtSource)).toBe(true);
  });

  it('keeps the owner’s evidence, and says so where the owner gave none', () => {
    const aajeevika = registry.records.find((r) => r.sourceId === 'aajeevika');
    expect(aajeevika?.organizations).toEqual([
      { name: 'United Nations Development Program( UNDP) India', website: 'https://www.in.undp.org/', role: 'lead', sourceRole: 'owner' },
    ]);
    expect(aajeevika?.links.map((l) => l.elementId)).toEqual(['sdg.1', 'sdg.8']);
    expect(aajeevika?.links[0]?.evidence).toContain('improve the outreach of the products being sold by rural women');
    const withoutText = registry.records.flatMap((r) => r.links).filter((l) => l.evidence.startsWith('Listed by its owner'));
    expect(withoutText.length).toBeGreaterThan(0);
  });

  it('maps deployment countries to M49 and notes the ones that are not M49 areas', () => {
    const kenya = registry.records.filter((r) => r.areas.includes('KEN'));
    expect(kenya.length).toBeGreaterThan(30);
    const notes = registry.records.flatMap((r) => r.notes);
    expect(notes.sort()).toEqual([
      ...Array<string>(2).fill('deployment country "Kosovo" is not an M49 area'),
      ...Array<string>(3).fill('deployment country "Taiwan" is not an M49 area'),
    ]);
  });

  it('a product without an owner is led by its maintainer, implementer or funder', () => {
    const aam = registry.records.find((r) => r.sourceId === 'aam-digital');
    expect(aam?.organizations[0]).toMatchObject({ role: 'lead', sourceRole: 'maintainer' });
  });

  it('reports a malformed file by its id and still reads the others', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'concord-dpga-'));
    try {
      await cp(defaultDpgaDir, dir, { recursive: true });
      await writeFile(path.join(dir, 'nominees', 'broken.json'), JSON.stringify({ name: '', SDGs: [{ SDGNumber: 19 }] }));
      const read = await readDpgaRegistry(dir, areaNames);
      expect(read.records).toHaveLength(228);
      expect(read.problems).toHaveLength(1);
      expect(read.problems[0]?.sourceId).toBe('broken');
      expect(read.problems[0]?.problems.join(' ')).toMatch(/name/);
      expect(read.problems[0]?.problems.join(' ')).toMatch(/SDGs\.0\.SDGNumber/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
