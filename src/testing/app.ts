// The whole application on a seeded test store, for tests that speak HTTP to it in-process
// (`app.request`) or through a real port (the browser tier).
import { createApp } from '../web/app.ts';
import { loadConfig } from '../config.ts';
import { openTestStore } from './store.ts';
import type { Store } from '../store/index.ts';
import type { Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';

export interface TestApp {
  store: Store;
  app: Hono<AppEnv>;
  close(): Promise<void>;
}

/**
 * @example
 * let t: TestApp;
 * beforeAll(async () => { t = await openTestApp(); });
 * afterAll(() => t.close());
 * const response = await t.app.request('/api/v1/frameworks');
 */
export async function openTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const store = await openTestStore();
  const app = createApp(store, loadConfig(env));
  return { store, app, close: () => store.close() };
}
