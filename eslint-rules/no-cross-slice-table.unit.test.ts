// The tables are the repository's own, read from src/<slice>/schema.ts: initiative_texts is the
// initiatives slice's, pledges the pledges slice's, users the accounts slice's.
import { describe, expect, it } from 'vitest';
import { ruleTester } from './rule-tester.ts';
import { noCrossSliceTable } from './no-cross-slice-table.ts';
import { tableOwners } from './slices.ts';

describe('the table owners read from the schema files', () => {
  it('names each table after the slice whose schema.ts defines it', () => {
    const owners = tableOwners(process.cwd());
    expect(owners.get('initiative_texts')).toBe('initiatives');
    expect(owners.get('pledges')).toBe('pledges');
    expect(owners.get('organizations')).toBe('organizations');
    expect(owners.get('jobs')).toBe('jobs');
  });
});

ruleTester.run('concord/no-cross-slice-table', noCrossSliceTable, {
  valid: [
    {
      filename: 'src/pledges/repository.ts',
      code: 'export const q = sql`SELECT * FROM pledges p JOIN progress_updates u ON u.pledge_id = p.id`;',
    },
    { filename: 'src/initiatives/repository.ts', code: 'export const q = sql`UPDATE initiative_texts SET title = ${title}`;' },
    // The store layer serves every slice.
    { filename: 'src/store/read-model.ts', code: 'export const q = sql`SELECT max(id) FROM changes`;' },
    // Words that are not table names, and a plain template that is not SQL.
    {
      filename: 'src/pledges/repository.ts',
      code: 'export const q = sql`SELECT extract(year from target_date) FROM pledges FOR UPDATE SKIP LOCKED`;',
    },
    { filename: 'src/pledges/service.ts', code: 'export const s = `text from users`;' },
  ],
  invalid: [
    {
      filename: 'src/pledges/repository.ts',
      code: 'export const q = sql`SELECT t.title FROM pledges p JOIN initiative_texts t ON t.initiative_id = p.initiative_id`;',
      errors: [{ messageId: 'foreignTable', data: { table: 'initiative_texts', owner: 'initiatives', slice: 'pledges' } }],
    },
    {
      filename: 'src/coverage/service.ts',
      code: 'export const q = sql`INSERT INTO "pledges" (id) SELECT id FROM public.users WHERE id = ${id}`;',
      errors: [
        { messageId: 'foreignTable', data: { table: 'pledges', owner: 'pledges', slice: 'coverage' } },
        { messageId: 'foreignTable', data: { table: 'users', owner: 'accounts', slice: 'coverage' } },
      ],
    },
    {
      filename: 'src/cli.ts',
      code: 'export const q = sql`UPDATE ONLY jobs SET state = ${state}`;',
      errors: [{ messageId: 'foreignTable', data: { table: 'jobs', owner: 'jobs', slice: 'src' } }],
    },
  ],
});
