/**
 * Importing an event log: each case becomes a run of the project (its reference is the case
 * id), each instance of a mapped activity a start and a finish of its step. The preview says
 * how each activity matches a step and lists every bad row by line; the import writes all
 * cases in one transaction (bulk statements, one JSON parameter each), or nothing.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  casesFromLog,
  matchActivities,
  MAX_LISTED_PROBLEMS,
  parseCsvLog,
  parseXesLog,
  type ActivityMatch,
  type CsvMapping,
  type ImportProgress,
  type LogParse,
  type LogProblem,
} from "~/domain/eventlog";
import { nodes, processRuns, projects } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import type { ProjectContext } from "../context";
import { ServiceError } from "../errors";
import { currentPlan, storedPlan } from "./index";

export type LogInput = {
  text: string;
  format: "csv" | "xes";
  mapping?: CsvMapping;
  /** Activity -> step id (null: leave the activity out), over the automatic matches. */
  activities?: Record<string, string | null>;
};

export type ImportResult = { cases: number; events: number; ignored: number };

/** Step-time rows per statement: small enough that the progress moves, large enough to stay bulk. */
const EVENT_CHUNK = 20_000;

/** The embedded database works on this thread: a turn of the event loop lets the response send a report. */
const letReportOut = () => new Promise((resolve) => setTimeout(resolve, 0));

export type LogPreview = {
  events: number;
  cases: number;
  activities: ActivityMatch[];
  problems: LogProblem[];
  problemCount: number;
};

function parse(input: LogInput): LogParse {
  if (input.format === "xes") return parseXesLog(input.text);
  if (!input.mapping)
    return { events: [], problems: [{ line: 1, message: "Choose the columns for the case id, the activity and the completion time" }] };
  return parseCsvLog(input.text, input.mapping);
}

async function read(ctx: ProjectContext, input: LogInput) {
  const parsed = parse(input);
  const steps = await ctx.db
    .select({ id: nodes.id, label: nodes.label })
    .from(nodes)
    .where(and(eq(nodes.projectId, ctx.access.project.id), isNull(nodes.deletedAt)));
  const known = new Set(steps.map((s) => s.id));
  const matches = matchActivities(parsed.events, steps).map((m) => {
    if (!input.activities || !(m.activity in input.activities)) return m;
    const chosen = input.activities[m.activity] ?? null;
    return { ...m, stepId: chosen && known.has(chosen) ? chosen : null, how: chosen ? ("exact" as const) : ("none" as const) };
  });
  return { parsed, matches };
}

export async function previewLog(ctx: ProjectContext, input: LogInput): Promise<LogPreview> {
  const { parsed, matches } = await read(ctx, input);
  return {
    events: parsed.events.length,
    cases: new Set(parsed.events.map((e) => e.caseId)).size,
    activities: matches,
    problems: parsed.problems.slice(0, MAX_LISTED_PROBLEMS),
    problemCount: parsed.problems.length,
  };
}

export async function importLog(
  ctx: ProjectContext,
  input: LogInput,
  report: (progress: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  report({ phase: "checking", written: 0, total: 0 });
  await letReportOut();
  const { parsed, matches } = await read(ctx, input);
  if (parsed.problems.length) {
    const n = parsed.problems.length;
    throw new ServiceError("INVALID_OPERATION", `The log has ${n} bad row${n === 1 ? "" : "s"}; nothing was imported`, {
      problems: parsed.problems.slice(0, MAX_LISTED_PROBLEMS),
    });
  }
  const stepOf = new Map(matches.map((m) => [m.activity, m.stepId]));
  const { cases, ignored } = casesFromLog(parsed.events, stepOf);
  if (cases.length === 0) throw new ServiceError("INVALID_OPERATION", "The log has no cases");
  const { access, actor } = ctx;
  const projectId = access.project.id;
  return withTransaction(ctx.db, async (tx) => {
    const taken = await tx
      .select({ ref: processRuns.externalRef })
      .from(processRuns)
      .where(
        and(
          eq(processRuns.projectId, projectId),
          inArray(
            processRuns.externalRef,
            cases.slice(0, 10_000).map((c) => c.caseId),
          ),
        ),
      );
    if (taken.length)
      throw new ServiceError(
        "INVALID_OPERATION",
        `${taken.length} case${taken.length === 1 ? " is" : "s are"} already imported (${taken
          .slice(0, 5)
          .map((t) => t.ref)
          .join(", ")}${taken.length > 5 ? "…" : ""}); nothing was imported`,
      );
    const [current] = await tx.select({ revision: projects.revision }).from(projects).where(eq(projects.id, projectId)).for("share");
    const plan = await storedPlan(ctx, tx, current!.revision, await currentPlan(ctx, tx));
    const runs = cases.map((c) => ({
      id: randomUUID(),
      name: `Case ${c.caseId}`.slice(0, 255),
      ref: c.caseId.slice(0, 255),
      at: new Date(c.startedAt).toISOString(),
    }));
    await tx.execute(sql`
      INSERT INTO process_runs (id, organization_id, project_id, name, external_ref, started_at, plan_id, created_by)
      SELECT r.id, ${access.organizationId}, ${projectId}, r.name, r.ref, r.at, ${plan.id}, ${actor.userId}
      FROM jsonb_to_recordset(${JSON.stringify(runs)}::jsonb) AS r(id uuid, name text, ref text, at timestamptz)`);
    const events = cases.flatMap((c, i) =>
      c.events.map((e) => ({ run: runs[i]!.id, step: e.stepId, kind: e.kind, at: new Date(e.at).toISOString() })),
    );
    // Stamped in the array's order, a microsecond apart from one instant: a case's events are
    // read back in time order (clock_timestamp() can give neighbouring rows the same value).
    const stamped = new Date().toISOString();
    // In step times (a start and a finish row each), as the answer counts them.
    report({ phase: "writing", written: 0, total: events.length / 2 });
    for (let from = 0; from < events.length; from += EVENT_CHUNK) {
      await tx.execute(sql`
        INSERT INTO run_step_events (organization_id, project_id, run_id, node_id, kind, at, created_by, created_at)
        SELECT ${access.organizationId}, ${projectId}, e.run, e.step, e.kind, e.at, ${actor.userId},
               ${stamped}::timestamptz + (${from}::int + e.n) * interval '1 microsecond'
        FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(events.slice(from, from + EVENT_CHUNK))}::jsonb)
                          AS (run uuid, step uuid, kind text, at timestamptz)) WITH ORDINALITY AS e(run, step, kind, at, n)`);
      report({ phase: "writing", written: Math.min(events.length, from + EVENT_CHUNK) / 2, total: events.length / 2 });
      await letReportOut();
    }
    return { cases: cases.length, events: events.length / 2, ignored };
  });
}
