// A results file of a benchmark measured per store (bench/results/*.json).
import { readFile, writeFile } from 'node:fs/promises';

/**
 * Writes `runs` to `file`, keeping from the file as it was the runs of stores not measured this
 * time (each store can be run on its own: BENCH_DATABASE_URL, BENCH_SKIP_EMBEDDED).
 *
 * @example
 * await writeRunsPerStore(path.join(results, 'pages.json'), 'pages', machine, [{ store: 'PostgreSQL', ... }]);
 */
export async function writeRunsPerStore(
  file: string,
  benchmark: string,
  machine: Record<string, unknown>,
  runs: readonly { store: string }[],
): Promise<void> {
  const previous = await readFile(file, 'utf8')
    .then((text) => (JSON.parse(text) as { runs: { store: string }[] }).runs)
    .catch(() => []);
  const kept = previous.filter((p) => !runs.some((r) => r.store === p.store));
  await writeFile(file, JSON.stringify({ benchmark, at: new Date().toISOString(), machine, runs: [...runs, ...kept] }, null, 2) + '\n');
}
