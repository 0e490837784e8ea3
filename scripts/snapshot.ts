// Run by `npm install` (postinstall): builds the snapshot of a store seeded with the reference data
// (src/seed-snapshot.ts), so the first `npm start` on a new embedded store restores it in seconds
// instead of seeding row by row. Never fails the install: without a snapshot the first start seeds
// as before, only slower. CONCORD_SNAPSHOT=off skips it.
import { seededSnapshot } from '../src/seed-snapshot.ts';

if (process.env.CONCORD_SNAPSHOT === 'off') {
  console.log('concord: seeded snapshot skipped (CONCORD_SNAPSHOT=off)');
} else {
  try {
    await seededSnapshot((line) => console.log(`concord: ${line}`));
  } catch (error) {
    console.warn(
      `concord: no seeded snapshot (${error instanceof Error ? error.message : String(error)}); the first start will seed instead`,
    );
  }
}
