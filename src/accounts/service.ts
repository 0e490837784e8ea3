// People and organizations: sign-up, sign-in, sessions, password change and reset, API
// tokens, organizations with their members and join requests, verification by reviewers.
// Every write checks who may do it, per record, here (not only in the routes).
import { randomUUID } from 'node:crypto';
import { pgTextArray, sql, type Database, type Store } from '../store/index.ts';
import { recordChange } from '../provenance/history.ts';
import { hashPassword, verifyPassword, decoyHash, isCommonPassword } from './passwords.ts';
import { cleanName, nameKey } from '../language/names.ts';
import { hashToken, newToken } from './tokens.ts';
import { Refusal } from '../shared/refusal.ts';

export type Role = 'contributor' | 'reviewer' | 'administrator';
export type StakeholderType =
  | 'government'
  | 'private-sector'
  | 'civil-society'
  | 'technical-community'
  | 'academia'
  | 'international-organization'
  | 'un-entity'
  | 'youth';

export const stakeholderTypes: readonly StakeholderType[] = [
  'government',
  'private-sector',
  'civil-society',
  'technical-community',
  'academia',
  'international-organization',
  'un-entity',
  'youth',
];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: string;
  createdAt: string;
}

export interface Membership {
  organizationId: string;
  organizationName: string;
  role: 'admin' | 'member';
  state: 'requested' | 'active' | 'rejected';
}

export interface Organization {
  id: string;
  name: string;
  shortName: string;
  stakeholderType: StakeholderType;
  description: string | null;
  website: string | null;
  country: string | null;
  verified: boolean;
  verifiedAt: string | null;
  createdAt: string;
}

const SESSION_DAYS = 14;
const RESET_MINUTES = 60;

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: string;
  created_at: string;
  password_hash: string;
  disabled_at: string | null;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  language: r.language,
  createdAt: r.created_at,
});

export const isReviewer = (user: User | null | undefined): boolean => user?.role === 'reviewer' || user?.role === 'administrator';
export const isAdministrator = (user: User | null | undefined): boolean => user?.role === 'administrator';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function userByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>(sql`SELECT * FROM users WHERE lower(email) = ${normalizeEmail(email)}`);
  return row;
}

export async function getUser(db: Database, id: string): Promise<User | undefined> {
  const [row] = await db.query<UserRow>(sql`SELECT * FROM users WHERE id = ${id} AND disabled_at IS NULL`);
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
    const [row] = await tx.query<UserRow>(
      sql`INSERT INTO users (id, email, name, password_hash, role, language)
          VALUES (${id}, ${input.email.trim()}, ${cleanName(input.name)}, ${passwordHash}, ${input.role ?? 'contributor'}, ${input.language ?? 'en'})
          RETURNING *`,
    );
    const user = toUser(row!);
    await recordChange(tx, { entity: 'user', entityId: id, action: 'create', actor: actor === 'self' ? id : actor, after: { ...user } });
    return user;
  });
}

/** The user for an email and password, or undefined; takes the same time either way. */
export async function authenticate(db: Database, email: string, password: string): Promise<User | undefined> {
  const row = await userByEmail(db, email);
  const ok = await verifyPassword(password, row?.password_hash ?? decoyHash);
  if (!row || !ok || row.disabled_at) return undefined;
  return toUser(row);
}

/** Starts a session; returns the token for the cookie (the store keeps only its hash). */
export async function createSession(db: Database, userId: string): Promise<string> {
  const token = newToken();
  const expires = new Date(Date.now() + SESSION_DAYS * 86400_000).toISOString();
  await db.query(sql`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (${hashToken(token)}, ${userId}, ${expires})`);
  return token;
}

export async function sessionUser(db: Database, token: string): Promise<User | undefined> {
  const [row] = await db.query<UserRow>(
    sql`SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ${hashToken(token)} AND s.expires_at > now() AND u.disabled_at IS NULL`,
  );
  return row ? toUser(row) : undefined;
}

export async function endSession(db: Database, token: string): Promise<void> {
  await db.query(sql`DELETE FROM sessions WHERE token_hash = ${hashToken(token)}`);
}

