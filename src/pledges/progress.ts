// Where a pledge stands, computed from its baseline, target and progress updates. The rules are
// stated to users beside the status (catalog keys pledge.rule.*):
// - achieved: the latest value reached the target;
// - overdue: the target date has passed and the target was not reached;
// - inactive: no update for 24 months; no-report: no update for 12 months;
// - on track: the latest value covers at least 90% of the change a straight line from the
//   baseline to the target expects by the date of that value; off track otherwise;
// - awaiting-report: no update yet, and the pledge is younger than 12 months.
// Progress % is the share of the baseline-to-target change done (0-100).

export type PledgeStatus = 'achieved' | 'on-track' | 'off-track' | 'overdue' | 'no-report' | 'inactive' | 'awaiting-report';

export interface PledgeFigures {
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  /** When the pledge was made (counts as the last report when there is none). */
  createdAt: string;
}

export interface ProgressPoint {
  date: string;
  value: number;
}

export interface PledgeProgress {
  status: PledgeStatus;
  /** 0-100, or null without an update. */
  progressPercent: number | null;
  latest: ProgressPoint | null;
  /** The value a straight line from baseline to target expects at the latest update's date. */
  expectedAtLatest: number | null;
  /** Share of the expected change covered (1 = exactly on the line). */
  coverage: number | null;
}

const DAY = 86_400_000;
const monthsBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / (30.4375 * DAY);

/** The value the straight line from baseline to target expects on a date. */
export function expectedValue(p: PledgeFigures, date: string): number {
  const start = Date.parse(p.baselineDate);
  const end = Date.parse(p.targetDate);
  if (end <= start) return p.targetValue;
  const share = Math.min(1, Math.max(0, (Date.parse(date) - start) / (end - start)));
  return p.baselineValue + (p.targetValue - p.baselineValue) * share;
}

/** Progress as a share of the baseline-to-target change (clamped to 0-100). */
export function progressPercent(p: PledgeFigures, value: number): number {
  const change = p.targetValue - p.baselineValue;
  if (change === 0) return value === p.targetValue ? 100 : 0;
  return Math.round(Math.min(100, Math.max(0, ((value - p.baselineValue) / change) * 100)) * 10) / 10;
}

/** Computes a pledge's status on `today` (ISO date) from its updates. */
export function assessPledge(p: PledgeFigures, updates: readonly ProgressPoint[], today: string): PledgeProgress {
  const sorted = [...updates].sort((a, b) => a.date.localeCompare(b.date));
  const latest = sorted.at(-1) ?? null;
  const rising = p.targetValue >= p.baselineValue;
  const reached = (v: number) => (rising ? v >= p.targetValue : v <= p.targetValue);
  if (latest && reached(latest.value)) {
    return { status: 'achieved', progressPercent: 100, latest, expectedAtLatest: expectedValue(p, latest.date), coverage: null };
  }
  const lastReport = latest?.date ?? p.createdAt.slice(0, 10);
  const silence = monthsBetween(lastReport, today);
  let status: PledgeStatus;
  let coverage: number | null = null;
  let expected: number | null = null;
  if (today > p.targetDate) status = 'overdue';
  else if (silence >= 24) status = 'inactive';
  else if (silence >= 12) status = 'no-report';
  else if (!latest) status = 'awaiting-report';
  else {
    expected = expectedValue(p, latest.date);
    const expectedChange = expected - p.baselineValue;
    const actualChange = latest.value - p.baselineValue;
    coverage = expectedChange === 0 ? (actualChange * (rising ? 1 : -1) >= 0 ? 1 : 0) : actualChange / expectedChange;
    status = coverage >= 0.9 ? 'on-track' : 'off-track';
  }
  return {
    status,
    progressPercent: latest ? progressPercent(p, latest.value) : null,
    latest,
    expectedAtLatest: expected ?? (latest ? expectedValue(p, latest.date) : null),
    coverage,
  };
}

/** An initiative's progress: the mean of its pledges' progress, weighted when weights are given. */
export function rollUp(pledges: readonly { progressPercent: number | null; weight: number | null }[]): number | null {
  const reported = pledges.filter((p) => p.progressPercent !== null);
  if (reported.length === 0) return null;
  const weighted = reported.every((p) => p.weight !== null && p.weight > 0);
  const total = weighted ? reported.reduce((s, p) => s + p.weight!, 0) : reported.length;
  const sum = reported.reduce((s, p) => s + p.progressPercent! * (weighted ? p.weight! : 1), 0);
  return Math.round((sum / total) * 10) / 10;
}

/**
 * How many decimals a pledge's figures are shown with: as many as its own baseline, target and
 * reports use (at most 3). A pledge counted in whole households shows a straight-line
 * expectation of 15,107.68 as 15,108; one stated as 12.5% keeps its tenth.
 *
 * @example
 * decimalsOf({ baselineValue: 0, targetValue: 40000, updates: [{ value: 1200 }] }) // 0
 */
export function decimalsOf(p: { baselineValue: number; targetValue: number; updates?: readonly { value: number }[] }): number {
  const decimals = (n: number) => {
    if (!Number.isFinite(n)) return 0;
    const [, fraction = ''] = String(n).split('.');
    return fraction.includes('e') ? 3 : fraction.length;
  };
  return Math.min(3, Math.max(decimals(p.baselineValue), decimals(p.targetValue), ...(p.updates ?? []).map((u) => decimals(u.value))));
}
