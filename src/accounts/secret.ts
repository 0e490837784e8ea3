// The key that signs CSRF tokens: CONCORD_SECRET when set, else one the instance generates
// once and keeps in its store, so every process sharing the store uses the same key.
import { sql, type Database } from '../store/index.ts';
import { newToken } from './tokens.ts';

export async function instanceSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.query(sql`INSERT INTO instance_secrets (name, value) VALUES ('signing', ${newToken(48)}) ON CONFLICT (name) DO NOTHING`);
  const [row] = await db.query<{ value: string }>(sql`SELECT value FROM instance_secrets WHERE name = 'signing'`);
  if (!row) throw new Error('the instance secret could not be stored');
  return row.value;
}
