import { and, asc, eq, isNull, like, sql } from "drizzle-orm";
import type { OrgRole } from "~/domain/roles";
import type { DbOrTx } from "~/server/db";
import { organizationMembers, organizations, projects, type AxisDefault } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { DomainError, isUniqueViolation, notFound } from "../errors";
import { firstFreeSlug, slugPrefixPattern } from "../slugs";
import { DEFAULT_ORGANIZATION_SETTINGS } from "./defaults";

export { addMember, changeMemberRole, leaveOrganization, listMembers, removeMember } from "./members";

export async function createOrganization({
  db,
  userId,
  input,
}: {
  db: DbOrTx;
  userId: string;
  input: { name: string; slug?: string };
}) {
  return withTransaction(db, async (tx) => {
    const slug = input.slug ?? (await freeOrganizationSlug(tx, input.name));
    try {
      const [org] = await tx
        .insert(organizations)
        .values({ name: input.name, slug, settings: DEFAULT_ORGANIZATION_SETTINGS, createdBy: userId })
        .returning();
      await tx.insert(organizationMembers).values({ organizationId: org!.id, userId, role: "OWNER" });
      return { ...org!, myRole: "OWNER" as OrgRole };
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError("SLUG_TAKEN", `The address "${slug}" is already taken`);
      throw error;
    }
  });
}

async function freeOrganizationSlug(db: DbOrTx, name: string) {
  const taken = await db
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(like(organizations.slug, slugPrefixPattern(name)));
  return firstFreeSlug(
    name,
    taken.map((r) => r.slug),
  );
}

export async function listMyOrganizations(db: DbOrTx, userId: string) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      themeColor: sql<string>`${organizations.settings}->>'theme_color'`,
      myRole: organizationMembers.role,
      projectCount: sql<number>`(SELECT count(*)::int FROM ${projects} WHERE ${projects.organizationId} = ${organizations.id} AND ${projects.deletedAt} IS NULL)`,
      memberCount: sql<number>`(SELECT count(*)::int FROM ${organizationMembers} m WHERE m.organization_id = ${organizations.id})`,
    })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(and(eq(organizationMembers.userId, userId), isNull(organizations.deletedAt)))
    .orderBy(asc(organizations.name), asc(organizations.id));
}

export async function getOrganization(db: DbOrTx, access: { organizationId: string; orgRole: OrgRole }) {
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
};

export async function updateOrganization({ db, organizationId, input }: { db: DbOrTx; organizationId: string; input: OrganizationUpdate }) {
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
    };
    const [org] = await tx
      .update(organizations)
      .set({ name: input.name ?? current.name, settings })
      .where(eq(organizations.id, organizationId))
      .returning();
    return org!;
  });
}

export async function deleteOrganization({ db, organizationId }: { db: DbOrTx; organizationId: string }) {
  await db.update(organizations).set({ deletedAt: new Date() }).where(eq(organizations.id, organizationId));
  return { ok: true as const };
}
