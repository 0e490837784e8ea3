// Requested actions: verb, actors, object and deadline of real operative paragraphs, in the six
// languages. English excerpts are the texts of A/RES/79/194 and A/RES/80/173 as the repository
// ships them (data/documents/A_RES_79_194.en.txt, A_RES_80_173.en.txt), one paragraph a string.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsIn, extractActions } from './actions.ts';
import { actorName, findActors } from './actors.ts';
import { findDeadline, generalAssemblySession } from './deadlines.ts';
import { frenchOrdinal, russianOrdinal, spanishOrdinal } from './lexicon.ts';
import { documentOfBlocks, type Block, type UNDocument } from './model.ts';
import { readDocument } from './read.ts';

const seeds = path.resolve(import.meta.dirname, '../../data/documents/seeds');

/** Verb label, actor ids, object and deadline of each action, for compact expectations. */
const summary = (text: string, lang: Parameters<typeof actionsIn>[1] = 'en') =>
  actionsIn(text, lang, { organ: 'GA', notBefore: 2024 }).map((a) => ({
    verb: a.verb,
    actors: a.actors.map((x) => x.id ?? `?${x.text}`),
    object: a.object,
    deadline: a.deadline,
  }));

// A/RES/80/173 (the WSIS+20 outcome document), English.
const P67 =
  'We invite the International Telecommunication Union, as the secretariat of the United Nations Group on the Information Society, working with the World Summit action line facilitators and other members of the Group, within existing resources, to establish an internal task force to conduct an assessment of gaps and challenges and to submit concrete recommendations on strengthening financial mechanisms.';
const P86 =
  'We call upon the Inter-Agency Working Group on Artificial Intelligence, in consultation with the action line facilitators, to map existing United Nations system-wide capacity-building initiatives, identify potential gaps and address them, inter alia, through establishing an artificial intelligence capacity-building fellowship for government officials and research programmes, leveraging existing United Nations system-wide capacities, with a particular focus on developing countries, and to report thereon at the inaugural Global Dialogue on Artificial Intelligence Governance, in 2026.';
const P113 =
  'We request the action line facilitators, in coordination with the United Nations Group on the Information Society, to develop targeted and result-oriented implementation road maps for their respective action lines and the outcomes of the present resolution, linking the World Summit action lines with relevant Sustainable Development Goal targets and Global Digital Compact commitments, including potential targets, indicators and metrics to facilitate monitoring and measurement, and to report on the outcomes of this work to the Commission on Science and Technology for Development at its thirtieth session, in 2027.';
const P122 =
  'We note the World Summit process and 2030 Agenda–Global Digital Compact matrix, prepared by the United Nations Group on the Information Society, which maps the objectives and commitments of the Global Digital Compact to existing World Summit structures, mechanisms and activities, providing a structured approach for effective follow-up and implementation. Building on this work and consistent with the recommendations of the Economic and Social Council, we request the United Nations Group on the Information Society, within existing mandates and resources, to prepare a joint implementation road map, to be presented for the consideration of the Commission on Science and Technology for Development at its twenty-ninth session, in 2026. The road map should aim to strengthen coherence between the World Summit and the Global Digital Compact, ensuring a unified, resource-efficient approach to digital cooperation that avoids duplication and maximizes synergies across the United Nations system.';
const P124 =
  'We request the Secretary-General to submit, through the Commission on Science and Technology for Development, a biennial report on progress in the implementation of and follow-up to the outcomes of the World Summit on the Information Society, incorporating updates on the recommendations contained in the present resolution, and request that the Commission on Science and Technology for Development and the Economic and Social Council consider the report in line with this biennial cycle.';
const P126 =
  'We recall that the General Assembly determined, in its resolution 70/125, that the outcome of its 20-year review of the World Summit on the Information Society should be an input into the review process for the 2030 Agenda for Sustainable Development. We therefore resolve to submit the present resolution as an input to the high-level meeting to review the 2030 Agenda, which is to be convened by the General Assembly in 2030. We call upon the General Assembly to take into account the outcomes of the joint implementation road map.';

// A/RES/79/194 (ICT for sustainable development), English.
const R15 =
  'Encourages countries to take advantage of capacity-building mechanisms and opportunities from the entire United Nations system and from Member States, and urges the international community to provide necessary resources to support such efforts;';
const R16 =
  'Urges a continued focus on maximizing development gains from e-commerce, through initiatives such as eTrade for All and the e-trade readiness assessments tool, launched by the United Nations Conference on Trade and Development, with a focus on providing technical assistance and building capacity for adopting and scaling e-commerce;';
const R67 =
  'Requests the Secretary-General to submit to the General Assembly at its eightieth session a report on the implementation of the present resolution, and decides to include in the provisional agenda of its eightieth session, under the item entitled “Information and communications technologies for sustainable development”, the sub-item entitled “Information and communications technologies for sustainable development”.';

