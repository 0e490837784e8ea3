// IATI activity files (the International Aid Transparency Initiative's activity standard, 2.0x
// with the 1.0x forms still published: https://iatistandard.org/en/iati-standard/203/activity-standard/)
// read as a stream: one activity at a time is held in memory, so a 50 MB file costs what its
// largest activity costs. Each activity yields what Concord keeps of it: texts in the UN
// languages, participating organizations with their roles, recipient countries and regions with
// percentages, sectors (DAC 22040 is ICT), SDG tags (goal, target and indicator vocabularies),
// dates, budgets and transactions (commitments, disbursements, expenditures: the money chain, in
// the currencies the file gives, never converted), and the problems found in it.
import { Parser } from 'htmlparser2';
import { isLanguage, type Language } from '../language/languages.ts';

/** Organisation roles of the IATI OrganisationRole codelist (1.0x wrote the names). */
export const iatiOrganisationRoles = { '1': 'funding', '2': 'accountable', '3': 'extending', '4': 'implementing' } as const;
export type IatiOrganisationRole = (typeof iatiOrganisationRoles)[keyof typeof iatiOrganisationRoles];

/**
 * Transaction types of the TransactionType codelist that Concord's money chain follows, by 2.0x
 * code and by the 1.0x letters. Others (interest, loan repayments, equity) are counted as "other".
 */
const transactionKinds: Record<string, IatiTransaction['kind']> = {
  '1': 'incoming-funds',
  IF: 'incoming-funds',
  '2': 'commitment',
  C: 'commitment',
  '3': 'disbursement',
  D: 'disbursement',
  '4': 'expenditure',
  E: 'expenditure',
  '11': 'incoming-commitment',
  '12': 'pledge',
  '13': 'incoming-pledge',
};

/** Activity dates of the ActivityDateType codelist, by 2.0x code and by the 1.0x names. */
const dateKinds: Record<string, keyof IatiActivity['dates']> = {
  '1': 'plannedStart',
  'start-planned': 'plannedStart',
  '2': 'actualStart',
  'start-actual': 'actualStart',
  '3': 'plannedEnd',
  'end-planned': 'plannedEnd',
  '4': 'actualEnd',
  'end-actual': 'actualEnd',
};

export interface IatiText {
  lang: string;
  text: string;
}

export interface IatiOrganisation {
  ref: string | null;
  names: IatiText[];
  role: IatiOrganisationRole | null;
  /** The OrganisationType code (10 government, 21 international NGO, 40 multilateral, ...). */
  type: string | null;
}

export interface IatiMoney {
  value: number;
  currency: string;
  /** The value date (`value-date`), which a later conversion would need. */
  valueDate: string | null;
}

export interface IatiTransaction extends IatiMoney {
  kind: 'incoming-funds' | 'commitment' | 'disbursement' | 'expenditure' | 'incoming-commitment' | 'pledge' | 'incoming-pledge' | 'other';
  /** The code as written (`3`, `D`). */
  code: string;
  date: string | null;
}

export interface IatiActivity {
  identifier: string;
  /** Position in the file (1-based), for the activity-by-activity report. */
  position: number;
  reportingOrg: IatiOrganisation | null;
  titles: IatiText[];
  /** General descriptions (type 1, or untyped), then objectives (type 2). */
  descriptions: IatiText[];
  /** The ActivityStatus code: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended. */
  status: string | null;
  dates: { plannedStart: string | null; actualStart: string | null; plannedEnd: string | null; actualEnd: string | null };
  organisations: IatiOrganisation[];
  countries: { code: string; percentage: number | null }[];
  /** Regions with their vocabulary: 1 is the OECD DAC region list, 2 is UN M49. */
  regions: { code: string; vocabulary: string; percentage: number | null }[];
  /** Sectors with their vocabulary: 1 DAC 5-digit (the default), 2 DAC 3-digit, 7-9 SDG goal, target, indicator. */
  sectors: { code: string; vocabulary: string; percentage: number | null }[];
  /** SDG goals, targets and indicators named by tags (vocabularies 2 and 3) or sectors (7, 8, 9), as `9`, `9.c`, `9.c.1`. */
  sdgs: string[];
  budgets: (IatiMoney & { type: string | null; periodStart: string | null; periodEnd: string | null })[];
  transactions: IatiTransaction[];
  /** What was wrong in this activity, each in plain words; an activity with problems is not imported. */
  problems: string[];
}

