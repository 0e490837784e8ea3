// Concord's entry point: configuration -> store (seeded when empty or when the reference
// data changed) -> app -> listen.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, ConfigError } from './config.ts';
import { openStore, StoreInUse } from './store/index.ts';
import { socketPathFor } from './store/owner.ts';

/** The seeded snapshot to start a store from, when the folder holds no database yet. */
async function snapshotForNewStore(dataDir: string): Promise<string | undefined> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return undefined;
  const { findSeededSnapshot } = await import('./seed-snapshot.ts');
  const found = await findSeededSnapshot();
  if (found) console.log('Starting a new store from the seeded snapshot built at install.');
  return found;
}

// CONCORD_TIMING=1 prints when each part of start-up was ready (ms since start), to see where a start goes.
const started = performance.now();
const timing = process.env.CONCORD_TIMING === '1';
function mark(label: string): void {
  if (timing) console.log(`timing: ${label} at ${Math.round(performance.now() - started)} ms`);
}
function timed<T>(label: string, work: Promise<T>): Promise<T> {
  if (!timing) return work;
  return work.then((value) => {
    mark(label);
    return value;
  });
}

async function main() {
  const config = loadConfig();
  // A new embedded store starts from the seeded snapshot `npm install` built, when there is one for
  // these sources (src/seed-snapshot.ts): restored in seconds instead of seeded row by row.
  const snapshot = config.databaseUrl ? undefined : await timed('snapshot found', snapshotForNewStore(config.dataDir));
  // The embedded store opens in its own thread while this one loads what start-up runs after it
  // (the application, the seeds, the area catalogue, the job worker): none of it waits on the other.
  const [
    store,
    { createApp },
    { seedFrameworks, seedNeeded },
    { serve },
    { refreshAreaGroups },
    areas,
    { discardImport, handOverImport },
    { seedIndicators, indicatorSeedNeeded },
    { startWorker },
    { appJobKinds },
  ] = await Promise.all([
    // On the embedded store this claims the folder first: a second process is refused (exit 2).
    timed(
      'store open',
      openStore({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        owner: 'concord start',
        ...(snapshot ? { loadFrom: snapshot } : {}),
      }),
    ),
    timed('app modules', import('./web/app.ts')),
    import('./frameworks/seed.ts'),
    import('@hono/node-server'),
    import('./initiatives/area-groups.ts'),
    import('./areas/index.ts').then(({ areaCatalog }) => areaCatalog()),
    import('./initiatives/service.ts'),
    import('./indicators/seed.ts'),
    import('./jobs/worker.ts'),
    import('./web/job-kinds.ts'),
  ]);
  mark('start-up modules');
  if (await seedNeeded(store)) {
    const report = await seedFrameworks(store, undefined, 'concord start');
    const written = Object.values(report.inserted).reduce((a, b) => a + b, 0) + Object.values(report.updated).reduce((a, b) => a + b, 0);
    console.log(`Loaded the framework reference data (${written} rows written).`);
  }
  // Group tokens follow the shipped area data (dated LDC membership): redone when it changed.
  await refreshAreaGroups(store, areas);
  // An import cut short by a crash left rows no reader sees (src/initiatives/transfer.ts): they go,
  // unless it was decided (its updates past their commit point): then its hand-over is completed.
  await handOverImport(store);
  await discardImport(store);
  if (await indicatorSeedNeeded(store)) {
    const report = await seedIndicators(store, 'concord start');
    console.log(`Loaded the indicator catalogue and sample series (${report.observations.inserted} observations new).`);
  }
  mark('seeds checked');
  const app = createApp(store, config);
  // Long work (prints, ingest, imports) runs as durable jobs (src/jobs/); on PostgreSQL each process takes its share.
  const worker = startWorker(store, appJobKinds(app, store, config));
  const listening = await new Promise<{ server: ReturnType<typeof serve>; address: string }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      resolve({ server, address: `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}/` });
    });
    server.once('error', reject);
  });
  const { server, address } = listening;
  // The CLI hands its commands to this process while it owns the embedded store (src/store/handover.ts).
  const ownership = store.ownership;
  let handover: { close(): Promise<void> } | undefined;
  if (ownership) {
    const { listenForHandover, closeHandover } = await import('./store/handover.ts');
    const socket = socketPathFor(config.dataDir);
    // The very same command as run alone, on this process's store, printing to the caller.
    const listener = await listenForHandover(socket, ownership.record.token, async (request, output) => {
      const { runCommand } = await import('./cli.ts');
      return runCommand(request.argv, {
        config,
        output,
        cwd: request.cwd,
        stdin: () => Promise.resolve(request.stdin ?? ''),
        withStore: (work) => work(store),
      });
    });
    handover = { close: () => closeHandover(listener, socket) };
    await ownership.update({ address, socket });
  }
  const where = config.databaseUrl ? 'PostgreSQL' : `the embedded store in ${config.dataDir}`;
  console.log(`Concord is serving ${address} on ${where} (ready in ${Math.round(performance.now() - started)} ms)`);
  // The core library (data/documents) is read after the first page can be served (CONCORD_LIBRARY=off skips it).
  if (config.readLibrary) void import('./documents/library.ts').then(({ readLibraryInBackground }) => readLibraryInBackground(store));
  // The shipped registries (data/registries) too, once, and again when a data file changed (CONCORD_REGISTRIES=off skips it).
  if (config.readRegistries) void import('./registries/shipped.ts').then(({ loadShippedInBackground }) => loadShippedInBackground(store));
  const stop = () => {
    server.close();
    void handover?.close();
    // Running jobs go back to the queue (src/jobs/worker.ts); then the PDF printer's browser, if a report was printed.
    void worker
      .stop()
      .then(() => import('./reports/pdf.ts'))
      .then(({ closePrinters }) => closePrinters())
      .finally(() => store.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof StoreInUse) {
    console.error(`Concord is not starting: ${error.message}`);
    process.exit(2);
  }
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Concord could not start:', error);
  process.exit(1);
});
