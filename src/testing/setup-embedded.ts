// Vitest globalSetup for the embedded tiers: the snapshot of a migrated and seeded store for the
// current sources (src/seed-snapshot.ts; `npm install` builds it, else it is built here once), so
// each test file starts its own store from it in about a second and a half instead of initdb + seed.
import type { TestProject } from 'vitest/node';
import { seededSnapshot } from '../seed-snapshot.ts';
import './context.ts';

export default async function setup(project: TestProject): Promise<void> {
  project.provide('concordEmbeddedDump', await seededSnapshot((line) => console.log(`[concord] ${line}`)));
}
