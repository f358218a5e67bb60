import { asc, eq } from "drizzle-orm";
import { summarizeActuals, type ActualsSummary } from "~/domain/actuals";
import type { RunEventKind } from "~/domain/runs";
import { processRuns, runStepEvents } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import type { ProjectContext } from "../context";
import { currentPlan } from "./index";

/**
 * Planned versus actual over every recorded run of the project: each step of the map as it
 * is now beside what its runs took (median, P10/P80/P90 of working time, the wait before
 * it), flagged when the median is off the estimate by more than `factor`, and the lead time
 * per finished run.
 */
export async function actuals(ctx: ProjectContext, { factor }: { factor: number }): Promise<ActualsSummary> {
  return withTransaction(ctx.db, async (tx) => {
    const projectId = ctx.access.project.id;
    const [plan, runs, events] = await Promise.all([
      currentPlan(ctx, tx),
      tx
        .select({ id: processRuns.id, name: processRuns.name, startedAt: processRuns.startedAt })
        .from(processRuns)
        .where(eq(processRuns.projectId, projectId))
        .orderBy(asc(processRuns.startedAt)),
      tx
        .select({ runId: runStepEvents.runId, nodeId: runStepEvents.nodeId, kind: runStepEvents.kind, at: runStepEvents.at })
        .from(runStepEvents)
        .where(eq(runStepEvents.projectId, projectId))
        .orderBy(asc(runStepEvents.createdAt), asc(runStepEvents.id)),
    ]);
    const byRun = new Map(runs.map((r) => [r.id, [] as { nodeId: string; kind: RunEventKind; at: number }[]]));
    for (const e of events) byRun.get(e.runId)?.push({ nodeId: e.nodeId, kind: e.kind as RunEventKind, at: e.at.getTime() });
    return summarizeActuals(
      plan.steps.map((s) => ({ id: s.id, label: s.label, estimate: s.duration, calendar: s.calendar })),
      plan.deps,
      runs.map((r) => ({ id: r.id, name: r.name, startedAt: r.startedAt.getTime(), events: byRun.get(r.id)! })),
      factor,
    );
  });
}