describe('A/RES/80/173: who is asked to do what by when', () => {
  it('paragraph 67 invites ITU alone (UNGIS and the facilitators only qualify it), to establish a task force', () => {
    expect(summary(P67)).toEqual([
      expect.objectContaining({
        verb: 'invites',
        actors: ['un.itu'],
        object: expect.stringMatching(/^to establish an internal task force/) as unknown,
      }),
    ]);
  });

  it('paragraph 86 calls upon the Inter-Agency Working Group on AI, to report in 2026', () => {
    const [a] = summary(P86);
    expect(a).toMatchObject({
      verb: 'calls upon',
      actors: ['body.iawg-ai'],
      deadline: { from: '2026-01-01', to: '2026-12-31', text: 'in 2026' },
    });
    expect(a?.object).toMatch(/^to map existing United Nations system-wide capacity-building initiatives/);
  });

  it('paragraph 113 requests the action-line facilitators, reporting to the CSTD at its thirtieth session, in 2027', () => {
    expect(summary(P113)).toEqual([
      expect.objectContaining({
        verb: 'requests',
        actors: ['group.action-line-facilitators'],
        deadline: expect.objectContaining({ from: '2027-01-01', to: '2027-12-31', session: 30, year: 2027 }) as unknown,
      }),
    ]);
  });

  it('paragraph 122: notes, then (mid-sentence, first person) requests UNGIS to prepare a joint road map, in 2026', () => {
    const actions = summary(P122);
    expect(actions.map((a) => [a.verb, a.actors])).toEqual([
      ['notes', []],
      ['requests', ['body.ungis']],
    ]);
    expect(actions[1]?.object).toMatch(
      /^to prepare a joint implementation road map, to be presented for the consideration of the Commission/,
    );
    expect(actions[1]?.deadline).toMatchObject({ text: 'at its twenty-ninth session, in 2026', from: '2026-01-01', to: '2026-12-31' });
  });

  it('paragraph 124: the Secretary-General reports biennially; then "request that" the CSTD and ECOSOC consider it', () => {
    const actions = summary(P124);
    expect(actions.map((a) => [a.verb, a.actors])).toEqual([
      ['requests', ['office.secretary-general']],
      ['requests', ['body.cstd', 'body.ecosoc']],
    ]);
    expect(actions[0]?.deadline).toMatchObject({ recurrence: 'P2Y' });
    expect(actions[1]?.object).toBe('consider the report in line with this biennial cycle');
  });

  it('paragraph 126: several actions in one paragraph; "we resolve" is the Assembly itself', () => {
    expect(summary(P126).map((a) => [a.verb, a.actors])).toEqual([
      ['recalls', []],
      ['resolves', ['body.general-assembly']],
      ['calls upon', ['body.general-assembly']],
    ]);
  });
});

describe('A/RES/79/194: the object of a verb is never its actor', () => {
  it('paragraph 16: "Urges a continued focus…" asks nobody in particular; the focus is the object', () => {
    expect(summary(R16)).toEqual([
      {
        verb: 'urges',
        actors: [],
        object: expect.stringMatching(/^a continued focus on maximizing development gains from e-commerce/) as unknown,
        deadline: null,
      },
    ]);
  });

  it('paragraph 15: encourages countries, and urges the international community', () => {
    expect(summary(R15).map((a) => [a.verb, a.actors, a.object])).toEqual([
      ['encourages', ['group.member-states'], expect.stringMatching(/^to take advantage of capacity-building mechanisms/)],
      ['urges', ['group.international-community'], 'to provide necessary resources to support such efforts'],
    ]);
  });

  it('paragraph 67: requests the Secretary-General, for the eightieth session (September 2025 to September 2026), and decides', () => {
    const actions = summary(R67);
    expect(actions[0]).toMatchObject({
      verb: 'requests',
      actors: ['office.secretary-general'],
      object: expect.stringMatching(/^to submit to the General Assembly at its eightieth session a report/) as unknown,
      deadline: { text: 'at its eightieth session', from: '2025-09-01', to: '2026-09-30', session: 80 },
    });
    expect(actions[1]).toMatchObject({ verb: 'decides', actors: ['body.general-assembly'] });
  });

  it('the seed (Markdown) gives every operative paragraph an action, sub-paragraphs carrying their chapeau', async () => {
    const rows = extractActions(await readDocument(path.join(seeds, '001_b2b2b425cb4da82d.txt')));
    const numbered = new Set(rows.filter((r) => /^\d+$/.test(r.paragraph ?? '')).map((r) => r.paragraph));
    expect(numbered.size).toBe(69);
    const p16 = rows.find((r) => r.paragraph === '16');
    expect(p16).toMatchObject({ verb: 'urges', actors: [] });
    expect(p16?.object).toMatch(/^a continued focus/);
    // No row anywhere takes its object for its actor.
    for (const r of rows)
      for (const a of r.actors) expect(r.object.startsWith(a.text) && a.text.length > 30, `${r.paragraph}: ${a.text}`).toBe(false);
  });
});

describe('first person, passives and the other languages', () => {
  it('reads a passive: the subject is asked', () => {
    expect(summary('States are strongly urged to refrain from promulgating and applying any unilateral economic measures;')).toEqual([
      expect.objectContaining({
        verb: 'urges',
        actors: ['group.member-states'],
        object: 'to refrain from promulgating and applying any unilateral economic measures',
      }),
    ]);
  });

  it('reads "we accordingly request" and "and we invite" in one sentence', () => {
    expect(
      summary(
        'We accordingly request the Secretary-General to report in 2027, and we invite the private sector and civil society to contribute.',
      ).map((a) => [a.verb, a.actors]),
    ).toEqual([
      ['requests', ['office.secretary-general']],
      ['invites', ['group.private-sector', 'group.civil-society']],
    ]);
  });

  it('reads French, Spanish, Russian, Chinese and Arabic verbs, actors and deadlines', () => {
    expect(summary('Prie le Secrétaire général de lui présenter à sa quatre-vingt-unième session un rapport', 'fr')[0]).toMatchObject({
      verb: 'requests',
      actors: ['office.secretary-general'],
      deadline: { from: '2026-09-01', session: 81 },
    });
    expect(
      summary('Invite la Commission de la science et de la technique au service du développement à examiner la question en 2027', 'fr')[0],
    ).toMatchObject({
      verb: 'invites',
      actors: ['body.cstd'],
      object: 'à examiner la question en 2027',
    });
    expect(summary('Exhorta a los Estados Miembros a que cierren la brecha digital para 2030', 'es')[0]).toMatchObject({
      verb: 'calls upon',
      actors: ['group.member-states'],
      deadline: { to: '2030-12-31', from: null },
    });
    expect(
      summary('просит Генерального секретаря представить доклад Генеральной Ассамблее на ее восемьдесят первой сессии', 'ru')[0],
    ).toMatchObject({
      verb: 'requests',
      actors: ['office.secretary-general'],
      deadline: { session: 81, from: '2026-09-01' },
    });
    expect(summary('请秘书长在第八十一届会议上提交报告', 'zh')[0]).toMatchObject({
      verb: 'requests',
      actors: ['office.secretary-general'],
      deadline: { session: 81 },
    });
    expect(summary('نطلب إلى الأمين العام أن يقدم تقريرا بحلول عام 2030', 'ar')[0]).toMatchObject({
      verb: 'requests',
      actors: ['office.secretary-general'],
      deadline: { to: '2030-12-31' },
    });
  });
});

