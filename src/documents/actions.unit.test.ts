// Requested actions: verb, addressees and deadline of known operative paragraphs.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsIn, extractActions, findDeadline } from './actions.ts';
import { readDocument } from './read.ts';

const seeds = path.resolve(import.meta.dirname, '../../data/documents/seeds');

describe('actions of A/RES/79/194 (seed 001, English)', async () => {
  const rows = extractActions(await readDocument(path.join(seeds, '001_b2b2b425cb4da82d.txt')));
  const of = (n: string) =>
    rows.filter((r) => r.paragraph === n).map((r) => ({ verb: r.verb, addressees: r.addressees, deadline: r.deadline }));

  it('gives one row per operative paragraph at least, with the English verb label', () => {
    expect(new Set(rows.map((r) => r.paragraph)).size).toBe(69);
    expect(rows.find((r) => r.paragraph === '1')).toMatchObject({ verb: 'recognizes', directive: false, addressees: [] });
  });

  it('paragraph 67: requests the Secretary-General, by the eightieth session', () => {
    expect(of('67')).toEqual([
      { verb: 'requests', addressees: ['Secretary-General'], deadline: { text: 'at its eightieth session', session: 80, year: null } },
    ]);
  });

  it('paragraph 65: calls upon Member States and invites other stakeholders', () => {
    expect(of('65').map((a) => [a.verb, a.addressees])).toEqual([
      ['calls upon', ['Member States']],
      ['invites', ['other stakeholders']],
    ]);
  });

  it('paragraph 14: "requests it" is the Commission on Science and Technology for Development', () => {
    expect(of('14').map((a) => [a.verb, a.addressees])).toEqual([
      ['recognizes', []],
      ['requests', ['CSTD']],
    ]);
  });
});

describe('actions of A/RES/80/173 (seed 004, Arabic outcome document)', async () => {
  const rows = extractActions(await readDocument(path.join(seeds, '004_d358089ea9b32d0d.txt')));
  const directive = (n: string) => rows.filter((r) => r.paragraph === n && r.part === 'outcome_1' && r.directive);

  it('paragraph 113: requests the action-line facilitators to report to the CSTD at its thirtieth session', () => {
    expect(directive('113')).toEqual([
      expect.objectContaining({
        verb: 'requests',
        addressees: ['action-line facilitators'],
        deadline: expect.objectContaining({ session: 30 }) as unknown,
      }),
    ]);
  });

  it('paragraph 117: requests the Partnership on Measuring ICT for Development, at the thirtieth session, in 2027', () => {
    expect(directive('117')[0]).toMatchObject({
      verb: 'requests',
      addressees: ['Partnership on Measuring ICT for Development'],
      deadline: { session: 30, year: 2027 },
    });
  });

  it('paragraph 122: requests UNGIS (a joint WSIS–GDC roadmap) for 2026', () => {
    expect(directive('122')[0]).toMatchObject({ verb: 'requests', addressees: ['UNGIS'], deadline: { year: 2026 } });
  });

  it('paragraph 124: requests the Secretary-General, then the CSTD and ECOSOC', () => {
    expect(directive('124').map((r) => r.addressees)).toEqual([['Secretary-General'], ['CSTD', 'ECOSOC']]);
  });

  it('paragraph 67: invites ITU (not UNGIS, which ITU serves as secretariat)', () => {
    expect(directive('67')[0]).toMatchObject({ verb: 'invites', addressees: ['ITU'] });
  });
});

describe('actionsIn and findDeadline in the other languages', () => {
  it('reads French, Spanish, Russian and Chinese operative verbs and addressees', () => {
    expect(actionsIn('Prie le Secrétaire général de lui présenter à sa quatre-vingt-unième session un rapport', 'fr')[0]).toMatchObject({
      verb: 'requests',
      addressees: ['Secretary-General'],
    });
    expect(actionsIn('Exhorta a los Estados Miembros a que cierren la brecha digital para 2030', 'es')[0]).toMatchObject({
      verb: 'calls upon',
      addressees: ['Member States'],
      deadline: { year: 2030 },
    });
    expect(actionsIn('просит Генерального секретаря представить доклад к 2027 году', 'ru')[0]).toMatchObject({
      verb: 'requests',
      addressees: ['Secretary-General'],
      deadline: { year: 2027 },
    });
    expect(actionsIn('请秘书长在第八十一届会议上提交报告', 'zh')[0]).toMatchObject({
      verb: 'requests',
      addressees: ['Secretary-General'],
      deadline: { session: 81 },
    });
  });

  it('finds session and year deadlines, and ignores past years', () => {
    expect(findDeadline('to the Commission at its thirtieth session, in 2027', 'en')).toEqual({
      text: 'at its thirtieth session, in 2027',
      session: 30,
      year: 2027,
    });
    expect(findDeadline('universal connectivity by 2030', 'en')).toMatchObject({ year: 2030 });
    expect(findDeadline('the meeting held in Kyoto in 2023', 'en', 2024)).toBeNull();
    expect(findDeadline('بحلول عام 2030', 'ar')).toMatchObject({ year: 2030 });
  });
});