/** A file that is not an IATI activity file, or not well-formed XML. */
export class IatiFileError extends Error {}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads an IATI activity file from a stream of chunks, yielding each activity as soon as its
 * closing tag has been read.
 *
 * @example
 * for await (const activity of readIatiActivities(createReadStream('activities.xml'))) {
 *   console.log(activity.identifier, activity.transactions.length);
 * }
 */
export async function* readIatiActivities(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<IatiActivity> {
  const ready: IatiActivity[] = [];
  let failure: Error | undefined;
  const reader = new ActivityReader((activity) => ready.push(activity));
  const parser = new Parser(
    {
      onopentag: (name, attributes) => reader.open(name, attributes),
      ontext: (text) => reader.text(text),
      onclosetag: (name) => reader.close(name),
      onerror: (error) => (failure = error),
    },
    { xmlMode: true, decodeEntities: true },
  );
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of chunks) {
    try {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    } catch (error) {
      throw new IatiFileError(`the file is not UTF-8 text (${error instanceof Error ? error.message : String(error)})`);
    }
    if (failure) throw new IatiFileError(failure.message);
    yield* ready.splice(0);
  }
  parser.end();
  if (failure) throw new IatiFileError(failure.message);
  yield* ready.splice(0);
  reader.finish();
}

/** Builds activities from the parser's events; one activity in progress at a time. */
class ActivityReader {
  private readonly path: string[] = [];
  private sawRoot = false;
  private position = 0;
  private activity: IatiActivity | undefined;
  /** Where the text being read goes, and the language of the narrative being read. */
  private texts: IatiText[] | undefined;
  private textLang = 'en';
  private textBuffer = '';
  private activityLang = 'en';
  private fileLang = 'en';
  private defaultCurrency: string | null = null;
  private fileCurrency: string | null = null;
  private organisation: IatiOrganisation | undefined;
  private money:
    | {
        kind: 'budget' | 'transaction';
        attributes: Record<string, string>;
        record: Partial<IatiTransaction> & { type?: string | null; periodStart?: string | null; periodEnd?: string | null };
      }
    | undefined;
  private valueAttributes: Record<string, string> = {};

  constructor(private readonly emit: (activity: IatiActivity) => void) {}