describe('A/RES/80/173 in Arabic (seed 004)', async () => {
  const rows = extractActions(await readDocument(path.join(seeds, '004_d358089ea9b32d0d.txt')));
  const directive = (n: string) => rows.filter((r) => r.paragraph === n && r.part === 'outcome_1' && r.directive);

  it('paragraph 113: requests the action-line facilitators, at the thirtieth session', () => {
    expect(directive('113')[0]).toMatchObject({
      verb: 'requests',
      actors: [expect.objectContaining({ id: 'group.action-line-facilitators' })],
    });
    expect(directive('113')[0]?.deadline).toMatchObject({ session: 30 });
  });

  it('paragraph 122: requests UNGIS, in 2026', () => {
    expect(directive('122')[0]).toMatchObject({
      verb: 'requests',
      actors: [expect.objectContaining({ id: 'body.ungis' })],
      deadline: { year: 2026 },
    });
  });
});

describe('the actor catalogue and deadline normalisation', () => {
  it('merges names and acronyms in the six languages into one actor, named in the reader’s language', () => {
    const cstd = [
      ['the Commission on Science and Technology for Development', 'en'],
      ['the CSTD', 'en'],
      ['la Commission de la science et de la technique au service du développement', 'fr'],
      ['la Comisión de Ciencia y Tecnología para el Desarrollo', 'es'],
      ['Комиссии по науке и технике в целях развития', 'ru'],
      ['科学和技术促进发展委员会', 'zh'],
      ['لجنة تسخير العلم والتكنولوجيا لأغراض التنمية', 'ar'],
    ] as const;
    for (const [text, lang] of cstd)
      expect(
        findActors(text, lang).map((m) => m.id),
        text,
      ).toEqual(['body.cstd']);
    expect(actorName('body.cstd', 'fr')).toBe('Commission de la science et de la technique au service du développement');
    expect(findActors('the President of the General Assembly', 'en').map((m) => m.id)).toEqual(['office.president-general-assembly']);
  });

  it('turns sessions, years and recurrences into ranges', () => {
    expect(generalAssemblySession(82)).toEqual({ from: '2027-09-01', to: '2028-09-30' });
    expect(findDeadline('to the General Assembly at its eighty-second session', 'en')).toMatchObject({
      from: '2027-09-01',
      to: '2028-09-30',
      session: 82,
    });
    expect(findDeadline('universal connectivity by 2030', 'en')).toMatchObject({ from: null, to: '2030-12-31', text: 'by 2030' });
    expect(findDeadline('a report by June 2026', 'en')).toMatchObject({ to: '2026-06-30' });
    expect(findDeadline('the meeting held in Kyoto in 2023', 'en', { notBefore: 2024 })).toBeNull();
    expect(findDeadline('to report biennially', 'en')).toMatchObject({ recurrence: 'P2Y', from: null, to: null });
    expect(findDeadline('بحلول عام 2030', 'ar')).toMatchObject({ to: '2030-12-31' });
    expect([frenchOrdinal('quatre-vingt-unième'), frenchOrdinal('soixante-dix-neuvième'), frenchOrdinal('vingt et unième')]).toEqual([
      81, 79, 21,
    ]);
    expect([spanishOrdinal('octogésimo primer'), russianOrdinal('восемьдесят первой'), russianOrdinal('тридцатой')]).toEqual([81, 81, 30]);
  });
});

// Short excerpts of resolutions in the annotated corpus (official English texts), one rule each.
/** A resolution of operative paragraphs and their items, as an ingest builds it. */
function resolutionOf(symbol: string, paragraphs: [number: string, text: string, parent?: string][]): UNDocument {
  const blocks: Block[] = paragraphs.map(([number, text, parent]) => ({
    id: `b${number}`,
    kind: parent ? 'subparagraph' : 'operative',
    number,
    text,
    part: 'main',
    parent: parent ? `b${parent}` : null,
    heading: null,
    level: parent ? 1 : 0,
    footnotes: [],
  }));
  return documentOfBlocks(symbol, blocks, { organ: symbol.startsWith('E/') ? 'ECOSOC' : 'GA', date: '2024-12-31' });
}

const rowsOf = (doc: UNDocument) =>
  extractActions(doc).map((a) => ({ paragraph: a.paragraph, verb: a.verb, actors: a.actors.map((x) => x.id ?? `?${x.text}`) }));

