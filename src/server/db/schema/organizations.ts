import { sql } from "drizzle-orm";
import type { WorkingCalendar } from "~/domain/calendar";
import { check, index, pgTable, unique } from "drizzle-orm/pg-core";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { orgRole } from "./enums";
import { users } from "./users";

export type AxisDefault = { name: string; color: string };

export type OrganizationSettings = {
  departments: AxisDefault[];
  stages: AxisDefault[];
  theme_color: string;
  max_projects: number;
  max_members: number;
  /** Days a deleted project stays in the trash before the purge job removes it (30 when unset). */
  trash_retention_days?: number;
  /** The organization's working calendar, used by departments without their own; unset: continuous time. */
  calendar?: WorkingCalendar | null;
};

export const organizations = pgTable(
  "organizations",
  (t) => ({
    id: id(),
    name: t.varchar({ length: 255 }).notNull(),
    slug: t.varchar({ length: 100 }).notNull().unique(),
    description: t.text(),
    logoUrl: t.varchar({ length: 500 }),
    settings: t.jsonb().$type<OrganizationSettings>().notNull(),
    createdBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  }),
  (table) => [
    check("organizations_slug_format", sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    index("organizations_created_by_idx").on(table.createdBy),
  ],
);

export const organizationMembers = pgTable(
  "organization_members",
  (t) => ({
    id: id(),
    organizationId: t
      .uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: t
      .uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: orgRole().notNull().default("MEMBER"),
    invitedBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  }),
  (table) => [
    unique("organization_members_org_user_key").on(table.organizationId, table.userId),
    index("organization_members_user_id_idx").on(table.userId),
    index("organization_members_invited_by_idx").on(table.invitedBy),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type OrganizationMember = typeof organizationMembers.$inferSelect;
