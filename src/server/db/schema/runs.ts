import { sql } from "drizzle-orm";
import { check, index, pgTable, uniqueIndex } from "drizzle-orm/pg-core";
import type { RunPlan } from "~/domain/runs";
import { createdAt, id } from "./columns";
import { organizations } from "./organizations";
import { projects } from "./projects";
import { users } from "./users";

/**
 * What runs are measured against: the steps (with their working time and calendar) and the
 * dependencies (with their waits) of a project at one moment. Stored once per distinct
 * content, so the thousands of cases of an imported log share one row; planned dates follow
 * from a run's start (schedule.ts).
 */
export const runPlans = pgTable(
  "run_plans",
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
    /** The project revision the plan was taken at. */
    revision: t.bigint({ mode: "number" }).notNull(),
    /** SHA-256 of the plan, to find an equal one. */
    contentHash: t.varchar({ length: 64 }).notNull(),
    plan: t.jsonb().$type<RunPlan>().notNull(),
    createdAt: createdAt(),
  }),
  (table) => [
    uniqueIndex("run_plans_content_key").on(table.projectId, table.contentHash),
    index("run_plans_organization_id_idx").on(table.organizationId),
  ],
);

/**
 * One real pass through the process, started at a time, measured against the plan it started
 * on: editing the map later does not rewrite what a run was measured against.
 */
export const processRuns = pgTable(
  "process_runs",
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
    name: t.varchar({ length: 255 }).notNull(),
    /** The case's id in the system that records the work (an order number, a ticket). */
    externalRef: t.varchar({ length: 255 }),
    startedAt: t.timestamp({ withTimezone: true }).notNull(),
    planId: t
      .uuid()
      .notNull()
      .references(() => runPlans.id, { onDelete: "cascade" }),
    createdBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  }),
  (table) => [
    index("process_runs_project_started_idx").on(table.projectId, table.startedAt),
    index("process_runs_organization_id_idx").on(table.organizationId),
    index("process_runs_plan_id_idx").on(table.planId),
    uniqueIndex("process_runs_external_ref_key")
      .on(table.projectId, table.externalRef)
      .where(sql`${table.externalRef} IS NOT NULL`),
  ],
);

/** A step of a run started or finished at a time; `event_id` makes a repeated post count once. */
export const runStepEvents = pgTable(
  "run_step_events",
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
    runId: t
      .uuid()
      .notNull()
      .references(() => processRuns.id, { onDelete: "cascade" }),
    /** A step of the run's plan (no foreign key: the step may leave the map, the history stays). */
    nodeId: t.uuid().notNull(),
    kind: t.varchar({ length: 6 }).notNull(),
    at: t.timestamp({ withTimezone: true }).notNull(),
    eventId: t.varchar({ length: 100 }),
    createdBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  }),
  (table) => [
    check("run_step_events_kind", sql`${table.kind} IN ('START', 'FINISH')`),
    index("run_step_events_run_idx").on(table.runId, table.nodeId),
    index("run_step_events_organization_id_idx").on(table.organizationId),
    index("run_step_events_project_id_idx").on(table.projectId),
    uniqueIndex("run_step_events_event_id_key")
      .on(table.runId, table.eventId)
      .where(sql`${table.eventId} IS NOT NULL`),
  ],
);

export type RunPlanRow = typeof runPlans.$inferSelect;
export type ProcessRun = typeof processRuns.$inferSelect;
export type RunStepEvent = typeof runStepEvents.$inferSelect;