describe('actor lists and what is not an actor', () => {
  it('goes on through "such as" (A/RES/79/233) and "the executive heads of" (E/RES/2024/3)', () => {
    const [urge] = summary(
      'We urge international organizations such as the United Nations, the World Bank Group, the International Monetary Fund and regional development banks to increase support, including financial and technical assistance, for landlocked developing countries;',
    );
    expect(urge?.actors).toEqual([
      'group.international-organizations',
      'group.un-system',
      'un.world-bank',
      'un.imf',
      'group.financial-institutions',
    ]);
    expect(urge?.object).toMatch(/^to increase support/);
    const [request] = summary(
      'Requests the Secretary-General and the executive heads of the organizations of the United Nations system to ensure that recruitment strategies, promotion and retention policies are gender-responsive;',
    );
    expect(request?.actors).toEqual(['office.secretary-general', 'group.un-system']);
    // A modifier still ends the list: ITU alone is invited in A/RES/80/173, paragraph 67.
    expect(summary(P67)[0]?.actors).toEqual(['un.itu']);
  });

  it('reads "parties to conflict" as the actor, not "to conflict" as the infinitive (S/RES/2467(2019))', () => {
    const [call] = summary(
      'Calls upon parties to conflict to ensure that ceasefire and peace agreements contain provisions that stipulate sexual violence in conflict and post-conflict situations as a prohibited act;',
    );
    expect(call).toMatchObject({ verb: 'calls upon', actors: ['group.parties-to-conflict'] });
    expect(call?.object).toMatch(/^to ensure that ceasefire/);
    expect(findActors('all parties to armed conflict', 'en').map((m) => m.id)).toEqual(['group.parties-to-conflict']);
  });

  it('never takes the object for an actor: "Encourages innovative practices that … to develop" (A/RES/74/115)', () => {
    const [encourage] = summary(
      'Encourages innovative practices that draw on the knowledge of people affected by natural disasters to develop locally sustainable solutions and to produce life-saving items locally;',
    );
    expect(encourage).toMatchObject({ verb: 'encourages', actors: [] });
    // A body named by its title is an actor even when its name ends like an abstract noun (A/RES/79/144).
    expect(
      summary(
        'Encourages the Authority to continue its work towards the standardization of marine bathymetric information collected in the Area;',
      )[0]?.actors,
    ).toEqual(['?Authority']);
  });

  it('knows the envoys, the special procedures, OHRLLS by its short name, UNOCT, IMO, CSW and donors', () => {
    const ids = (text: string) => findActors(text, 'en').map((m) => m.id);
    expect(ids('the Special Representative of the Secretary-General for Children and Armed Conflict')).toEqual([
      'office.special-representatives',
    ]);
    expect(ids('Special Envoys')).toEqual(['office.special-representatives']);
    expect(ids('the Special Rapporteur on the rights of persons with disabilities')).toEqual(['body.special-procedures']);
    expect(ids('The Office of the High Representative will continue to monitor')).toEqual(['un.ohrlls']);
    expect(ids('the Office of Counter-Terrorism and the International Maritime Organization')).toEqual(['un.unoct', 'un.imo']);
    expect(ids('the Commission on the Status of Women')).toEqual(['body.csw']);
    expect(ids('donor agencies')).toEqual(['group.development-partners']);
    // The end of a compound is not the name (A/RES/64/289): the Under-Secretary-General is not the Secretary-General.
    expect(ids('That the Under-Secretary-General/head of the Entity shall report to the Secretary-General')).toEqual([
      'office.secretary-general',
    ]);
    expect(findActors('the Under-Secretary-General', 'en')).toEqual([]);
  });
});

