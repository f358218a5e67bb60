import { index, pgTable, unique } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { nodes } from "./graph";
import { organizations } from "./organizations";
import { projects } from "./projects";

export const aiAnalysisCache = pgTable(
  "ai_analysis_cache",
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
    nodeId: t
      .uuid()
      .notNull()
      .unique()
      .references(() => nodes.id, { onDelete: "cascade" }),
    score: t.integer().notNull(),
    /** { repetitiveness, brain_usage, rule_based, tool_available, final_score } */
    reasoning: t.jsonb().notNull(),
    /** Hash of the inputs the score came from: a changed input means a recompute. */
    inputHash: t.varchar({ length: 64 }).notNull(),
    computedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    index("ai_analysis_cache_project_id_idx").on(table.projectId),
    index("ai_analysis_cache_organization_id_idx").on(table.organizationId),
  ],
);

export const leadTimeCache = pgTable(
  "lead_time_cache",
  (t) => ({
    id: id(),
    organizationId: t
      .uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    projectId: t
      .uuid()
      .notNull()
      .unique()
      .references(() => projects.id, { onDelete: "cascade" }),
    revision: t.bigint({ mode: "number" }).notNull(),
    result: t.jsonb().notNull(),
    computedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [index("lead_time_cache_organization_id_idx").on(table.organizationId)],
);

/**
 * Monte Carlo lead times, one row per revision and inputs (runs, seed, distribution): the same
 * inputs give the same result, so a row is reused until the graph changes. Rows of older
 * revisions are deleted when a newer one is stored.
 */
export const simulationCache = pgTable(
  "simulation_cache",
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
    revision: t.bigint({ mode: "number" }).notNull(),
    runs: t.integer().notNull(),
    seed: t.bigint({ mode: "number" }).notNull(),
    distribution: t.varchar({ length: 16 }).notNull(),
    /** What the runs were dated by: '' for continuous time, else the start instant and a hash of the calendars. */
    dating: t.varchar({ length: 128 }).notNull().default(""),
    result: t.jsonb().notNull(),
    computedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    unique("simulation_cache_inputs_key").on(table.projectId, table.revision, table.runs, table.seed, table.distribution, table.dating),
    index("simulation_cache_organization_id_idx").on(table.organizationId),
  ],
);