/** Changes a password after checking the current one; ends the user's other sessions. */
export async function changePassword(store: Store, user: User, current: string, next: string, keepSession?: string): Promise<void> {
  const row = await userByEmail(store.db, user.email);
  if (!row || !(await verifyPassword(current, row.password_hash))) throw new Refusal(400, 'account.wrongPassword', 'current');
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
    const updated = await tx.query(sql`UPDATE users SET password_hash = ${passwordHash} WHERE id = ${userId} RETURNING id`);
    if (updated.length === 0) throw new Refusal(404, 'account.noSuchUser');
    await tx.query(sql`DELETE FROM sessions WHERE user_id = ${userId} AND token_hash <> ${keepSession ? hashToken(keepSession) : ''}`);
    const revoked = await tx.query(
      sql`UPDATE api_tokens SET revoked_at = now() WHERE user_id = ${userId} AND revoked_at IS NULL RETURNING id`,
    );
    await tx.query(sql`UPDATE password_resets SET used_at = now() WHERE user_id = ${userId} AND used_at IS NULL`);
    await recordChange(tx, {
      entity: 'user',
      entityId: userId,
      action: 'password',
      actor,
      note: `password changed; other sessions ended, ${revoked.length} API token(s) revoked`,
    });
  });
}

/** A one-hour reset token for the address, or undefined when no account has it (say nothing either way). */
export async function startPasswordReset(db: Database, email: string): Promise<{ token: string; user: User } | undefined> {
  const row = await userByEmail(db, email);
  if (!row || row.disabled_at) return undefined;
  const token = newToken();
  const expires = new Date(Date.now() + RESET_MINUTES * 60_000).toISOString();
  await db.query(sql`INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (${hashToken(token)}, ${row.id}, ${expires})`);
  return { token, user: toUser(row) };
}

/**
 * Uses a reset token once to set a new password; the user's other reset tokens die with it
 * (setPassword). A common password is refused before the token is spent, so the link still works.
 */