describe('requests read from passives, recalled requests and duties', () => {
  it('reads a passive inside a that-clause (A/RES/79/196) and a passive before an aside (A/RES/69/283)', () => {
    const [, urged] = summary(
      'Reiterates that States are strongly urged to refrain from promulgating and applying any unilateral economic, financial or trade measures not in accordance with international law;',
    );
    expect(urged).toMatchObject({ verb: 'urges', actors: ['group.member-states'] });
    const [requested] = summary(
      'The United Nations and other international and regional organizations, international and regional financial institutions and donor agencies engaged in disaster risk reduction are requested, as appropriate, to enhance the coordination of their strategies in this regard;',
    );
    expect(requested?.verb).toBe('requests');
    expect(requested?.actors).toEqual(
      expect.arrayContaining([
        'group.un-system',
        'group.international-organizations',
        'group.financial-institutions',
        'group.development-partners',
      ]),
    );
  });

  it('names who a recalled or reiterated request was made to (A/RES/79/228, A/RES/79/197)', () => {
    expect(
      summary(
        'Recalls the request to the Secretary-General, in this regard, as appropriate, in collaboration with the funds and programmes, to disclose the partners, contributions and matching funds for all relevant partnerships;',
      )[0],
    ).toMatchObject({ verb: 'recalls', actors: ['office.secretary-general'] });
    expect(
      summary(
        'Reiterates the invitation to the President of the General Assembly and the Secretary-General to give appropriate consideration to the central role of maintaining the financial and macroeconomic stability of developing countries;',
      )[0]?.actors,
    ).toEqual(['office.president-general-assembly', 'office.secretary-general']);
  });

  it('reads "Appropriates" as a decision of the Assembly (A/RES/76/246/B)', () => {
    expect(
      summary(
        'Appropriates an additional amount of 2,232,600 dollars under section 24, Human rights, of the programme budget for 2022, representing a charge against the contingency fund;',
      )[0],
    ).toMatchObject({ verb: 'appropriates', actors: ['body.general-assembly'] });
  });

  it('reads the duty a "shall/should" sentence lays on a named actor, and passes it to the tasks listed (A/RES/75/212, A/RES/79/233)', () => {
    expect(
      summary(
        'The Secretary-General of the United Nations or a designated representative shall direct the staff required by the Conference.',
      ),
    ).toEqual([
      expect.objectContaining({
        verb: 'shall',
        actors: ['office.secretary-general'],
        object: 'direct the staff required by the Conference',
      }),
    ]);
    // What is done, or a thing that is not an actor, lays no duty.
    expect(summary('Proposals and substantive amendments shall normally be submitted in writing to the Secretary-General.')).toEqual([]);
    expect(summary('The Economic and Social Council cycle will continue to run from July to July.')).toEqual([]);
    const doc = resolutionOf('A/RES/79/233', [
      [
        '354',
        'The Office of the High Representative for the Least Developed Countries, Landlocked Developing Countries and Small Island Developing States should strengthen its functions to undertake the following:',
      ],
      ['b', 'Assist in mobilizing international support and resources for the implementation of the Programme of Action;', '354'],
    ]);
    expect(rowsOf(doc)).toEqual([
      { paragraph: '354', verb: 'should', actors: ['un.ohrlls'] },
      { paragraph: 'b', verb: 'should', actors: ['un.ohrlls'] },
    ]);
    // Items that list who (A/RES/60/1: the members of the Peacebuilding Commission) carry no duty.
    const members = resolutionOf('A/RES/60/1', [
      ['98', 'The Peacebuilding Commission should include the following in its country-specific meetings:'],
      ['a', 'The country under consideration;', '98'],
    ]);
    expect(rowsOf(members)).toEqual([{ paragraph: '98', verb: 'should', actors: ['body.peacebuilding-commission'] }]);
  });

  it('passes the duties of "The secretariat of the Conference shall, …:" to its items, not the duty of the rule before (A/RES/78/128)', () => {
    const doc = resolutionOf('A/RES/78/128', [
      [
        '2',
        'The Secretary-General of the United Nations or a designated representative shall direct the staff required by the Conference.',
      ],
      ['15', 'The secretariat of the Conference shall, in accordance with the present rules:'],
      ['a', 'Provide simultaneous interpretation of speeches made at meetings;', '15'],
    ]);
    expect(rowsOf(doc)).toEqual([
      { paragraph: '2', verb: 'shall', actors: ['office.secretary-general'] },
      { paragraph: '15', verb: 'shall', actors: ['?secretariat of the Conference'] },
      { paragraph: 'a', verb: 'shall', actors: ['?secretariat of the Conference'] },
    ]);
  });

  it('reads a duty in a later sentence with no verb of its own (A/RES/79/233, A/RES/60/1)', () => {
    const actions = summary(
      'We note that inclusive regional processes will draw on national reviews and contribute to follow-up and review at the global level. The relevant United Nations regional commissions and agencies should continue to ensure that the needs and challenges of landlocked developing countries are addressed as part of their ongoing work.',
    );
    expect(actions.map((a) => a.verb)).toEqual(['notes', 'should']);
    expect(actions[1]?.actors).toEqual(['group.un-system', 'body.regional-commissions']);
    expect(
      summary(
        'We emphasize the obligation of States to settle their disputes by peaceful means in accordance with Chapter VI of the Charter. All States should act in accordance with the Declaration on Principles of International Law concerning Friendly Relations.',
      )[1],
    ).toMatchObject({ verb: 'should', actors: ['group.member-states'] });
  });

  it('reads "We aim to …" as the Assembly’s own undertaking (A/RES/79/233); "The Conference will include" lays no duty (A/RES/75/212)', () => {
    expect(
      summary(
        'We aim to provide financial and technical support to landlocked developing countries to assist them in their objective to double the per capita generation of electricity by 2030.',
      )[0],
    ).toMatchObject({ verb: 'commits', actors: ['body.general-assembly'] });
    expect(
      summary('The Conference will include five interactive dialogues, to be held in parallel with the plenary meetings, as follows:'),
    ).toEqual([]);
  });
});

describe('a second infinitive is what is asked, not a new verb', () => {
  it('"urge all countries … to make concerted efforts and adopt speedy measures" asks them both (A/RES/60/1)', () => {
    const actions = summary(
      'We reaffirm our commitment to address the special needs of the least developed countries and urge all countries and all relevant organizations of the United Nations system, including the Bretton Woods institutions, to make concerted efforts and adopt speedy measures for meeting in a timely manner the development goals.',
    );
    // The Assembly adopts nothing here; "urge" itself, after the infinitive "to address", still opens its clause.
    expect(actions.map((a) => a.verb)).toEqual(['reaffirms', 'urges']);
    expect(actions[1]?.actors).toEqual(['group.member-states', 'group.un-system', 'group.financial-institutions']);
    expect(actions[1]?.object).toMatch(/^to make concerted efforts and adopt speedy measures/);
  });
});

describe('subjects and titles', () => {
  it('"The online platform will be used to establish …" is no verb of the Assembly; "The Conference invites …" is the Conference’s (A/RES/70/1)', () => {
    expect(
      summary(
        'The online platform will be used to establish a comprehensive mapping of, and serve as a gateway for, information on existing science, technology and innovation initiatives.',
      ),
    ).toEqual([]);
    expect(summary('The Conference invites Member States to attend at the highest level.')).toEqual([
      expect.objectContaining({ verb: 'invites', actors: ['group.member-states'] }),
    ]);
  });

  it('a title stands for the last body named with that title (A/RES/78/182, A/RES/79/236)', () => {
    const [, encourages] = summary(
      'Also reaffirms the catalytic role of the Commission on the Status of Women in promoting and monitoring gender mainstreaming within the United Nations system, and encourages the Commission to contribute to the follow-up to the 2030 Agenda;',
    );
    expect(encourages).toMatchObject({ verb: 'encourages', actors: ['body.csw'] });
    // The United Nations Office for South-South Cooperation is not in the catalogue: "the Office" stays words, not the UN system.
    const [, calls] = summary(
      'Notes with appreciation the countries that have increased cooperation with the United Nations Office for South-South Cooperation, and calls upon the Office to further strengthen its support to South-South cooperation projects;',
    );
    expect(calls).toMatchObject({ verb: 'calls upon', actors: ['?Office'] });
  });
});

