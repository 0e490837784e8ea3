// What the end-to-end files share: Debian's chromium driven through playwright-core, Concord
// served on a real port from a seeded test store, and axe-core with the WCAG tags the pages
// must meet. One browser and one server per test file; pages are reused between tests.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import type { Store } from '../src/store/index.ts';
import { openTestStore } from '../src/testing/store.ts';
import { createApp } from '../src/web/app.ts';
import { appJobKinds } from '../src/web/job-kinds.ts';
import { JobWorker } from '../src/jobs/worker.ts';

/** The chromium to drive: CONCORD_CHROMIUM, else Debian's. */
export const chromiumPath = process.env.CONCORD_CHROMIUM || '/usr/bin/chromium';

/** Chromium without anything that talks to the network on its own (ARCHITECTURE.md). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface RunningApp {
  /** "http://127.0.0.1:PORT", without a trailing slash. */
  origin: string;
  store: Store;
  close(): Promise<void>;
}

/** Serves Concord on a free loopback port, on a seeded store of its own, with its job worker (as src/main.ts). */
export async function startApp(): Promise<RunningApp> {
  const store = await openTestStore();
  try {
    const config = { ...loadConfig({}), log: 'silent' } as const;
    const app = createApp(store, config);
    const worker = new JobWorker(store, appJobKinds(app, store, config), { pollMs: 200 }).start();
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    if (!server.listening) await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
    const { port } = server.address() as AddressInfo;
    return {
      origin: `http://127.0.0.1:${port}`,
      store,
      close: async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections from the browser would hold close() open.
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await worker.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

export interface Session {
  browser: Browser;
  app: RunningApp;
  /** A page in a fresh context (English browser, 1280x900), opened once per call. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the app and the browser side by side; close() ends both. */
export async function startSession(): Promise<Session> {
  const [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  return {
    app,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: app.origin,
        locale: 'en-GB',
        viewport: { width: 1280, height: 900 },
        ...options,
      });
      return context.newPage();
    },
    async close() {
      await Promise.allSettled([browser.close(), app.close()]);
    },
  };
}

/** The WCAG 2.0/2.1/2.2 A and AA rules (issue 2: "no serious or critical violation"). */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Finding {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
  /** How many elements the rule flagged. */
  count: number;
}

/** Runs axe-core on the page as it is and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Finding[]> {
  // Legacy mode runs axe in the page's one frame (these pages have no iframes) and saves
  // the blank page the default mode opens per analysis.
  const results = await new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(' ')),
      count: v.nodes.length,
    }));
}

/** Findings as lines a developer can act on: rule, impact, what to do, where. */
export function describeFindings(url: string, findings: Finding[]): string {
  if (findings.length === 0) return `${url}: no serious or critical violation`;
  return [
    `${url}: ${findings.length} serious or critical axe violation(s)`,
    ...findings.map(
      (f) =>
        `  - ${f.id} [${f.impact}] ${f.help} (${f.count} element(s); ${f.helpUrl})\n` + f.targets.map((t) => `      at ${t}`).join('\n'),
    ),
  ].join('\n');
}
