import { type AnyPgColumn, index, pgTable, unique } from "drizzle-orm/pg-core";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import type { Operation } from "~/domain/operations";
import { activityAction, entityType, historyStack } from "./enums";
import { nodes } from "./graph";
import { organizations } from "./organizations";
import { projects } from "./projects";
import { users } from "./users";

export const projectVersions = pgTable(
  "project_versions",
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
    versionNumber: t.integer().notNull(),
    comment: t.varchar({ length: 500 }),
    /** { format, nodes, edges, departments, stages, revision } */
    snapshot: t.jsonb().notNull(),
    revision: t.bigint({ mode: "number" }).notNull(),
    nodesCount: t.integer().notNull(),
    edgesCount: t.integer().notNull(),
    leadTimeMinutes: t.doublePrecision(),
    isAutomatic: t.boolean().notNull().default(false),
    createdBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  }),
  (table) => [
    unique("project_versions_project_number_key").on(table.projectId, table.versionNumber),
    index("project_versions_organization_id_idx").on(table.organizationId),
    index("project_versions_created_by_idx").on(table.createdBy),
  ],
);

export const comments = pgTable(
  "comments",
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
    /** Null for a thread on the project itself rather than on one step. */
    nodeId: t.uuid().references(() => nodes.id, { onDelete: "cascade" }),
    parentId: t.uuid().references((): AnyPgColumn => comments.id, { onDelete: "cascade" }),
    userId: t.uuid().references(() => users.id, { onDelete: "set null" }),
    content: t.text().notNull(),
    resolved: t.boolean().notNull().default(false),
    resolvedAt: t.timestamp({ withTimezone: true }),
    resolvedBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  }),
  (table) => [
    index("comments_node_id_idx").on(table.nodeId),
    index("comments_project_id_idx").on(table.projectId, table.createdAt),
    index("comments_organization_id_idx").on(table.organizationId),
    index("comments_parent_id_idx").on(table.parentId),
    index("comments_user_id_idx").on(table.userId),
    index("comments_resolved_by_idx").on(table.resolvedBy),
  ],
);

export const activityLogs = pgTable(
  "activity_logs",
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
    userId: t.uuid().references(() => users.id, { onDelete: "set null" }),
    action: activityAction().notNull(),
    entityType: entityType().notNull(),
    entityId: t.uuid(),
    /** { fields_changed, old_value, new_value, reason } */
    details: t.jsonb().notNull().default({}),
    revision: t.bigint({ mode: "number" }),
    ipAddress: t.varchar({ length: 45 }),
    userAgent: t.text(),
    createdAt: createdAt(),
  }),
  (table) => [
    // The feed reads newest first by (created_at, id) per project, optionally filtered by one
    // column; each index below serves one of those shapes (see drizzle/0003_activity_feed_indexes.sql).
    index("activity_logs_feed_idx").on(table.projectId, table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
    index("activity_logs_feed_user_idx").on(
      table.projectId,
      table.userId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("activity_logs_feed_entity_idx").on(
      table.projectId,
      table.entityType,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("activity_logs_feed_action_idx").on(
      table.projectId,
      table.action,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("activity_logs_organization_id_idx").on(table.organizationId),
    index("activity_logs_user_id_idx").on(table.userId),
    index("activity_logs_entity_id_idx").on(table.entityId),
  ],
);

/** One row per applied operation batch: makes a retried batch (same client op id) a no-op. */
export const operationBatches = pgTable(
  "operation_batches",
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
    userId: t.uuid().references(() => users.id, { onDelete: "set null" }),
    clientOpId: t.varchar({ length: 100 }).notNull(),
    revision: t.bigint({ mode: "number" }).notNull(),
    result: t.jsonb().notNull(),
    createdAt: createdAt(),
  }),
  (table) => [
    unique("operation_batches_project_client_op_key").on(table.projectId, table.clientOpId),
    index("operation_batches_project_revision_idx").on(table.projectId, table.revision),
    index("operation_batches_organization_id_idx").on(table.organizationId),
    index("operation_batches_user_id_idx").on(table.userId),
  ],
);

/**
 * Each person's undo and redo stacks per project, so they survive a reload. Rows come only
 * from batches that carry a history marker, in the transaction of that batch; `entry_id` is
 * that batch's client op id and `revision` its revision, which orders a stack (newest last).
 */
export const undoEntries = pgTable(
  "undo_entries",
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
    stack: historyStack().notNull(),
    entryId: t.varchar({ length: 100 }).notNull(),
    revision: t.bigint({ mode: "number" }).notNull(),
    ops: t.jsonb().$type<Operation[]>().notNull(),
    inverse: t.jsonb().$type<Operation[]>().notNull(),
    createdAt: createdAt(),
  }),
  (table) => [
    unique("undo_entries_project_entry_key").on(table.projectId, table.entryId),
    index("undo_entries_stack_idx").on(table.projectId, table.userId, table.stack, table.revision),
    index("undo_entries_organization_id_idx").on(table.organizationId),
    index("undo_entries_user_id_idx").on(table.userId),
  ],
);

export type ActivityLog = typeof activityLogs.$inferSelect;
export type ProjectVersion = typeof projectVersions.$inferSelect;
export type Comment = typeof comments.$inferSelect;
