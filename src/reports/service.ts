// Builds a report of any kind: the kind's loader, wrapped with what, in which language and when.
// Pages, the PDF, the data bundle and the API all serve what this returns.
import type { Database } from '../store/index.ts';
import type { Language } from '../language/languages.ts';
import type { Report, ReportKind } from './kind.ts';

export async function buildReport(
  kind: ReportKind,
  args: { db: Database; subject: string; lang: Language; publicUrl: string; now?: Date },
): Promise<Report<unknown> | undefined> {
  const loaded = await kind.load(args);
  if (!loaded) return undefined;
  return {
    kind: kind.id,
    subject: args.subject,
    lang: args.lang,
    generatedAt: (args.now ?? new Date()).toISOString(),
    address: `${args.publicUrl}/${args.lang}/reports/${kind.id}/${encodeURIComponent(args.subject)}`,
    ...loaded,
  };
}
