// The job kinds the server's worker runs, assembled here beside the app (as app.ts mounts every
// slice's routes) so that the jobs slice never imports the slices that hand it work. Each slice that
// moves long work to a job adds its kind here, bound to this app and store.
import type { Hono } from 'hono';
import type { Store } from '../store/index.ts';
import type { Config } from '../config.ts';
import type { AppEnv } from './env.ts';
import { JobKinds } from '../jobs/kind.ts';
import { reportPrintKind } from '../reports/print-job.ts';
import { documentIngestKind } from '../documents/ingest-job.ts';

export function appJobKinds(app: Hono<AppEnv>, store: Store, config: Config): JobKinds {
  // The printer loads the report page from this app in-process (reports/pdf.ts).
  return new JobKinds()
    .add(reportPrintKind({ db: store.db, config, fetch: (request) => app.fetch(request) }))
    .add(documentIngestKind(store));
}
