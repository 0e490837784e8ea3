// Concord's entry point: configuration -> store (seeded when empty or when the reference
// data changed) -> app -> listen.
import { loadConfig, ConfigError } from './config.ts';
import { openStore } from './store/index.ts';

async function main() {
  const started = performance.now();
  const config = loadConfig();
  // The embedded store opens in its own thread while this one loads the application.
  const [store, { createApp }, { seedFrameworks, seedNeeded }, { serve }] = await Promise.all([
    openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }),
    import('./web/app.ts'),
    import('./frameworks/seed.ts'),
    import('@hono/node-server'),
  ]);
  if (await seedNeeded(store)) {
    const report = await seedFrameworks(store, undefined, 'concord start');
    const written = Object.values(report.inserted).reduce((a, b) => a + b, 0) + Object.values(report.updated).reduce((a, b) => a + b, 0);
    console.log(`Loaded the framework reference data (${written} rows written).`);
  }
  // Group tokens follow the shipped area data (dated LDC membership): redone when it changed.
  const { refreshAreaGroups } = await import('./initiatives/area-groups.ts');
  const { areaCatalog } = await import('./areas/index.ts');
  await refreshAreaGroups(store, await areaCatalog());
  const { seedIndicators, indicatorSeedNeeded } = await import('./indicators/seed.ts');
  if (await indicatorSeedNeeded(store)) {
    const report = await seedIndicators(store, 'concord start');
    console.log(`Loaded the indicator catalogue and sample series (${report.observations.inserted} observations new).`);
  }
  const app = createApp(store, config);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const where = config.databaseUrl ? 'PostgreSQL' : `the embedded store in ${config.dataDir}`;
    console.log(
      `Concord is serving http://${info.address}:${info.port}/ on ${where} (ready in ${Math.round(performance.now() - started)} ms)`,
    );
  });
  // The core library (data/documents) is read after the first page can be served.
  void import('./documents/library.ts').then(({ readLibraryInBackground }) => readLibraryInBackground(store));
  const stop = () => {
    server.close();
    // The PDF printer's browser, if a report was printed (src/reports/pdf.ts).
    void import('./reports/pdf.ts')
      .then(({ closePrinters }) => closePrinters())
      .finally(() => store.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Concord could not start:', error);
  process.exit(1);
});
