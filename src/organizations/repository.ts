// The organizations slice's SQL: organization records, their look-alike names, and memberships.
// Other slices read these tables through the functions exported here.
import { pgTextArray, sql, type Database } from '../store/index.ts';
import type { MembershipRow, OrganizationRow } from './schema.ts';

/** An organization's row as read (the columns a page or the API shows). */
export type OrganizationRecord = Pick<
  OrganizationRow,
  'id' | 'name' | 'shortName' | 'stakeholderType' | 'description' | 'website' | 'country' | 'verifiedAt' | 'createdAt'
>;

const organizationColumns = sql`id, name, short_name AS "shortName", stakeholder_type AS "stakeholderType", description, website,
  country, verified_at AS "verifiedAt", created_at AS "createdAt"`;

export async function organizationById(db: Database, id: string): Promise<OrganizationRecord | undefined> {
  const [row] = await db.query<OrganizationRecord>(sql`SELECT ${organizationColumns} FROM organizations WHERE id = ${id}`);
  return row;
}

/** Organizations by name, verified or not, whose name or short name holds `q` as typed. */
export async function organizationsMatching(db: Database, verified: boolean | null, q: string | null): Promise<OrganizationRecord[]> {
  return db.query<OrganizationRecord>(
    sql`SELECT ${organizationColumns} FROM organizations
        WHERE (${verified}::boolean IS NULL OR (verified_at IS NOT NULL) = ${verified}::boolean)
          -- A part of the name as typed: "%" or "_" are letters here, not LIKE wildcards.
          AND (${q}::text IS NULL OR strpos(lower(name), lower(${q})) > 0 OR strpos(lower(short_name), lower(${q})) > 0)
        ORDER BY lower(name)`,
  );
}

/** Of these ids, those an organization has. */
export async function existingOrganizationIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.query<Pick<OrganizationRow, 'id'>>(sql`SELECT id FROM organizations WHERE id = ANY(${pgTextArray(ids)}::text[])`);
  return new Set(rows.map((r) => r.id));
}

/** The first organization registered under this look-alike key (nameKey). */
export async function organizationWithKey(db: Database, key: string): Promise<Pick<OrganizationRow, 'id' | 'name'> | undefined> {
  const [row] = await db.query<Pick<OrganizationRow, 'id' | 'name'>>(
    sql`SELECT id, name FROM organizations WHERE name_key = ${key} ORDER BY created_at LIMIT 1`,
  );
  return row;
}

/** Holds a transaction-scoped advisory lock per key, taken in the given order. */
export async function lockNameKeys(tx: Database, sortedKeys: readonly string[]): Promise<void> {
  await tx.query(sql`SELECT pg_advisory_xact_lock(4242002, hashtext(k)) FROM unnest(${pgTextArray(sortedKeys)}::text[]) AS k`);
}

export interface OrganizationInsert {
  id: string;
  name: string;
  nameKey: string;
  shortName: string;
  stakeholderType: string;
  website: string | null;
  country: string | null;
  description: string | null;
  createdBy: string;
}

export async function insertOrganization(tx: Database, o: OrganizationInsert): Promise<OrganizationRecord> {
  const [row] = await tx.query<OrganizationRecord>(
    sql`INSERT INTO organizations (id, name, name_key, short_name, stakeholder_type, website, country, description, created_by)
        VALUES (${o.id}, ${o.name}, ${o.nameKey}, ${o.shortName}, ${o.stakeholderType}, ${o.website}, ${o.country}, ${o.description}, ${o.createdBy})
        RETURNING ${organizationColumns}`,
  );
  return row!;
}

/** Marks an unverified organization verified; false when there is none such. */
export async function markVerified(tx: Database, organizationId: string, reviewerId: string): Promise<boolean> {
  const done = await tx.query(
    sql`UPDATE organizations SET verified_at = now(), verified_by = ${reviewerId}, updated_at = now()
        WHERE id = ${organizationId} AND verified_at IS NULL RETURNING id`,
  );
  return done.length > 0;
}

// ---------------------------------------------------------------- memberships

/** The creator of an organization becomes its first, active administrator. */
export async function insertFounder(tx: Database, userId: string, organizationId: string): Promise<void> {
  await tx.query(
    sql`INSERT INTO memberships (user_id, organization_id, role, state, decided_by, decided_at)
        VALUES (${userId}, ${organizationId}, 'admin', 'active', ${userId}, now())`,
  );
}

export type MembershipOfUser = Pick<MembershipRow, 'organizationId' | 'role' | 'state'> & { organizationName: string };

export async function membershipsOfUser(db: Database, userId: string): Promise<MembershipOfUser[]> {
  return db.query<MembershipOfUser>(
    sql`SELECT m.organization_id AS "organizationId", o.name AS "organizationName", m.role, m.state
        FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = ${userId} ORDER BY lower(o.name)`,
  );
}

export type MemberOfOrganization = Pick<MembershipRow, 'userId' | 'role' | 'state'> & { name: string; email: string; since: string };

/** An organization's members with their names (read from the accounts' users in the same query, for its order). */
export async function membersOfOrganization(db: Database, organizationId: string): Promise<MemberOfOrganization[]> {
  return db.query<MemberOfOrganization>(
    sql`SELECT m.user_id AS "userId", u.name, u.email, m.role, m.state, m.created_at AS since
        FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = ${organizationId} ORDER BY m.state, lower(u.name)`,
  );
}

/** True when the user is an active member (with `admin`, an active administrator) of the organization. */
export async function hasActiveMembership(db: Database, userId: string, organizationId: string, admin: boolean): Promise<boolean> {
  const rows = await db.query(
    sql`SELECT 1 FROM memberships WHERE user_id = ${userId} AND organization_id = ${organizationId} AND state = 'active'
        AND (${admin} = false OR role = 'admin')`,
  );
  return rows.length > 0;
}

/** The organizations the user is an active member of. */
export async function activeOrganizationIds(db: Database, userId: string): Promise<string[]> {
  const rows = await db.query<Pick<MembershipRow, 'organizationId'>>(
    sql`SELECT organization_id AS "organizationId" FROM memberships WHERE user_id = ${userId} AND state = 'active'`,
  );
  return rows.map((r) => r.organizationId);
}

export async function membershipState(db: Database, userId: string, organizationId: string): Promise<string | undefined> {
  const [row] = await db.query<Pick<MembershipRow, 'state'>>(
    sql`SELECT state FROM memberships WHERE user_id = ${userId} AND organization_id = ${organizationId}`,
  );
  return row?.state;
}

/** Asks to join (again): a rejected or earlier request starts over. */
export async function upsertJoinRequest(tx: Database, userId: string, organizationId: string): Promise<void> {
  await tx.query(
    sql`INSERT INTO memberships (user_id, organization_id, role, state) VALUES (${userId}, ${organizationId}, 'member', 'requested')
        ON CONFLICT (user_id, organization_id) DO UPDATE SET state = 'requested', decided_by = NULL, decided_at = NULL, created_at = now()`,
  );
}

/** Accepts or rejects a pending request; false when there is none. */
export async function decideRequest(
  tx: Database,
  organizationId: string,
  userId: string,
  state: 'active' | 'rejected',
  deciderId: string,
): Promise<boolean> {
  const done = await tx.query(
    sql`UPDATE memberships SET state = ${state}, decided_by = ${deciderId}, decided_at = now()
        WHERE user_id = ${userId} AND organization_id = ${organizationId} AND state = 'requested' RETURNING user_id`,
  );
  return done.length > 0;
}
