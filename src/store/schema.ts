// Every table, gathered for Drizzle and drizzle-kit. Each lives in its domain folder.
export * from '../provenance/schema.ts';
export * from '../organizations/schema.ts';
export * from '../frameworks/schema.ts';
export * from '../accounts/schema.ts';
export * from '../initiatives/schema.ts';
export * from '../pledges/schema.ts';
export * from '../roadmaps/schema.ts';
export * from '../documents/schema.ts';
export * from '../indicators/schema.ts';
export * from '../coverage/schema.ts';
export * from '../mandates/schema.ts';
export * from '../jobs/schema.ts';
export * from '../reports/schema.ts';
