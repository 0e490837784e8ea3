// The kinds of report Concord makes. A new kind (the Compact implementation map per GDC objective,
// say) is a module exporting `defineReportKind({...})` (kind.ts) and one more entry here: its
// pages, PDF, data bundle and API routes follow.
import type { ReportKind } from './kind.ts';
import { roadmapReport } from './roadmap-report.tsx';
import { areaReport } from './area-report.tsx';
import { compactReport } from './compact-report.tsx';

export const reportKinds: readonly ReportKind[] = [compactReport, roadmapReport, areaReport];

export function findReportKind(id: string): ReportKind | undefined {
  return reportKinds.find((k) => k.id === id);
}