describe('items carry their chapeau', () => {
  it('an item "That X …" under a chapeau that asks names X (E/RES/131(VI))', () => {
    const doc = resolutionOf('E/RES/131(VI)', [
      ['1', 'Recommends:'],
      ['i', 'That the Member Governments stimulate the accurate survey and mapping of their national territories;', '1'],
      ['ii', 'That the Secretary-General take appropriate action, within the limits of budgetary availabilities:', '1'],
    ]);
    expect(rowsOf(doc).filter((r) => r.paragraph !== '1')).toEqual([
      { paragraph: 'i', verb: 'recommends', actors: ['group.member-states'] },
      { paragraph: 'ii', verb: 'recommends', actors: ['office.secretary-general'] },
    ]);
  });

  it('"X is encouraged:" asks X for each item, and "the Commission" is the commission the text is about (E/RES/2024/14)', () => {
    const doc = resolutionOf('E/RES/2024/14', [
      [
        '1',
        'Recognizes the role of the Commission on Science and Technology for Development as the United Nations torch-bearer for science, technology and innovation;',
      ],
      ['2', 'Recommends the following:'],
      ['a', 'The United Nations Conference on Trade and Development is encouraged:', '2'],
      ['b', 'The Commission is encouraged:', '2'],
    ]);
    doc.blocks.push(
      {
        ...doc.blocks[2]!,
        id: 'ba-i',
        kind: 'subparagraph',
        number: 'i',
        text: 'To seek funding proactively for the expansion of science, technology and innovation policy reviews;',
        parent: 'ba',
        level: 2,
      },
      {
        ...doc.blocks[3]!,
        id: 'bb-i',
        kind: 'subparagraph',
        number: 'i',
        text: 'To continue its role as a torch-bearer for science, technology and innovation;',
        parent: 'bb',
        level: 2,
      },
    );
    doc.blocks.sort((x, y) => x.id.localeCompare(y.id));
    const rows = rowsOf(doc).filter((r) => r.paragraph === 'i');
    expect(rows).toEqual([
      { paragraph: 'i', verb: 'encourages', actors: ['un.unctad'] },
      { paragraph: 'i', verb: 'encourages', actors: ['body.cstd'] },
    ]);
  });

  it('carries both verbs of "Also urges Member States and encourages stakeholders … to address" (A/RES/78/182)', () => {
    const doc = resolutionOf('A/RES/78/182', [
      [
        '18',
        'Also urges Member States and encourages stakeholders, where applicable, to address gaps and challenges, take specific, measurable, time-bound actions and mobilize adequate financial resources, including by:',
      ],
      ['a', 'Eliminating all discriminatory laws and ensuring that laws, policies and programmes benefit all women and girls;', '18'],
    ]);
    expect(rowsOf(doc).filter((r) => r.paragraph === 'a')).toEqual([
      { paragraph: 'a', verb: 'urges', actors: ['group.member-states'] },
      { paragraph: 'a', verb: 'encourages', actors: ['group.all-stakeholders'] },
    ]);
  });
});

