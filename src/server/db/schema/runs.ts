import { sql } from "drizzle-orm";
import { check, index, pgTable, uniqueIndex } from "drizzle-orm/pg-core";
import type { RunPlan } from "~/domain/runs";
import { createdAt, id } from "./columns";
import { organizations } from "./organizations";
import { projects } from "./projects";
import { users } from "./users";

/**
 * One real pass through the process: started at a time, with the plan it started on (the
 * steps, their dependencies and planned dates at that revision) kept in the row, so editing
 * the map later does not rewrite what a run was measured against.
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
    /** The project revision the run started on. */
    revision: t.bigint({ mode: "number" }).notNull(),
    plan: t.jsonb().$type<RunPlan>().notNull(),
    createdBy: t.uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  }),
  (table) => [
    index("process_runs_project_started_idx").on(table.projectId, table.startedAt),
    index("process_runs_organization_id_idx").on(table.organizationId),
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

export type ProcessRun = typeof processRuns.$inferSelect;
export type RunStepEvent = typeof runStepEvents.$inferSelect;
