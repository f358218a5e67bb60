import { sql } from "drizzle-orm";
import type { WorkingCalendar } from "~/domain/calendar";
import { check, index, pgTable, unique } from "drizzle-orm/pg-core";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { projectRole, projectStatus } from "./enums";
import { organizations } from "./organizations";
import { users } from "./users";

export const projects = pgTable(
  "projects",
  (t) => ({
    id: id(),
    organizationId: t
      .uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: t.varchar({ length: 255 }).notNull(),
    description: t.text(),
    slug: t.varchar({ length: 100 }).notNull(),
    status: projectStatus().notNull().default("ACTIVE"),
    nodesCount: t.integer().notNull().default(0),
    edgesCount: t.integer().notNull().default(0),
    revision: t.bigint({ mode: "number" }).notNull().default(0),
    /** How the Monte Carlo lead time samples three-point estimates: PERT-beta or triangular. */
    estimateDistribution: t.varchar({ length: 16 }).$type<"PERT" | "TRIANGULAR">().notNull().default("PERT"),
    createdBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    deletedBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  }),
  (table) => [
    unique("projects_org_slug_key").on(table.organizationId, table.slug),
    check("projects_slug_format", sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("projects_estimate_distribution", sql`${table.estimateDistribution} IN ('PERT', 'TRIANGULAR')`),
    index("projects_org_listing_idx").on(table.organizationId, table.deletedAt, table.updatedAt),
    index("projects_created_by_idx").on(table.createdBy),
    index("projects_deleted_by_idx").on(table.deletedBy),
  ],
);

export const projectMembers = pgTable(
  "project_members",
  (t) => ({
    id: id(),
    organizationId: t
      .uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    projectId: t
      .uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: t
      .uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: projectRole().notNull().default("VIEWER"),
    invitedBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  }),
  (table) => [
    unique("project_members_project_user_key").on(table.projectId, table.userId),
    index("project_members_user_id_idx").on(table.userId),
    index("project_members_organization_id_idx").on(table.organizationId),
    index("project_members_invited_by_idx").on(table.invitedBy),
  ],
);

/** Matrix axes are per project: renaming or recolouring one never touches another project. */

export const departments = pgTable(
  "departments",
  (t) => ({
    id: id(),
    organizationId: t
      .uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    projectId: t
      .uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: t.varchar({ length: 100 }).notNull(),
    color: t.varchar({ length: 7 }).notNull(),
    position: t.integer().notNull(),
    /** The department's working calendar; null: the organization's (or continuous time without one). */
    calendar: t.jsonb().$type<WorkingCalendar>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  }),
  (table) => [
    index("departments_project_position_idx").on(table.projectId, table.position),
    index("departments_organization_id_idx").on(table.organizationId),
    check("departments_color_hex", sql`${table.color} ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);

export const stages = pgTable(
  "stages",
  (t) => ({
    id: id(),
    organizationId: t
      .uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    projectId: t
      .uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: t.varchar({ length: 100 }).notNull(),
    color: t.varchar({ length: 7 }).notNull(),
    position: t.integer().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  }),
  (table) => [
    index("stages_project_position_idx").on(table.projectId, table.position),
    index("stages_organization_id_idx").on(table.organizationId),
    check("stages_color_hex", sql`${table.color} ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);

export type Project = typeof projects.$inferSelect;
export type ProjectMember = typeof projectMembers.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type Stage = typeof stages.$inferSelect;