describe('A/RES/79/194 as the library ships it: who / what / by when of every operative paragraph', () => {
  const library = path.resolve(import.meta.dirname, '../../data/documents/A_RES_79_194.en.txt');

  it('asks who the text asks, what it asks (never its actor) and by when, paragraph by paragraph', async () => {
    const doc = await readDocument(library);
    const rows = extractActions(doc);
    // Every operative paragraph has its row(s): a position ("Recognizes…") or a request.
    const operative = doc.blocks.filter((b) => b.kind === 'operative').map((b) => b.number);
    expect(operative).toHaveLength(69);
    // Items are numbered by their letter; their paragraph is in the block id ("para_65__list_1__point_a" is 65 (a)).
    const where = (blockId: string) => {
      const [, n, item] = /para_(\d+)(?:.*__point_([a-z]+))?$/.exec(blockId) ?? [];
      return item ? `${n} (${item})` : (n ?? blockId);
    };
    expect(new Set(rows.filter((r) => !r.blockId.includes('__point_')).map((r) => r.paragraph))).toEqual(new Set(operative));
    // Positions ask nobody.
    expect(rows.filter((r) => !r.directive && r.actors.length > 0)).toEqual([]);
    // The object of a verb is never its actor.
    for (const r of rows)
      for (const a of r.actors)
        expect(r.object.toLowerCase(), r.paragraph ?? '').not.toMatch(
          new RegExp(`^(?:the\\s+)?${a.text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
        );
    // Paragraph (item), verb, who (catalogue ids, else the words), the first words of what, and the deadline's range.
    const directive = rows
      .filter((r) => r.directive)
      .map((r) => [
        where(r.blockId),
        r.verb,
        r.actors.map((a) => a.id ?? a.text),
        r.object.split(/\s+/).slice(0, 6).join(' '),
        r.deadline ? [r.deadline.from, r.deadline.to] : null,
      ]);
    expect(directive).toEqual([
      [
        '3',
        'urges',
        [
          'group.member-states',
          'group.private-sector',
          'group.civil-society',
          'group.international-organizations',
          'group.technical-community',
          'group.all-stakeholders',
        ],
        'to integrate information and communications technologies',
        null,
      ],
      ['3', 'requests', ['group.un-system'], 'to review their reporting and workplans', null],
      ['5', 'urges', ['group.all-stakeholders'], 'to encourage the creation of, and', null],
      ['8', 'encourages', [], 'strengthened and continuing cooperation between and', null],
      [
        '9',
        'invites',
        [
          'group.member-states',
          'group.international-organizations',
          // "foundations": philanthropy, beside the private sector.
          'group.philanthropy',
          'group.private-sector',
        ],
        'to provide voluntary financial contributions and',
        null,
      ],
      ['11', 'encourages', [], 'the use of those action lines', null],
      ['13', 'encourages', ['working group'], 'to report on its progress to', ['2026-09-01', '2027-09-30']],
      ['14', 'requests', ['body.cstd'], 'to consider how it can contribute', null],
      ['15', 'encourages', ['group.member-states'], 'to take advantage of capacity-building mechanisms', null],
      ['15', 'urges', ['group.international-community'], 'to provide necessary resources to support', null],
      ['16', 'urges', [], 'a continued focus on maximizing development', null],
      ['18', 'encourages', [], 'strengthening of international collaboration on inclusive', null],
      ['19', 'calls for', [], 'increased international cooperation and resources for', null],
      ['20', 'calls upon', ['group.international-community'], 'to enhance its support to developing', null],
      [
        '25',
        'calls upon',
        ['group.all-stakeholders', 'group.international-community'],
        'to support further actions, including investment,',
        null,
      ],
      ['28', 'encourages', [], 'research and development, and the development', null],
      ['28', 'urges', ['group.all-stakeholders'], 'to address the growing digital divides', null],
      ['30', 'calls upon', ['group.all-stakeholders'], 'to close the gender digital divide,', null],
      ['30', 'reiterates', ['group.un-system', 'un.un-women'], 'to support the implementation and monitoring', null],
      ['32', 'encourages', ['group.un-system'], 'to strengthen their collaborative efforts within', null],
      ['34', 'requests', ['office.secretary-general'], 'to continue to submit, as part', [null, null]],
      ['35', 'invites', ['group.member-states', 'group.all-stakeholders'], 'to support the participation of Governments', null],
      ['41', 'encourages', [], 'the use of and engagement with', null],
      ['43', 'urges', ['group.all-stakeholders'], 'to consider ensuring adequate means of', null],
      [
        '44',
        'encourages',
        ['group.member-states', 'group.developed-countries', 'group.developing-countries'],
        'to increase capacity-building cooperation, including policy',
        null,
      ],
      ['49', 'calls upon', ['group.all-stakeholders'], 'to keep the goal of bridging', null],
      ['51', 'calls for', [], 'the promotion of new research and', null],
      ['53', 'invites', ['group.all-stakeholders'], 'to support more comprehensively those countries', null],
      ['54', 'encourages', ['group.member-states'], 'to create such frameworks conducive to', null],
      ['55', 'encourages', [], 'the promotion of digital solutions through', null],
      // "…to leave no one behind and commit to taking more tangible steps": the 2030 Agenda's own words, a commitment.
      ['58', 'commits', ['body.general-assembly'], 'to taking more tangible steps to', null],
      ['59', 'calls upon', ['group.all-stakeholders', 'group.member-states', 'group.un-system'], 'to fully consider the health and', null],
      ['62', 'decides', ['body.general-assembly'], 'to finalize the modalities for the', [null, '2025-03-31']],
      ['62', 'invites', ['office.president-general-assembly'], 'to appoint two co-facilitators to convene', null],
      ['64', 'resolves', ['body.general-assembly'], 'to bridge the artificial intelligence and', null],
      ['65', 'calls upon', ['group.member-states'], 'to take action to cooperate with', null],
      ['65', 'invites', ['group.all-stakeholders'], 'to take action to cooperate with', null],
      ['65 (a)', 'calls upon', ['group.member-states'], 'Enhancing the ability of developing countries,', null],
      ['65 (a)', 'invites', ['group.all-stakeholders'], 'Enhancing the ability of developing countries,', null],
      ['65 (b)', 'calls upon', ['group.member-states'], 'Enabling international innovation-based environments to enhance', null],
      ['65 (b)', 'invites', ['group.all-stakeholders'], 'Enabling international innovation-based environments to enhance', null],
      ['67', 'requests', ['office.secretary-general'], 'to submit to the General Assembly', ['2025-09-01', '2026-09-30']],
      ['68', 'invites', ['office.sti-forum-co-chairs'], 'to include an update on the', ['2025-01-01', '2025-12-31']],
      ['69', 'decides', ['body.general-assembly'], 'to include in the provisional agenda', ['2025-09-01', '2026-09-30']],
    ]);
  }, 30_000);

  it('reads the deadlines the way the text words them', async () => {
    const rows = extractActions(await readDocument(library));
    const deadline = (n: string, verb: string) => rows.find((r) => r.paragraph === n && r.verb === verb)?.deadline;
    // "by no later than the eighty-first session": the Assembly's eighty-first session.
    expect(deadline('13', 'encourages')).toMatchObject({ text: 'by no later than the eighty-first session', session: 81 });
    // "as part of his annual reporting": every year.
    expect(deadline('34', 'requests')).toMatchObject({ recurrence: 'P1Y', from: null, to: null });
    // "in the provisional agenda of its eightieth session".
    expect(deadline('69', 'decides')).toMatchObject({ text: 'of its eightieth session', session: 80 });
    // The Co-Chairs of the STI Forum are one actor, named in full despite the commas in its name.
    expect(rows.find((r) => r.paragraph === '68')?.actors).toEqual([
      {
        id: 'office.sti-forum-co-chairs',
        text: 'Co-Chairs of the multi-stakeholder forum on science, technology and innovation for the Sustainable Development Goals',
      },
    ]);
  }, 30_000);
});

describe('actors named in lists of the shipped library', () => {
  it('reads "international, regional and subregional organizations" as two groups, and the media as an actor (A/RES/78/311, paragraph 8)', () => {
    const text =
      'Encourages Governments, the private sector, international, regional and subregional organizations, civil society, the media, academia and research institutions and technical communities and individuals, to strengthen international cooperation on artificial intelligence capacity-building and take necessary and positive steps, as appropriate, to eliminate barriers faced by all people;';
    const [a] = summary(text);
    expect(a?.actors).toEqual([
      'group.member-states',
      'group.private-sector',
      'group.international-organizations',
      'group.regional-organizations',
      'group.civil-society',
      'group.media',
      'group.academia',
      'group.technical-community',
    ]);
    expect(a?.object).toMatch(/^to strengthen international cooperation on artificial intelligence capacity-building/);
    // Not social media, nor media literacy.
    expect(findActors('the spread of disinformation on social media platforms and media and information literacy', 'en')).toEqual([]);
    expect(actorName('group.media', 'fr')).toBe('les médias');
  });

  it('asks those whose work is requested when no infinitive follows (A/RES/79/277, paragraph 3)', () => {
    const text =
      'Further decides that the President of the General Assembly, in consultation with Member States, will invite, in addition to all Member and observer States and observers, representatives of all relevant stakeholders of the World Summit on the Information Society to speak during the high-level meeting, and in this regard also encourages the participation of those stakeholders in the meeting;';
    expect(summary(text).map((a) => [a.verb, a.actors])).toEqual([
      ['decides', ['office.president-general-assembly']],
      ['encourages', ['group.all-stakeholders']],
    ]);
    // Nor a request for something that names no one's work (A/RES/79/194, paragraph 16).
    expect(summary(R16)[0]?.actors).toEqual([]);
  });

  it('knows private entities, development finance institutions and research institutions as the groups they belong to (A/RES/79/1)', () => {
    const first = (text: string) => actionsIn(text, 'en', { firstPerson: true }).map((a) => [a.verb, a.actors.map((x) => x.id)]);
    // Action 9 (b) and action 51 (a) of the Pact for the Future.
    expect(
      first(
        'Encourage strengthened international cooperation on the return or restitution of cultural properties of spiritual, ancestral, historical and cultural value to countries of origin, including but not limited to objets d’art, monuments, museum pieces, manuscripts and documents, and strongly encourage relevant private entities to similarly engage, including through bilateral dialogue and with the assistance of multilateral mechanisms, as appropriate;',
      ),
    ).toEqual([
      ['encourages', []],
      ['encourages', ['group.private-sector']],
    ]);
    expect(
      first(
        'Call on multilateral development banks and other development finance institutions to increase the availability, accessibility and impact of climate finance to developing countries;',
      ),
    ).toEqual([['calls upon', ['group.financial-institutions']]]);
    // "academia and research institutions" (A/RES/78/311) is one group.
    expect(findActors('civil society, academia and research institutions and technical communities', 'en').map((m) => m.id)).toEqual([
      'group.civil-society',
      'group.academia',
      'group.technical-community',
    ]);
    // "We have strong foundations on which to build" (the Global Digital Compact, paragraph 5) names no donors.
    expect(findActors('We have strong foundations on which to build.', 'en')).toEqual([]);
  });

  it('names the UN-Habitat, trade unions, national statistical offices and natural and juridical persons in the six languages', () => {
    const ids = (text: string, lang: Parameters<typeof findActors>[1]) => findActors(text, lang).map((m) => m.id);
    expect(ids('UN-Habitat, trade unions and national statistical offices', 'en')).toEqual([
      'un.un-habitat',
      'group.trade-unions',
      'group.statistical-offices',
    ]);
    expect(ids('ONU-Habitat, les syndicats et les personnes physiques et morales', 'fr')).toEqual([
      'un.un-habitat',
      'group.trade-unions',
      'group.natural-juridical-persons',
    ]);
    expect(ids('natural and juridical persons', 'en')).toEqual(['group.natural-juridical-persons']);
    expect(actorName('group.statistical-offices', 'es')).toBe('oficinas nacionales de estadística');
    expect(actorName('group.philanthropy', 'ru')).toBe('благотворительные фонды');
  });

  it('a decision about what a meeting or body is or undergoes is the Assembly’s (A/RES/76/307, A/RES/80/173)', () => {
    // A/RES/76/307, paragraphs 3 and 5: the Summit is held and consists of meetings; it is asked nothing.
    expect(
      summary(
        'Further decides that the Summit will be held on 22 and 23 September 2024, in New York, preceded by a preparatory ministerial meeting to be held on 18 September 2023;',
      ).map((a) => [a.verb, a.actors]),
    ).toEqual([['decides', ['body.general-assembly']]]);
    expect(summary('Also decides that the Summit will consist of:').map((a) => a.actors)).toEqual([['body.general-assembly']]);
    // A/RES/80/173, paragraph 99: the Forum is made permanent by the Assembly's decision.
    expect(
      summary(
        'We decide that the Internet Governance Forum shall be made a permanent forum of the United Nations, with a continued secretariat hosted by the Department of Economic and Social Affairs of the Secretariat, on a stable and sustainable basis with appropriate staffing and resources, in accordance with United Nations budgetary procedures.',
      ).map((a) => [a.verb, a.actors]),
    ).toEqual([['decides', ['body.general-assembly']]]);
    // Not a decision that asks the body to act: A/RES/79/277, paragraph 3 (the President will invite).
    expect(
      summary(
        'Further decides that the President of the General Assembly, in consultation with Member States, will invite, in addition to all Member and observer States and observers, representatives of all relevant stakeholders of the World Summit on the Information Society to speak during the high-level meeting, and in this regard also encourages the participation of those stakeholders in the meeting;',
      )[0]?.actors,
    ).toEqual(['office.president-general-assembly']);
  });

  it('"in a position to do so" qualifies who is asked; what is asked comes after it (A/RES/79/194, paragraph 44)', () => {
    const text =
      'Encourages Member States, in particular developed countries and those developing countries in a position to do so, to increase capacity-building cooperation, including policy exchanges, knowledge-sharing activities and the transfer of technology on mutually agreed terms;';
    expect(summary(text).map((a) => [a.actors, a.object.split(' ').slice(0, 3).join(' ')])).toEqual([
      [['group.member-states', 'group.developed-countries', 'group.developing-countries'], 'to increase capacity-building'],
    ]);
  });
});
