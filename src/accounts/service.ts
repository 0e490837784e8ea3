// People: sign-up, sign-in, sessions, password change and reset, API tokens, roles. Every
// write checks who may do it here (not only in the routes). Organizations and their members
// are a slice of their own (src/organizations).
import { randomUUID } from 'node:crypto';
import type { Database, Store } from '../store/index.ts';
import { recordChange } from '../provenance/history.ts';
import { hashPassword, verifyPassword, decoyHash, isCommonPassword } from './passwords.ts';
import { cleanName } from '../language/names.ts';
import { hashToken, newToken } from './tokens.ts';
import { Refusal } from '../shared/refusal.ts';
import * as repository from './repository.ts';
import type { Role, User } from './user.ts';

export type { Role, User } from './user.ts';
export { isAdministrator, isReviewer } from './policy.ts';

const SESSION_DAYS = 14;
const RESET_MINUTES = 60;

const toUser = (r: repository.UserRecord): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  language: r.language,
  createdAt: r.createdAt,
});

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function userByEmail(db: Database, email: string): Promise<repository.UserRecord | undefined> {
  return repository.userByEmail(db, normalizeEmail(email));
}

export async function getUser(db: Database, id: string): Promise<User | undefined> {
  const row = await repository.activeUserById(db, id);
  return row ? toUser(row) : undefined;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  language?: string;
  role?: Role;
}

/** Refuses one of the most common passwords (400, on the given form field). */
async function refuseCommonPassword(password: string, field: string): Promise<void> {
  if (await isCommonPassword(password)) throw new Refusal(400, 'account.passwordCommon', field);
}

/** Creates an account. Refuses an address already in use (409, on the email field) and a common password. */
export async function createUser(store: Store, input: NewUser, actor = 'self'): Promise<User> {
  await refuseCommonPassword(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  return store.transaction(async (tx) => {
    if (await userByEmail(tx, input.email)) throw new Refusal(409, 'account.emailTaken', 'email');
    const row = await repository.insertUser(tx, {
      id,
      email: input.email.trim(),
      name: cleanName(input.name),
      passwordHash,
      role: input.role ?? 'contributor',
      language: input.language ?? 'en',
    });
    const user = toUser(row);
    await recordChange(tx, { entity: 'user', entityId: id, action: 'create', actor: actor === 'self' ? id : actor, after: { ...user } });
    return user;
  });
}

/** The user for an email and password, or undefined; takes the same time either way. */
export async function authenticate(db: Database, email: string, password: string): Promise<User | undefined> {
  const row = await userByEmail(db, email);
  const ok = await verifyPassword(password, row?.passwordHash ?? decoyHash);
  if (!row || !ok || row.disabledAt) return undefined;
  return toUser(row);
}

/** Starts a session; returns the token for the cookie (the store keeps only its hash). */
export async function createSession(db: Database, userId: string): Promise<string> {
  const token = newToken();
  const expires = new Date(Date.now() + SESSION_DAYS * 86400_000).toISOString();
  await repository.insertSession(db, hashToken(token), userId, expires);
  return token;
}

export async function sessionUser(db: Database, token: string): Promise<User | undefined> {
  const row = await repository.userOfSession(db, hashToken(token));
  return row ? toUser(row) : undefined;
}

export async function endSession(db: Database, token: string): Promise<void> {
  await repository.deleteSession(db, hashToken(token));
}

/** Changes a password after checking the current one; ends the user's other sessions. */
export async function changePassword(store: Store, user: User, current: string, next: string, keepSession?: string): Promise<void> {
  const row = await userByEmail(store.db, user.email);
  if (!row || !(await verifyPassword(current, row.passwordHash))) throw new Refusal(400, 'account.wrongPassword', 'current');
  await setPassword(store, user.id, next, user.id, keepSession);
}

/**
 * Sets a password (change, reset, or an administrator's `concord user password`). Whoever knew
 * the old one loses what it gave them: the other sessions end, every API token made before is
 * revoked (revoking is safer than asking: a thief's token would be on the list too), and every
 * outstanding reset link stops working. Refuses a common password (on the `next` field).
 */
export async function setPassword(store: Store, userId: string, password: string, actor: string, keepSession?: string): Promise<void> {
  await refuseCommonPassword(password, 'next');
  const passwordHash = await hashPassword(password);
  await store.transaction(async (tx) => {
    if (!(await repository.updatePasswordHash(tx, userId, passwordHash))) throw new Refusal(404, 'account.noSuchUser');
    await repository.deleteOtherSessions(tx, userId, keepSession ? hashToken(keepSession) : '');
    const revoked = await repository.revokeAllTokens(tx, userId);
    await repository.expirePasswordResets(tx, userId);
    await recordChange(tx, {
      entity: 'user',
      entityId: userId,
      action: 'password',
      actor,
      note: `password changed; other sessions ended, ${revoked} API token(s) revoked`,
    });
  });
}

/** A one-hour reset token for the address, or undefined when no account has it (say nothing either way). */
export async function startPasswordReset(db: Database, email: string): Promise<{ token: string; user: User } | undefined> {
  const row = await userByEmail(db, email);
  if (!row || row.disabledAt) return undefined;
  const token = newToken();
  const expires = new Date(Date.now() + RESET_MINUTES * 60_000).toISOString();
  await repository.insertPasswordReset(db, hashToken(token), row.id, expires);
  return { token, user: toUser(row) };
}

/**
 * Uses a reset token once to set a new password; the user's other reset tokens die with it
 * (setPassword). A common password is refused before the token is spent, so the link still works.
 */
export async function finishPasswordReset(store: Store, token: string, password: string): Promise<User> {
  await refuseCommonPassword(password, 'next');
  const userId = await repository.claimPasswordReset(store.db, hashToken(token));
  if (!userId) throw new Refusal(400, 'account.resetExpired');
  await setPassword(store, userId, password, userId);
  return (await getUser(store.db, userId))!;
}

// ---------------------------------------------------------------- API tokens

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A new API token for integrators; the secret is shown once. */
export async function createApiToken(store: Store, user: User, name: string): Promise<{ token: string; record: ApiToken }> {
  const secret = `cnc_${newToken()}`;
  const id = randomUUID();
  const row = await repository.insertApiToken(store.db, { id, userId: user.id, name: name.trim(), tokenHash: hashToken(secret) });
  return { token: secret, record: { ...row, lastUsedAt: null } };
}

export async function listApiTokens(db: Database, user: User): Promise<ApiToken[]> {
  return repository.liveApiTokens(db, user.id);
}

export async function revokeApiToken(db: Database, user: User, id: string): Promise<void> {
  if (!(await repository.revokeToken(db, user.id, id))) throw new Refusal(404, 'account.noSuchToken');
}

export async function apiTokenUser(db: Database, token: string): Promise<User | undefined> {
  const row = await repository.useApiToken(db, hashToken(token));
  return row ? toUser(row) : undefined;
}

/** An administrator gives a user a role (`concord user role`, or the admin page). */
export async function setRole(store: Store, actor: string, userId: string, role: Role): Promise<void> {
  await store.transaction(async (tx) => {
    const before = await repository.userRole(tx, userId);
    if (before === undefined) throw new Refusal(404, 'account.noSuchUser');
    await repository.updateRole(tx, userId, role);
    await recordChange(tx, { entity: 'user', entityId: userId, action: 'role', actor, before: { role: before }, after: { role } });
  });
}

export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const row = await userByEmail(db, email);
  return row ? toUser(row) : undefined;
}