export async function finishPasswordReset(store: Store, token: string, password: string): Promise<User> {
  await refuseCommonPassword(password, 'next');
  const claimed = await store.db.query<{ user_id: string }>(
    sql`UPDATE password_resets SET used_at = now()
        WHERE token_hash = ${hashToken(token)} AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
  );
  const userId = claimed[0]?.user_id;
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
  const [row] = await store.db.query<{ id: string; name: string; created_at: string }>(
    sql`INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES (${id}, ${user.id}, ${name.trim()}, ${hashToken(secret)}) RETURNING id, name, created_at`,
  );
  return { token: secret, record: { id: row!.id, name: row!.name, createdAt: row!.created_at, lastUsedAt: null } };
}

export async function listApiTokens(db: Database, user: User): Promise<ApiToken[]> {
  const rows = await db.query<{ id: string; name: string; created_at: string; last_used_at: string | null }>(
    sql`SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ${user.id} AND revoked_at IS NULL ORDER BY created_at`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

export async function revokeApiToken(db: Database, user: User, id: string): Promise<void> {
  const done = await db.query(
    sql`UPDATE api_tokens SET revoked_at = now() WHERE id = ${id} AND user_id = ${user.id} AND revoked_at IS NULL RETURNING id`,
  );
  if (done.length === 0) throw new Refusal(404, 'account.noSuchToken');
}

export async function apiTokenUser(db: Database, token: string): Promise<User | undefined> {
  const [row] = await db.query<UserRow>(
    sql`UPDATE api_tokens t SET last_used_at = now() FROM users u
        WHERE t.token_hash = ${hashToken(token)} AND t.revoked_at IS NULL AND u.id = t.user_id AND u.disabled_at IS NULL
        RETURNING u.*`,
  );
  return row ? toUser(row) : undefined;
}

// ---------------------------------------------------------------- organizations

interface OrganizationRow {
  id: string;
  name: string;
  short_name: string;
  stakeholder_type: StakeholderType;
  description: string | null;
  website: string | null;
  country: string | null;
  verified_at: string | null;
  created_at: string;
}

const toOrganization = (r: OrganizationRow): Organization => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  stakeholderType: r.stakeholder_type,
  description: r.description,
  website: r.website,
  country: r.country,
  verified: r.verified_at !== null,
  verifiedAt: r.verified_at,
  createdAt: r.created_at,
});

export async function getOrganization(db: Database, id: string): Promise<Organization | undefined> {
  const [row] = await db.query<OrganizationRow>(sql`SELECT * FROM organizations WHERE id = ${id}`);
  return row ? toOrganization(row) : undefined;
}

export async function listOrganizations(db: Database, options: { verified?: boolean; q?: string } = {}): Promise<Organization[]> {
  const q = options.q ?? null;
  const rows = await db.query<OrganizationRow>(
    sql`SELECT * FROM organizations
        WHERE (${options.verified ?? null}::boolean IS NULL OR (verified_at IS NOT NULL) = ${options.verified ?? null}::boolean)
          -- A part of the name as typed: "%" or "_" are letters here, not LIKE wildcards.
          AND (${q}::text IS NULL OR strpos(lower(name), lower(${q})) > 0 OR strpos(lower(short_name), lower(${q})) > 0)
        ORDER BY lower(name)`,
  );
  return rows.map(toOrganization);
}

export interface NewOrganization {
  name: string;
  shortName?: string | undefined;
  stakeholderType: StakeholderType;
  website?: string | undefined;
  country?: string | undefined;
  description?: string | undefined;
}

/**
 * The organization whose name a reader could take for this one (same look-alike key: case,
 * spaces, invisible and bidi characters, compatibility forms and confusable letters aside).
 * Every row has its key: written on creation, by the reference seed, and by migration 0030 for
 * rows stored before keys existed.
 */
async function lookAlikeOrganization(db: Database, name: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db.query<{ id: string; name: string }>(
    sql`SELECT id, name FROM organizations WHERE name_key = ${nameKey(name)} ORDER BY created_at LIMIT 1`,
  );
  return row;
}

/**
 * Makes creations of organizations with these look-alike keys (nameKey) take turns until the
 * transaction ends: two look-alike names created at once would each find no other. Keys are locked
 * in sorted order, so two writers locking several never wait on each other in a circle.
 */
export async function lockOrganizationNames(tx: Database, keys: readonly string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  await tx.query(sql`SELECT pg_advisory_xact_lock(4242002, hashtext(k)) FROM unnest(${pgTextArray(sorted)}::text[]) AS k`);
}

/**
 * Creates an organization; its creator becomes its first administrator. It awaits a reviewer's
 * verification. A name that looks like a registered one is refused, naming that one (409).
 */
export async function createOrganization(store: Store, user: User, input: NewOrganization): Promise<Organization> {
  const id = randomUUID();
  const name = cleanName(input.name);
  const shortName = cleanName(input.shortName ?? '') || name;
  return store.transaction(async (tx) => {
    // A look-alike created at the same time is seen, and this one refused.
    await lockOrganizationNames(tx, [nameKey(name)]);
    const existing = await lookAlikeOrganization(tx, name);
    if (existing) throw new Refusal(409, 'organization.nameTaken', 'name', { name: existing.name });
    const [row] = await tx.query<OrganizationRow>(
      sql`INSERT INTO organizations (id, name, name_key, short_name, stakeholder_type, website, country, description, created_by)
          VALUES (${id}, ${name}, ${nameKey(name)}, ${shortName}, ${input.stakeholderType},
                  ${input.website ?? null}, ${input.country ?? null}, ${input.description ?? null}, ${user.id})
          RETURNING *`,
    );
    await tx.query(
      sql`INSERT INTO memberships (user_id, organization_id, role, state, decided_by, decided_at)
          VALUES (${user.id}, ${id}, 'admin', 'active', ${user.id}, now())`,
    );
    const organization = toOrganization(row!);
    await recordChange(tx, { entity: 'organization', entityId: id, action: 'create', actor: user.id, after: { ...organization } });
    return organization;
  });
}

export async function membershipsOf(db: Database, userId: string): Promise<Membership[]> {
  const rows = await db.query<{ organization_id: string; name: string; role: 'admin' | 'member'; state: Membership['state'] }>(
    sql`SELECT m.organization_id, o.name, m.role, m.state FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = ${userId} ORDER BY lower(o.name)`,
  );
  return rows.map((r) => ({ organizationId: r.organization_id, organizationName: r.name, role: r.role, state: r.state }));
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: 'admin' | 'member';
  state: Membership['state'];
  since: string;
}

export async function membersOf(db: Database, organizationId: string): Promise<Member[]> {
  const rows = await db.query<{
    user_id: string;
    name: string;
    email: string;
    role: Member['role'];
    state: Member['state'];
    created_at: string;
  }>(
    sql`SELECT m.user_id, u.name, u.email, m.role, m.state, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = ${organizationId} ORDER BY m.state, lower(u.name)`,
  );
  return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, role: r.role, state: r.state, since: r.created_at }));
}

/** True when the user is an active member (or, with `admin`, an active administrator) of the organization. */
export async function isMember(db: Database, userId: string, organizationId: string, admin = false): Promise<boolean> {
  const rows = await db.query(
    sql`SELECT 1 FROM memberships WHERE user_id = ${userId} AND organization_id = ${organizationId} AND state = 'active'
        AND (${admin} = false OR role = 'admin')`,
  );
  return rows.length > 0;
}

/** Whether the user may change an organization's records: reviewers always, otherwise its active members. */
export async function mayEditFor(db: Database, user: User | null, organizationId: string): Promise<boolean> {
  return Boolean(user && (isReviewer(user) || (await isMember(db, user.id, organizationId))));
}

/**
 * Every organization whose records the user may change, in one query: `all` for reviewers. For
 * lists that check many records at once.
 */
export async function editableOrganizations(db: Database, user: User | null): Promise<{ has(organizationId: string): boolean }> {
  if (!user) return { has: () => false };
  if (isReviewer(user)) return { has: () => true };
  const rows = await db.query<{ organization_id: string }>(
    sql`SELECT organization_id FROM memberships WHERE user_id = ${user.id} AND state = 'active'`,
  );
  return new Set(rows.map((r) => r.organization_id));
}

/** Asks to join an organization; its administrators decide. */
export async function requestToJoin(store: Store, user: User, organizationId: string): Promise<void> {
  await store.transaction(async (tx) => {
    if (!(await getOrganization(tx, organizationId))) throw new Refusal(404, 'organization.notFound');
    const [existing] = await tx.query<{ state: string }>(
      sql`SELECT state FROM memberships WHERE user_id = ${user.id} AND organization_id = ${organizationId}`,
    );
    if (existing?.state === 'active') throw new Refusal(409, 'organization.alreadyMember');
    await tx.query(
      sql`INSERT INTO memberships (user_id, organization_id, role, state) VALUES (${user.id}, ${organizationId}, 'member', 'requested')
          ON CONFLICT (user_id, organization_id) DO UPDATE SET state = 'requested', decided_by = NULL, decided_at = NULL, created_at = now()`,
    );
    await recordChange(tx, { entity: 'membership', entityId: `${organizationId}/${user.id}`, action: 'request', actor: user.id });
  });
}

/** An organization's administrator (or a reviewer) accepts or rejects a join request. */
export async function decideJoinRequest(
  store: Store,
  decider: User,
  organizationId: string,
  userId: string,
  accept: boolean,
): Promise<void> {
  await store.transaction(async (tx) => {
    if (!isReviewer(decider) && !(await isMember(tx, decider.id, organizationId, true))) throw new Refusal(403, 'organization.notAdmin');
    const done = await tx.query(
      sql`UPDATE memberships SET state = ${accept ? 'active' : 'rejected'}, decided_by = ${decider.id}, decided_at = now()
          WHERE user_id = ${userId} AND organization_id = ${organizationId} AND state = 'requested' RETURNING user_id`,
    );
    if (done.length === 0) throw new Refusal(404, 'organization.noSuchRequest');
    await recordChange(tx, {
      entity: 'membership',
      entityId: `${organizationId}/${userId}`,
      action: accept ? 'accept' : 'reject',
      actor: decider.id,
    });
  });
}

/** A reviewer verifies a new organization. */
export async function verifyOrganization(store: Store, reviewer: User, organizationId: string): Promise<void> {
  if (!isReviewer(reviewer)) throw new Refusal(403, 'review.notReviewer');
  await store.transaction(async (tx) => {
    const done = await tx.query(
      sql`UPDATE organizations SET verified_at = now(), verified_by = ${reviewer.id}, updated_at = now()
          WHERE id = ${organizationId} AND verified_at IS NULL RETURNING id`,
    );
    if (done.length === 0) throw new Refusal(404, 'organization.notFound');
    await recordChange(tx, { entity: 'organization', entityId: organizationId, action: 'verify', actor: reviewer.id });
  });
}

/** An administrator gives a user a role (`concord user role`, or the admin page). */
export async function setRole(store: Store, actor: string, userId: string, role: Role): Promise<void> {
  await store.transaction(async (tx) => {
    const [before] = await tx.query<{ role: string }>(sql`SELECT role FROM users WHERE id = ${userId}`);
    if (!before) throw new Refusal(404, 'account.noSuchUser');
    await tx.query(sql`UPDATE users SET role = ${role} WHERE id = ${userId}`);
    await recordChange(tx, { entity: 'user', entityId: userId, action: 'role', actor, before: { role: before.role }, after: { role } });
  });
}

export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const row = await userByEmail(db, email);
  return row ? toUser(row) : undefined;
}
