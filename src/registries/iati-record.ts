// An IATI activity as a Concord registry record (src/registries/connector.ts): who leads, where,
// which SDG elements, and the money chain, with notes for whatever does not map.
import type { AreaCatalog } from '../areas/catalog.ts';
import type { InitiativeStatus } from '../initiatives/model.ts';
import type { RegistryRecord, RegistrySource, SourceMoney, SourceOrganization } from './connector.ts';
import { textsByLanguage, type IatiActivity, type IatiOrganisation, type IatiOrganisationRole, type IatiTransaction } from './iati.ts';

export const iatiSource: RegistrySource = {
  id: 'iati',
  name: 'IATI activity files',
  licence: {
    name: 'as stated by each publisher in the IATI Registry (most publish under open licences such as CC BY 4.0 or ODC-PDDL)',
    url: 'https://iatiregistry.org/',
  },
  url: 'https://iatistandard.org/',
};

/** Concord's status for an IATI ActivityStatus code (1 pipeline ... 6 suspended). */
const statuses: Record<string, InitiativeStatus> = {
  '1': 'planned',
  '2': 'ongoing',
  // 3 "finalisation": the physical activity is complete, the accounts are being closed.
  '3': 'completed',
  '4': 'completed',
  '5': 'discontinued',
  '6': 'discontinued',
};

/**
 * The money chain of Concord's pledges from the activity's outgoing transactions: what the
 * publisher pledged, committed, disbursed and spent. Incoming funds and commitments are the other
 * side of another publisher's outgoing ones and are left out, so that nothing is counted twice.
 */
const moneyKinds: Partial<Record<IatiTransaction['kind'], SourceMoney['kind']>> = {
  pledge: 'pledged',
  commitment: 'committed',
  disbursement: 'disbursed',
  expenditure: 'spent',
};

const partnerRoles: Record<IatiOrganisationRole, SourceOrganization['role']> = {
  funding: 'funding',
  accountable: 'co-lead',
  extending: 'other',
  implementing: 'implementing',
};

/**
 * One activity as a registry record: the accountable organization (else the reporting one) leads,
 * the others are partners in their IATI roles; recipient countries and M49 regions are areas;
 * SDG tags are links (claims of the publisher, not reviewed at the source); outgoing transactions
 * are the money chain. DAC regions and unknown codes are noted, not guessed.
 *
 * @example
 * const record = iatiRecord(activity, await areaCatalog());
 * record.links.map((l) => l.elementId); // ['sdg.9', 'sdg.9.c']
 */
export function iatiRecord(activity: IatiActivity, catalog: AreaCatalog): RegistryRecord {
  const notes: string[] = [];
  const titles = textsByLanguage(activity.titles);
  const descriptions = textsByLanguage(activity.descriptions);
  const texts = [...titles].map(([lang, title]) => ({ lang, title, description: descriptions.get(lang) ?? title }));

  const areas = new Set<string>();
  for (const country of activity.countries) {
    const code = catalog.resolve(country.code);
    if (code && catalog.areas.get(code)?.kind === 'country') areas.add(code);
    else notes.push(`recipient country "${country.code}" is not an M49 country`);
  }
  for (const region of activity.regions) {
    const code = region.vocabulary === '2' ? catalog.resolve(region.code) : undefined;
    if (code && catalog.areas.get(code)?.kind !== 'country') areas.add(code);
    else notes.push(`recipient region "${region.code}" (vocabulary ${region.vocabulary}) is not an M49 region`);
  }

  const links = activity.sdgs.map((sdg) => ({
    elementId: `sdg.${sdg}`,
    type: 'contributes-to' as const,
    evidence: `Tagged SDG ${sdg} by its publisher in its IATI activity file.`,
    address: null,
    reviewedAtSource: false,
  }));

  const money: SourceMoney[] = [];
  for (const transaction of activity.transactions) {
    const kind = moneyKinds[transaction.kind];
    const date = transaction.date ?? transaction.valueDate;
    if (!kind) continue;
    if (!date) notes.push(`${transaction.kind} of ${transaction.value} ${transaction.currency} left out: it has no date`);
    else money.push({ kind, amount: transaction.value, currency: transaction.currency, date });
  }

  const budgets = activity.budgets.filter((b) => b.type !== '2');
  const currencies = new Set(budgets.map((b) => b.currency));
  const [onlyCurrency] = currencies;
  const budget =
    budgets.length > 0 && currencies.size === 1 && onlyCurrency
      ? { amount: budgets.reduce((sum, b) => sum + b.value, 0), currency: onlyCurrency }
      : null;
  if (currencies.size > 1) notes.push(`budgets in ${[...currencies].join(', ')} are not added up (never converted)`);

  const { plannedStart, actualStart, plannedEnd, actualEnd } = activity.dates;
  return {
    sourceId: activity.identifier,
    url: `https://d-portal.org/ctrack.html#view=act&aid=${encodeURIComponent(activity.identifier)}`,
    texts,
    status: statuses[activity.status ?? ''] ?? 'ongoing',
    startDate: actualStart ?? plannedStart,
    endDate: actualEnd ?? plannedEnd,
    budget,
    money,
    organizations: organizationsOf(activity),
    areas: [...areas].sort(),
    webLinks: sectorLinks(activity),
    links,
    stage: null,
    notes,
  };
}

function organizationsOf(activity: IatiActivity): SourceOrganization[] {
  const name = (org: IatiOrganisation) => textsByLanguage(org.names).get('en') ?? org.names[0]?.text ?? org.ref ?? '';
  const named = activity.organisations.filter((org) => name(org) !== '');
  const lead = named.find((org) => org.role === 'accountable') ?? activity.reportingOrg ?? named[0];
  const result: SourceOrganization[] = [];
  const seen = new Set<string>();
  const add = (org: IatiOrganisation, role: SourceOrganization['role']) => {
    const key = org.ref ?? name(org).toLowerCase();
    if (seen.has(key) || name(org) === '') return;
    seen.add(key);
    result.push({ name: name(org), website: null, role, sourceRole: org.role ?? 'reporting' });
  };
  if (lead) add(lead, 'lead');
  for (const org of named) if (org.role) add(org, partnerRoles[org.role]);
  return result;
}

/**
 * DAC sectors (5-digit, vocabulary 1, and 3-digit, vocabulary 2) as labelled web links to
 * d-portal's list of the activities in the same sector: Concord has no sector facet, and a link
 * keeps the code, its share and a way to the sector's other activities on the page and in the
 * API. SDG sectors (vocabularies 7-9) are framework links instead; other vocabularies are left.
 */
function sectorLinks(activity: IatiActivity): RegistryRecord['webLinks'] {
  const links = new Map<string, RegistryRecord['webLinks'][number]>();
  for (const s of activity.sectors) {
    if (s.vocabulary !== '1' && s.vocabulary !== '2') continue;
    const url = `https://d-portal.org/ctrack.html?sector_code=${encodeURIComponent(s.code)}#view=main`;
    if (!links.has(url)) links.set(url, { url, label: `DAC sector ${s.code}${s.percentage === null ? '' : ` (${s.percentage}%)`}` });
  }
  return [...links.values()];
}
