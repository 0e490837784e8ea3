// What the tiers' global setups hand to test files (Vitest `provide` / `inject`).
declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the seeded embedded-store dump (tar) each test file starts from. */
    concordEmbeddedDump: string;
    /** The seeded PostgreSQL template database each test file's database is copied from. */
    concordPostgresTemplate: string;
  }
}

export {};
