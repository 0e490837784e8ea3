// What the web layer needs from accounts to know who is asking (web/session.ts depends on this
// interface, not on how accounts keeps users, sessions and tokens): the user behind a session
// cookie or an API token, the key that signs form tokens, and the write allowance per user.
import type { Database } from '../store/index.ts';
import { apiTokenUser, sessionUser } from './service.ts';
import { instanceSecret } from './secret.ts';
import { hit, limits, type LimitResult } from './rate-limit.ts';
import type { User } from './user.ts';

export type { User } from './user.ts';
export { hmac, newToken, sameToken } from './tokens.ts';

export interface Identity {
  /** The signed-in user of a session cookie's token, when the session is live. */
  sessionUser(token: string): Promise<User | undefined>;
  /** The user of a bearer API token, when it is live (its use is noted). */
  apiTokenUser(token: string): Promise<User | undefined>;
  /** The key that signs CSRF tokens: the configured one, or the instance's own. */
  signingSecret(configured: string | undefined): Promise<string>;
  /** Counts one write by the user against their allowance. */
  countWrite(userId: string): Promise<LimitResult>;
}

/** The accounts of a store, as the web layer sees them. */
export function identityIn(db: Database): Identity {
  return {
    sessionUser: (token) => sessionUser(db, token),
    apiTokenUser: (token) => apiTokenUser(db, token),
    signingSecret: (configured) => instanceSecret(db, configured),
    countWrite: (userId) => hit(db, `write:${userId}`, limits.write),
  };
}
