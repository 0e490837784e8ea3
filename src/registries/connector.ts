// A connector reads one outside registry (the Digital Public Goods Alliance registry, IATI activity
// files, ...) and yields each of its records in one shape, the way the document readers all yield
// one document model: what the work is, who does it and in what role, where, which framework
// elements it serves with the source's own evidence, and where the record came from. Writing the
// records into Concord (matching organizations, refreshing, history) is the store's business, not
// the connector's: a connector is pure reading, so it can be tested on the source's real files.
import type { Language } from '../language/languages.ts';
import type { InitiativeStatus, linkTypes, partnerRoles } from '../initiatives/model.ts';

/** The source a record came from, with the terms under which Concord shows it. */
export interface RegistrySource {
  /** Stable id, used in `?source=` filters and on every imported record: `dpga`, `iati`. */
  id: string;
  /** The source's own name, as it calls itself. */
  name: string;
  licence: { name: string; url: string };
  /** Where the source lives, for the sources page. */
  url: string;
}

/** An organization as the source names it; matched to Concord's records by name and website. */
export interface SourceOrganization {
  name: string;
  website: string | null;
  /** `lead` for the one that answers for the work; else its role as a partner. */
  role: 'lead' | (typeof partnerRoles)[number];
  /** The role in the source's own words (`owner`, `maintainer`, `funder`, ...). */
  sourceRole: string;
}

/** One step of the money chain (pledged -> committed -> disbursed -> spent), as the source reports it. */
export interface SourceMoney {
  kind: 'pledged' | 'committed' | 'disbursed' | 'spent';
  amount: number;
  currency: string;
  date: string;
}

/** A link to a framework element with the source's evidence. */
export interface SourceLink {
  elementId: string;
  type: (typeof linkTypes)[number];
  evidence: string;
  /** Where the evidence can be read, if the source gives it. */
  address: string | null;
  /** Whether someone other than the record's owner reviewed the claim at the source (e.g. the DPGA's review of a digital public good). */
  reviewedAtSource: boolean;
}

export interface RegistryRecord {
  /** The record's identifier at the source (stable across reads: refreshing matches on it). */
  sourceId: string;
  /** A link back to the record at the source. */
  url: string;
  texts: { lang: Language; title: string; description: string }[];
  status: InitiativeStatus;
  startDate: string | null;
  endDate: string | null;
  /** The total budget when the source gives one in a single currency. */
  budget: { amount: number; currency: string } | null;
  /** Money moved, in the source's currencies, never converted: the pledge money chain. */
  money: SourceMoney[];
  organizations: SourceOrganization[];
  /** Concord area codes (ISO alpha-3 for countries). */
  areas: string[];
  webLinks: { url: string; label: string | null }[];
  links: SourceLink[];
  /** What the source says of the record's standing, in its words (`DPG`, `nominee`). */
  stage: string | null;
  /** What could not be mapped, in plain words (a country name M49 does not know, ...). */
  notes: string[];
}

/** A record the connector could not read, with the reason: imports report these one by one. */
export interface RecordProblem {
  sourceId: string;
  problems: string[];
}

export interface RegistryRead {
  source: RegistrySource;
  records: RegistryRecord[];
  problems: RecordProblem[];
  /**
   * What part of the source the read covers, as prefixes of record identifiers: records of the
   * source outside it are not archived for being absent. Absent: the read is the whole source (the
   * DPGA registry). An IATI file holds one publisher's activities, whose identifiers begin with
   * the publisher's identifier.
   */
  scope?: string[];
}