  // One dispatch over the elements Concord reads, by depth: a parser's table, longer than 80 lines
  // so that the list of elements read can be checked against the standard in one place.
  open(name: string, attributes: Record<string, string>) {
    const parent = this.path.at(-1);
    this.path.push(name);
    if (this.path.length === 1) {
      if (name !== 'iati-activities')
        throw new IatiFileError(`the file is not an IATI activity file: it opens with <${name}>, not <iati-activities>`);
      this.sawRoot = true;
      this.fileLang = attributes['xml:lang'] ?? 'en';
      this.fileCurrency = attributes['default-currency'] ?? null;
      return;
    }
    if (name === 'iati-activity' && parent === 'iati-activities') {
      this.position++;
      this.activityLang = attributes['xml:lang'] ?? this.fileLang;
      this.defaultCurrency = attributes['default-currency'] ?? this.fileCurrency;
      this.activity = emptyActivity(this.position);
      return;
    }
    const activity = this.activity;
    if (!activity) return;
    const depth = this.path.length - 2; // 0 for the activity's own children
    const percentage = () => percentageOf(attributes.percentage, activity, name);
    if (depth === 1) {
      switch (name) {
        case 'iati-identifier':
          this.startText([]);
          return;
        case 'title':
          this.startText(activity.titles);
          return;
        case 'description': {
          const type = attributes.type ?? '1';
          if (type === '1' || type === '2') this.startText(activity.descriptions);
          return;
        }
        case 'reporting-org':
        case 'participating-org': {
          const role = attributes.role ? roleOf(attributes.role) : null;
          if (name === 'participating-org' && attributes.role && !role)
            activity.problems.push(`participating-org: unknown role "${attributes.role}"`);
          this.organisation = { ref: attributes.ref?.trim() || null, names: [], role, type: attributes.type ?? null };
          if (name === 'reporting-org') activity.reportingOrg = this.organisation;
          else activity.organisations.push(this.organisation);
          this.startText(this.organisation.names);
          return;
        }
        case 'activity-status':
          activity.status = attributes.code ?? null;
          return;
        case 'activity-date': {
          const kind = dateKinds[attributes.type ?? ''];
          const date = dateOf(attributes['iso-date'], activity, 'activity-date');
          if (kind && date) activity.dates[kind] = date;
          return;
        }
        case 'recipient-country':
          if (attributes.code) activity.countries.push({ code: attributes.code.trim().toUpperCase(), percentage: percentage() });
          else activity.problems.push('recipient-country without a code');
          return;
        case 'recipient-region':
          if (attributes.code)
            activity.regions.push({ code: attributes.code.trim(), vocabulary: attributes.vocabulary ?? '1', percentage: percentage() });
          return;
        case 'sector': {
          const vocabulary = attributes.vocabulary ?? '1';
          const code = attributes.code?.trim();
          if (!code) return;
          activity.sectors.push({ code, vocabulary: vocabulary === 'DAC' ? '1' : vocabulary, percentage: percentage() });
          if (['7', '8', '9'].includes(vocabulary)) addSdg(activity, code);
          return;
        }
        case 'tag':
          if ((attributes.vocabulary === '2' || attributes.vocabulary === '3') && attributes.code) addSdg(activity, attributes.code.trim());
          return;
        case 'budget':
        case 'transaction':
          this.money = {
            kind: name,
            attributes,
            record: { type: attributes.type ?? null, periodStart: null, periodEnd: null, date: null },
          };
          return;
      }
      return;
    }
    if (name === 'narrative' && this.texts) {
      this.flushText();
      this.textLang = attributes['xml:lang'] ?? this.activityLang;
      return;
    }
    const money = this.money;
    if (money && depth === 2) {
      switch (name) {
        case 'value':
          this.valueAttributes = attributes;
          this.startText([]);
          return;
        case 'transaction-type':
          money.record.code = attributes.code ?? '';
          money.record.kind = transactionKinds[attributes.code ?? ''] ?? 'other';
          return;
        case 'transaction-date':
          money.record.date = dateOf(attributes['iso-date'], activity, 'transaction-date');
          return;
        case 'period-start':
          money.record.periodStart = dateOf(attributes['iso-date'], activity, `${money.kind} period-start`);
          return;
        case 'period-end':
          money.record.periodEnd = dateOf(attributes['iso-date'], activity, `${money.kind} period-end`);
          return;
      }
    }
  }

  text(text: string) {
    if (this.texts) this.textBuffer += text;
  }

  close(name: string) {
    const activity = this.activity;
    this.path.pop();
    if (!activity) return;
    const depth = this.path.length - 1;
    if (name === 'narrative' && this.texts) {
      this.flushText();
      this.textLang = this.activityLang;
      return;
    }
    if (name === 'value' && this.money && depth === 2) {
      const raw = this.takeText();
      const value = Number(raw.replace(/,/g, ''));
      const currency = (this.valueAttributes.currency ?? this.defaultCurrency ?? '').trim().toUpperCase();
      if (raw === '' || !Number.isFinite(value)) activity.problems.push(`${this.money.kind}: value "${raw}" is not a number`);
      else if (!/^[A-Z]{3}$/.test(currency))
        activity.problems.push(`${this.money.kind}: no currency (neither on the value nor as the activity's default-currency)`);
      else
        Object.assign(this.money.record, {
          value,
          currency,
          valueDate: dateOf(this.valueAttributes['value-date'], activity, 'value-date'),
        });
      return;
    }
    if (depth !== 1) {
      if (name === 'iati-activity' && depth === 0) this.finishActivity(activity);
      return;
    }
    switch (name) {
      case 'iati-identifier':
        activity.identifier = this.takeText();
        return;
      case 'title':
      case 'description':
      case 'reporting-org':
      case 'participating-org':
        this.flushText();
        this.texts = undefined;
        this.organisation = undefined;
        return;
      case 'budget':
      case 'transaction':
        this.finishMoney(activity);
        return;
    }
  }

  finish() {
    if (!this.sawRoot) throw new IatiFileError('the file is empty or holds no <iati-activities> element');
  }

  private startText(target: IatiText[]) {
    this.texts = target;
    this.textLang = this.activityLang;
    this.textBuffer = '';
  }

  /** Adds the text read so far (a 1.0x element's own text, or one narrative) to the target. */
  private flushText() {
    const text = this.textBuffer.replace(/\s+/g, ' ').trim();
    this.textBuffer = '';
    if (text && this.texts) this.texts.push({ lang: this.textLang, text });
  }

