import type { WorkingCalendar } from "~/domain/calendar";
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { OrgRole } from "~/domain/roles";
import { rows, type DbOrTx } from "~/server/db";
import { organizationMembers, organizations, projects, type AxisDefault } from "~/server/db/schema";
import { reloadAccess } from "~/server/db/acting";
import { withTransaction } from "~/server/db/transaction";
import type { OrgContext, ServiceContext } from "../context";
import { isUniqueViolation, notFound, ServiceError } from "../errors";
import { firstFreeSlug, slugPrefixPattern } from "../slugs";
import { DEFAULT_ORGANIZATION_SETTINGS } from "./defaults";

export { assertMayGrant, changeMemberRole, leaveOrganization, listMembers, removeMember } from "./members";

export async function createOrganization({ db, actor }: ServiceContext, input: { name: string; slug?: string }) {
  const userId = actor.userId;
  return withTransaction(db, async (tx) => {
    const slug = input.slug ?? (await freeOrganizationSlug(tx, input.name));
    // The id is chosen here and the row read back once its owner is a member: Row-Level
    // Security shows an organization only to its members, RETURNING included.
    const id = randomUUID();
    try {
      await tx.insert(organizations).values({ id, name: input.name, slug, settings: DEFAULT_ORGANIZATION_SETTINGS, createdBy: userId });
      await tx.insert(organizationMembers).values({ organizationId: id, userId, role: "OWNER" });
      await reloadAccess(tx);
      const [org] = await tx.select().from(organizations).where(eq(organizations.id, id));
      return { ...org!, myRole: "OWNER" as OrgRole };
    } catch (error) {
      if (isUniqueViolation(error)) throw new ServiceError("SLUG_TAKEN", `The address "${slug}" is already taken`);
      throw error;
    }
  });
}

/** Addresses are unique across all organizations, most of which the caller cannot see: a definer function lists the taken ones. */
async function freeOrganizationSlug(db: DbOrTx, name: string) {
  const taken = rows<{ slug: string }>(await db.execute(sql`SELECT app_taken_organization_slugs(${slugPrefixPattern(name)}) AS slug`));
  return firstFreeSlug(
    name,
    taken.map((r) => r.slug),
  );
}

export async function listMyOrganizations({ db, actor }: ServiceContext) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      themeColor: sql<string>`${organizations.settings}->>'theme_color'`,
      myRole: organizationMembers.role,
      projectCount: sql<number>`(SELECT count(*)::int FROM ${projects} WHERE ${projects.organizationId} = ${organizations.id} AND ${projects.deletedAt} IS NULL)`,
      archivedCount: sql<number>`(SELECT count(*)::int FROM ${projects} WHERE ${projects.organizationId} = ${organizations.id} AND ${projects.deletedAt} IS NULL AND ${projects.status} = 'ARCHIVED')`,
      memberCount: sql<number>`(SELECT count(*)::int FROM ${organizationMembers} m WHERE m.organization_id = ${organizations.id})`,
    })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(and(eq(organizationMembers.userId, actor.userId), isNull(organizations.deletedAt)))
    .orderBy(asc(organizations.name), asc(organizations.id));
}

export async function getOrganization({ db, access }: OrgContext) {
  const [org] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, access.organizationId), isNull(organizations.deletedAt)))
    .limit(1);
  if (!org) throw notFound("Organization");
  return { ...org, myRole: access.orgRole };
}

export type OrganizationUpdate = {
  name?: string;
  themeColor?: string;
  departments?: AxisDefault[];
  stages?: AxisDefault[];
  maxProjects?: number;
  maxMembers?: number;
  trashRetentionDays?: number;
  calendar?: WorkingCalendar | null;
};

export async function updateOrganization({ db, access }: OrgContext, input: OrganizationUpdate) {
  const { organizationId } = access;
  return withTransaction(db, async (tx) => {
    const [current] = await tx
      .select()
      .from(organizations)
      .where(and(eq(organizations.id, organizationId), isNull(organizations.deletedAt)))
      .for("update")
      .limit(1);
    if (!current) throw notFound("Organization");
    const settings = {
      ...current.settings,
      ...(input.themeColor !== undefined && { theme_color: input.themeColor }),
      ...(input.departments !== undefined && { departments: input.departments }),
      ...(input.stages !== undefined && { stages: input.stages }),
      ...(input.maxProjects !== undefined && { max_projects: input.maxProjects }),
      ...(input.maxMembers !== undefined && { max_members: input.maxMembers }),
      ...(input.trashRetentionDays !== undefined && { trash_retention_days: input.trashRetentionDays }),
      ...(input.calendar !== undefined && { calendar: input.calendar }),
    };
    const [org] = await tx
      .update(organizations)
      .set({ name: input.name ?? current.name, settings })
      .where(eq(organizations.id, organizationId))
      .returning();
    return org!;
  });
}

export async function deleteOrganization({ db, access }: OrgContext) {
  await db.update(organizations).set({ deletedAt: new Date() }).where(eq(organizations.id, access.organizationId));
  return { ok: true as const };
}
