// The job kinds the server's worker runs. Each slice that hands long work to a job adds its kind
// here (a report print, a document ingest, an import), built for this app and store.
import { JobKinds } from './kind.ts';

export function appJobKinds(): JobKinds {
  return new JobKinds();
}
