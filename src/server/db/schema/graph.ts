import { sql } from "drizzle-orm";
import { check, index, pgTable } from "drizzle-orm/pg-core";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { bottleneckSeverity, nodeStatus, nodeType, relationType } from "./enums";
import { organizations } from "./organizations";
import { departments, projects, stages } from "./projects";

export type NodeAttributes = {
  tool: string[];
  avg_time: string | null;
  is_repetitive: boolean;
  brain_usage: "LOW" | "MEDIUM" | "HIGH";
  assignee: string | null;
  /** Percent complete and accurate, 0-100; absent means 100. */
  pca?: number;
  external?: boolean;
};

export type EdgeProperties = {
  lag_time?: string | null;
  /** The wait is working time in the target step's calendar; absent means elapsed. */
  lag_working?: boolean;
  frequency?: number;
  condition?: string | null;
};

export const nodes = pgTable(
  "nodes",
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
    label: t.varchar({ length: 255 }).notNull(),
    description: t.text(),
    type: nodeType().notNull(),
    positionX: t.doublePrecision().notNull().default(0),
    positionY: t.doublePrecision().notNull().default(0),
    departmentId: t.uuid().references(() => departments.id, { onDelete: "set null" }),
    stageId: t.uuid().references(() => stages.id, { onDelete: "set null" }),
    status: nodeStatus().notNull().default("PENDING"),
    startedAt: t.timestamp({ withTimezone: true }),
    completedAt: t.timestamp({ withTimezone: true }),
    progress: t.integer().notNull().default(0),
    attributes: t
      .jsonb()
      .$type<NodeAttributes>()
      .notNull()
      .default({ tool: [], avg_time: null, is_repetitive: false, brain_usage: "MEDIUM", assignee: null }),
    /** attributes.avg_time parsed once on write, so the lead-time CTE does arithmetic, not parsing. */
    durationMinutes: t.doublePrecision().notNull().default(0),
    /** The optimistic and pessimistic ends of a three-point avg_time ("2h / 4h / 2d"); null for a single value. */
    durationLowMinutes: t.doublePrecision(),
    durationHighMinutes: t.doublePrecision(),
    ontologyTags: t
      .text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    aiScore: t.integer().notNull().default(0),
    isBottleneck: t.boolean().notNull().default(false),
    bottleneckSeverity: bottleneckSeverity(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  }),
  (table) => [
    check("nodes_progress_range", sql`${table.progress} BETWEEN 0 AND 100`),
    check("nodes_ai_score_range", sql`${table.aiScore} BETWEEN 0 AND 100`),
    check("nodes_duration_non_negative", sql`${table.durationMinutes} >= 0`),
    check(
      "nodes_duration_range_ordered",
      sql`(${table.durationLowMinutes} IS NULL) = (${table.durationHighMinutes} IS NULL) AND (${table.durationLowMinutes} IS NULL OR (0 <= ${table.durationLowMinutes} AND ${table.durationLowMinutes} <= ${table.durationMinutes} AND ${table.durationMinutes} <= ${table.durationHighMinutes}))`,
    ),
    index("nodes_project_live_idx")
      .on(table.projectId)
      .where(sql`${table.deletedAt} IS NULL`),
    index("nodes_organization_id_idx").on(table.organizationId),
    index("nodes_department_id_idx").on(table.departmentId),
    index("nodes_stage_id_idx").on(table.stageId),
    index("nodes_project_status_idx").on(table.projectId, table.status),
    index("nodes_project_ai_score_idx").on(table.projectId, table.aiScore.desc()),
  ],
);

export const edges = pgTable(
  "edges",
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
    sourceId: t
      .uuid()
      .notNull()
      .references(() => nodes.id, { onDelete: "cascade" }),
    targetId: t
      .uuid()
      .notNull()
      .references(() => nodes.id, { onDelete: "cascade" }),
    relationType: relationType().notNull(),
    properties: t.jsonb().$type<EdgeProperties>().notNull().default({}),
    /** properties.lag_time parsed on write, like nodes.duration_minutes. */
    lagMinutes: t.doublePrecision().notNull().default(0),
    /** The ends of a three-point lag_time, like nodes.duration_low/high_minutes. */
    lagLowMinutes: t.doublePrecision(),
    lagHighMinutes: t.doublePrecision(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  }),
  (table) => [
    check("edges_no_self_loop", sql`${table.sourceId} <> ${table.targetId}`),
    check("edges_lag_non_negative", sql`${table.lagMinutes} >= 0`),
    check(
      "edges_lag_range_ordered",
      sql`(${table.lagLowMinutes} IS NULL) = (${table.lagHighMinutes} IS NULL) AND (${table.lagLowMinutes} IS NULL OR (0 <= ${table.lagLowMinutes} AND ${table.lagLowMinutes} <= ${table.lagMinutes} AND ${table.lagMinutes} <= ${table.lagHighMinutes}))`,
    ),
    index("edges_project_live_idx")
      .on(table.projectId)
      .where(sql`${table.deletedAt} IS NULL`),
    index("edges_organization_id_idx").on(table.organizationId),
    index("edges_source_id_idx").on(table.sourceId),
    index("edges_target_id_idx").on(table.targetId),
  ],
);

export type GraphNode = typeof nodes.$inferSelect;
export type GraphEdge = typeof edges.$inferSelect;
