// The key that signs CSRF tokens: CONCORD_SECRET when set, else one the instance generates
// once and keeps in its store, so every process sharing the store uses the same key.
import type { Database } from '../store/index.ts';
import { signingSecret } from './repository.ts';
import { newToken } from './tokens.ts';

export async function instanceSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const stored = await signingSecret(db, newToken(48));
  if (!stored) throw new Error('the instance secret could not be stored');
  return stored;
}
