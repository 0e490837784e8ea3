// The accounts slice's SQL: users, sessions, API tokens, password resets and the instance's own
// secret. Tokens arrive here already hashed (tokens.ts): no credential is stored in clear.
import { sql, type Database } from '../store/index.ts';
import type { ApiTokenRow, UserRow as UserTableRow } from './schema.ts';

/** A user's row as read (the password hash only for checking it). */
export type UserRecord = Pick<UserTableRow, 'id' | 'email' | 'name' | 'language' | 'passwordHash' | 'disabledAt' | 'createdAt'> & {
  role: 'contributor' | 'reviewer' | 'administrator';
};

/** A user's columns, read from `users u`. */
const userColumns = sql`u.id, u.email, u.name, u.role, u.language, u.created_at AS "createdAt", u.password_hash AS "passwordHash",
  u.disabled_at AS "disabledAt"`;

export async function userByEmail(db: Database, normalizedEmail: string): Promise<UserRecord | undefined> {
  const [row] = await db.query<UserRecord>(sql`SELECT ${userColumns} FROM users u WHERE lower(email) = ${normalizedEmail}`);
  return row;
}

export async function activeUserById(db: Database, id: string): Promise<UserRecord | undefined> {
  const [row] = await db.query<UserRecord>(sql`SELECT ${userColumns} FROM users u WHERE id = ${id} AND disabled_at IS NULL`);
  return row;
}

export async function insertUser(
  tx: Database,
  u: { id: string; email: string; name: string; passwordHash: string; role: string; language: string },
): Promise<UserRecord> {
  const [row] = await tx.query<UserRecord>(
    sql`INSERT INTO users AS u (id, email, name, password_hash, role, language)
        VALUES (${u.id}, ${u.email}, ${u.name}, ${u.passwordHash}, ${u.role}, ${u.language})
        RETURNING ${userColumns}`,
  );
  return row!;
}

/** Sets the password hash; false when there is no such user. */
export async function updatePasswordHash(tx: Database, userId: string, passwordHash: string): Promise<boolean> {
  const updated = await tx.query(sql`UPDATE users SET password_hash = ${passwordHash} WHERE id = ${userId} RETURNING id`);
  return updated.length > 0;
}

export async function userRole(tx: Database, userId: string): Promise<string | undefined> {
  const [row] = await tx.query<Pick<UserTableRow, 'role'>>(sql`SELECT role FROM users WHERE id = ${userId}`);
  return row?.role;
}

export async function updateRole(tx: Database, userId: string, role: string): Promise<void> {
  await tx.query(sql`UPDATE users SET role = ${role} WHERE id = ${userId}`);
}

// ---------------------------------------------------------------- sessions

export async function insertSession(db: Database, tokenHash: string, userId: string, expiresAt: string): Promise<void> {
  await db.query(sql`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (${tokenHash}, ${userId}, ${expiresAt})`);
}

/** The enabled user of an unexpired session. */
export async function userOfSession(db: Database, tokenHash: string): Promise<UserRecord | undefined> {
  const [row] = await db.query<UserRecord>(
    sql`SELECT ${userColumns} FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ${tokenHash} AND s.expires_at > now() AND u.disabled_at IS NULL`,
  );
  return row;
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.query(sql`DELETE FROM sessions WHERE token_hash = ${tokenHash}`);
}

/** Ends every session of the user but the one with `keepHash` (none kept when it is ''). */
export async function deleteOtherSessions(tx: Database, userId: string, keepHash: string): Promise<void> {
  await tx.query(sql`DELETE FROM sessions WHERE user_id = ${userId} AND token_hash <> ${keepHash}`);
}

// ---------------------------------------------------------------- password resets

export async function insertPasswordReset(db: Database, tokenHash: string, userId: string, expiresAt: string): Promise<void> {
  await db.query(sql`INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (${tokenHash}, ${userId}, ${expiresAt})`);
}

/** Uses an unexpired, unused reset token; the user it was for, or undefined. */
export async function claimPasswordReset(db: Database, tokenHash: string): Promise<string | undefined> {
  const claimed = await db.query<{ user_id: string }>(
    sql`UPDATE password_resets SET used_at = now()
        WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
  );
  return claimed[0]?.user_id;
}

export async function expirePasswordResets(tx: Database, userId: string): Promise<void> {
  await tx.query(sql`UPDATE password_resets SET used_at = now() WHERE user_id = ${userId} AND used_at IS NULL`);
}

// ---------------------------------------------------------------- API tokens

export type ApiTokenRecord = Pick<ApiTokenRow, 'id' | 'name' | 'createdAt' | 'lastUsedAt'>;

export async function insertApiToken(
  db: Database,
  t: { id: string; userId: string; name: string; tokenHash: string },
): Promise<Pick<ApiTokenRow, 'id' | 'name' | 'createdAt'>> {
  const [row] = await db.query<Pick<ApiTokenRow, 'id' | 'name' | 'createdAt'>>(
    sql`INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES (${t.id}, ${t.userId}, ${t.name}, ${t.tokenHash})
        RETURNING id, name, created_at AS "createdAt"`,
  );
  return row!;
}

export async function liveApiTokens(db: Database, userId: string): Promise<ApiTokenRecord[]> {
  return db.query<ApiTokenRecord>(
    sql`SELECT id, name, created_at AS "createdAt", last_used_at AS "lastUsedAt" FROM api_tokens
        WHERE user_id = ${userId} AND revoked_at IS NULL ORDER BY created_at`,
  );
}

/** Revokes one of the user's live tokens; false when there is none such. */
export async function revokeToken(db: Database, userId: string, id: string): Promise<boolean> {
  const done = await db.query(
    sql`UPDATE api_tokens SET revoked_at = now() WHERE id = ${id} AND user_id = ${userId} AND revoked_at IS NULL RETURNING id`,
  );
  return done.length > 0;
}

/** Revokes every live token of the user; how many there were. */
export async function revokeAllTokens(tx: Database, userId: string): Promise<number> {
  const revoked = await tx.query(
    sql`UPDATE api_tokens SET revoked_at = now() WHERE user_id = ${userId} AND revoked_at IS NULL RETURNING id`,
  );
  return revoked.length;
}

/** The enabled user of a live token, noting that the token was used. */
export async function useApiToken(db: Database, tokenHash: string): Promise<UserRecord | undefined> {
  const [row] = await db.query<UserRecord>(
    sql`UPDATE api_tokens t SET last_used_at = now() FROM users u
        WHERE t.token_hash = ${tokenHash} AND t.revoked_at IS NULL AND u.id = t.user_id AND u.disabled_at IS NULL
        RETURNING ${userColumns}`,
  );
  return row;
}

// ---------------------------------------------------------------- the instance's secret

/** The stored signing secret, stored first as `candidate` when there is none yet. */
export async function signingSecret(db: Database, candidate: string): Promise<string | undefined> {
  await db.query(sql`INSERT INTO instance_secrets (name, value) VALUES ('signing', ${candidate}) ON CONFLICT (name) DO NOTHING`);
  const [row] = await db.query<{ value: string }>(sql`SELECT value FROM instance_secrets WHERE name = 'signing'`);
  return row?.value;
}
