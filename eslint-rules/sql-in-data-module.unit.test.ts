import { ruleTester } from './rule-tester.ts';
import { sqlInDataModule } from './sql-in-data-module.ts';

const query = "import { sql } from '../store/index.ts';\nexport const names = (db) => db.query(sql`SELECT name FROM pledges`);";

ruleTester.run('concord/sql-in-data-module', sqlInDataModule, {
  valid: [
    { filename: 'src/pledges/repository.ts', code: query },
    { filename: 'src/pledges/progress-repository.ts', code: query },
    { filename: 'src/pledges/repository/reads.ts', code: query },
    { filename: 'src/store/read-model.ts', code: query },
    { filename: 'src/pledges/schema.ts', code: "import { sql } from 'drizzle-orm';\nexport const check = sql`${1} > 0`;" },
    // Hono's query string is not the store.
    { filename: 'src/pledges/pages.tsx', code: "export const q = (c) => c.req.query('q');" },
    {
      filename: 'src/pledges/service.ts',
      code: "import type { InferSelectModel } from 'drizzle-orm';\nexport type Row = InferSelectModel<never>;",
    },
    {
      filename: 'src/pledges/service.ts',
      code: "import { listPledges } from './repository.ts';\nexport const list = (db) => listPledges(db);",
    },
  ],
  invalid: [
    { filename: 'src/pledges/pages.tsx', code: query, errors: [{ messageId: 'query' }, { messageId: 'template' }] },
    { filename: 'src/cli.ts', code: 'export const n = (tx) => tx.query(q);', errors: [{ messageId: 'query' }] },
    { filename: 'src/pledges/service.ts', code: 'export const n = (store) => store.db.execute(q);', errors: [{ messageId: 'query' }] },
    // A file named like a data module but outside a slice folder, or a nearby name, is not one.
    { filename: 'src/pledges/repositories.ts', code: 'export const s = sql`SELECT 1`;', errors: [{ messageId: 'template' }] },
    { filename: 'src/reports/area-report.tsx', code: 'export const s = sql`SELECT 1`;', errors: [{ messageId: 'template' }] },
    { filename: 'src/pledges/service.ts', code: "import { eq } from 'drizzle-orm';", errors: [{ messageId: 'drizzle' }] },
  ],
});