  private takeText(): string {
    const text = this.textBuffer.trim();
    this.textBuffer = '';
    this.texts = undefined;
    return text;
  }

  private finishMoney(activity: IatiActivity) {
    const money = this.money;
    this.money = undefined;
    if (!money || money.record.value === undefined || money.record.currency === undefined) {
      if (money && !activity.problems.some((p) => p.startsWith(money.kind)))
        activity.problems.push(`${money?.kind ?? 'value'} without a value`);
      return;
    }
    const { value, currency, valueDate = null } = money.record;
    if (money.kind === 'budget') {
      activity.budgets.push({
        value,
        currency,
        valueDate,
        type: money.record.type ?? null,
        periodStart: money.record.periodStart ?? null,
        periodEnd: money.record.periodEnd ?? null,
      });
      return;
    }
    if (!money.record.code) {
      activity.problems.push('transaction without a transaction-type');
      return;
    }
    activity.transactions.push({
      value,
      currency,
      valueDate,
      kind: money.record.kind ?? 'other',
      code: money.record.code,
      date: money.record.date ?? null,
    });
  }

  private finishActivity(activity: IatiActivity) {
    this.activity = undefined;
    if (activity.identifier === '') activity.problems.unshift('no iati-identifier');
    if (activity.titles.length === 0) activity.problems.push('no title');
    const { plannedStart, actualStart, plannedEnd, actualEnd } = activity.dates;
    const start = actualStart ?? plannedStart;
    const end = actualEnd ?? plannedEnd;
    if (start && end && end < start) activity.problems.push(`ends (${end}) before it starts (${start})`);
    this.emit(activity);
  }
}

function emptyActivity(position: number): IatiActivity {
  return {
    identifier: '',
    position,
    reportingOrg: null,
    titles: [],
    descriptions: [],
    status: null,
    dates: { plannedStart: null, actualStart: null, plannedEnd: null, actualEnd: null },
    organisations: [],
    countries: [],
    regions: [],
    sectors: [],
    sdgs: [],
    budgets: [],
    transactions: [],
    problems: [],
  };
}

function roleOf(role: string): IatiOrganisationRole | null {
  const byCode = iatiOrganisationRoles[role as keyof typeof iatiOrganisationRoles];
  if (byCode) return byCode;
  const byName = role.trim().toLowerCase();
  return (Object.values(iatiOrganisationRoles) as string[]).includes(byName) ? (byName as IatiOrganisationRole) : null;
}

function dateOf(value: string | undefined, activity: IatiActivity, where: string): string | null {
  if (value === undefined || value.trim() === '') return null;
  // 2.0x requires xsd:date; publishers also write a time ("2012-01-01T00:00:00").
  const date = value.trim().slice(0, 10);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!isoDate.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    activity.problems.push(`${where}: "${value}" is not a date`);
    return null;
  }
  return date;
}

function percentageOf(value: string | undefined, activity: IatiActivity, where: string): number | null {
  if (value === undefined || value.trim() === '') return null;
  const percentage = Number(value);
  if (!Number.isFinite(percentage) || percentage < 0 || percentage > 100) {
    activity.problems.push(`${where}: percentage "${value}" is not between 0 and 100`);
    return null;
  }
  return percentage;
}

/** SDG codes as the SDG vocabularies write them: goal `9`, target `9.c`, indicator `9.c.1` (also `9.c.1` with upper case letters). */
function addSdg(activity: IatiActivity, code: string) {
  const normal = code.toLowerCase().replace(/^sdg\s*/, '');
  if (!/^(1[0-7]|[1-9])(\.([0-9]{1,2}|[a-z]))?(\.[0-9]{1,2})?$/.test(normal)) {
    activity.problems.push(`SDG code "${code}" is not an SDG goal, target or indicator`);
    return;
  }
  if (!activity.sdgs.includes(normal)) activity.sdgs.push(normal);
}

/** The texts in one of Concord's six languages, by language (the first of each). */
export function textsByLanguage(texts: readonly IatiText[]): Map<Language, string> {
  const result = new Map<Language, string>();
  for (const { lang, text } of texts) {
    const short = lang.toLowerCase().slice(0, 2);
    if (isLanguage(short) && !result.has(short)) result.set(short, text);
  }
  return result;
}
