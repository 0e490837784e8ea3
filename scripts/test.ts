// `npm test`: runs the test tiers in order (unit, integration, integration-pg, e2e), each as a
// Vitest project in its own process, says plainly which tiers it passed over and how to enable
// them, and ends with one line totalled over all tiers: "N passed, N failed, N skipped".
//
//   npm test                       every tier whose prerequisites are present
//   npm test -- integration e2e    only these tiers
//   npm test -- unit src/language  a tier, with Vitest file filters after it
//
// CONCORD_TEST_ALL=1 (CI) turns a missing prerequisite into a failure.
import { spawn } from 'node:child_process';
import { existsSync, globSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const vitestBin = path.join(root, 'node_modules/vitest/vitest.mjs');

const tierNames = ['unit', 'integration', 'integration-pg', 'e2e'] as const;
type TierName = (typeof tierNames)[number];

interface Tier {
  name: TierName;
  /** Test files, as vitest.config.ts includes them. */
  files: string;
  /** Why the tier cannot run here and how to enable it; undefined when it can. */
  missing(): string | undefined;
}

/** The chromium the e2e tier drives: CONCORD_CHROMIUM, else Debian's. */
function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONCORD_CHROMIUM || '/usr/bin/chromium';
}

const tiers: Tier[] = [
  { name: 'unit', files: '{src,eslint-rules}/**/*.unit.test.ts', missing: () => undefined },
  { name: 'integration', files: 'src/**/*.int.test.ts', missing: () => undefined },
  {
    name: 'integration-pg',
    files: 'src/**/*.int.test.ts',
    missing: () =>
      process.env.TEST_DATABASE_URL
        ? undefined
        : 'set TEST_DATABASE_URL=postgres://USER@127.0.0.1:5433/postgres (a PostgreSQL server whose role may create databases) to run it; .ci/run shows how to start a throwaway one',
  },
  {
    name: 'e2e',
    files: 'e2e/**/*.e2e.test.ts',
    missing: () =>
      existsSync(chromiumPath())
        ? undefined
        : `no chromium at ${chromiumPath()}: install it (apt-get install chromium fonts-noto-cjk) or set CONCORD_CHROMIUM=/path/to/chromium to run it`,
  },
];

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** The parts of Vitest's JSON report (--reporter=json) counted here. */
interface JsonReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName?: string; failureMessages?: string[] }[];
  }[];
}

/**
 * One line per failed test (its file, its name, the first line of its message), printed again in the summary,
 * so the end of a long run names what failed.
 */
function failuresOf(report: JsonReport): string[] {
  const firstLine = (text: string | undefined) =>
    (text ?? '')
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  const out: string[] = [];
  for (const file of report.testResults) {
    const where = path.relative(root, file.name);
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    if (file.status === 'failed' && failed.length === 0) out.push(`  ${where}: ${firstLine(file.message)}`);
    for (const test of failed) out.push(`  ${where} > ${test.fullName ?? ''}: ${firstLine(test.failureMessages?.[0])}`);
  }
  return out;
}

/** Counts a tier's report; a file that failed without a failed test (it did not load) counts as one failure. */
function countReport(report: JsonReport): Counts {
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function runVitest(tier: TierName, filters: string[], reportFile: string): Promise<number> {
  const args = [
    vitestBin,
    'run',
    '--project',
    tier,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...filters,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const chosen = args.filter((a): a is TierName => (tierNames as readonly string[]).includes(a));
  const filters = args.filter((a) => !(tierNames as readonly string[]).includes(a));
  const requireAll = process.env.CONCORD_TEST_ALL === '1';
  const selected = tiers.filter((t) => chosen.length === 0 || chosen.includes(t.name));

  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const lines: string[] = [];
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'concord-test-'));
  try {
    for (const tier of selected) {
      const missing = tier.missing();
      if (missing) {
        if (requireAll) {
          total.failed += 1;
          lines.push(`${tier.name} FAILED: it cannot run (CONCORD_TEST_ALL=1 requires every tier): ${missing}`);
        } else {
          lines.push(`${tier.name} skipped: ${missing}`);
        }
        continue;
      }
      if (globSync(tier.files, { cwd: root }).length === 0) {
        lines.push(`${tier.name}: no test files yet (${tier.files})`);
        continue;
      }

      console.log(`\n=== ${tier.name} ===`);
      const reportFile = path.join(scratch, `${tier.name}.json`);
      const started = performance.now();
      const exitCode = await runVitest(tier.name, filters, reportFile);
      const took = seconds(performance.now() - started);

      let counts: Counts;
      let failures: string[] = [];
      try {
        const report = JSON.parse(await readFile(reportFile, 'utf8')) as JsonReport;
        counts = countReport(report);
        failures = failuresOf(report);
      } catch {
        // No report: Vitest stopped before reporting (a global setup or configuration error).
        counts = { passed: 0, failed: 0, skipped: 0 };
      }
      if (exitCode !== 0 && counts.failed === 0) counts.failed = 1; // e.g. an unhandled error between tests
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
      const outcome = counts.failed > 0 ? 'FAILED' : 'passed';
      lines.push(`${tier.name} ${outcome} in ${took}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
      lines.push(...failures.map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line)));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  console.log('\n=== summary ===');
  for (const line of lines) console.log(line);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed > 0 ? 1 : 0;
}

process.exitCode = await main();
