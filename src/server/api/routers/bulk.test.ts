import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Operation } from "~/domain/operations";
import { aiAnalysisCache, nodes } from "~/server/db/schema";
import { createOrg } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";

/** More rows than one statement takes, so every write path splits into several statements. */
const STEPS = 2600;

describe.each(testDatabaseKinds())("large batches on %s", (kind) => {
  const db = useTestDatabase(kind);

  async function setup() {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Bulk" });
    const graph = await caller.graph.get({ projectId: project.id });
    return { caller, org, projectId: project.id, graph };
  }

  it("writes thousands of steps and connections in one batch with every field, and undoes their deletion", async () => {
    const { caller, projectId, graph } = await setup();
    // Steps in one batch, connections in another: each is more than one statement's rows.
    const steps = Array.from({ length: STEPS }, (_, i) =>
      nodeOp(`Step ${i}`, {
        avgTime: i % 2 ? "1h" : "30m / 1h / 3h",
        tags: i % 3 ? [] : ["bulk", "kyc"],
        departmentId: graph.departments[i % graph.departments.length]!.id,
        stageId: graph.stages[i % graph.stages.length]!.id,
        external: i === 7,
      }),
    );
    const links = steps
      .slice(1)
      .map((s, i) => edgeOp(steps[i]!.node.id, s.node.id, "REQUIRES", { lagTime: i === 5 ? "2h" : null, lagWorking: i === 5 }));
    await caller.graph.applyOps({ projectId, ...batch(steps) });
    await caller.graph.applyOps({ projectId, ...batch(links) });

    const stored = await caller.graph.get({ projectId });
    expect(stored.nodes).toHaveLength(STEPS);
    expect(stored.edges).toHaveLength(STEPS - 1);
    const byId = new Map(stored.nodes.map((n) => [n.id, n]));
    for (const op of [steps[0]!, steps[7]!, steps[STEPS - 1]!]) expect(byId.get(op.node.id)).toMatchObject(op.node);
    expect(stored.edges.find((e) => e.id === links[5]!.edge.id)).toMatchObject({ lagTime: "2h", lagWorking: true });
    const scores = await db().select().from(aiAnalysisCache).where(eq(aiAnalysisCache.projectId, projectId));
    expect(scores).toHaveLength(STEPS);
    // A chain: 1,300 steps of 1h and 1,300 of the most likely 1h, plus the one wait.
    expect((await caller.analysis.leadTime({ projectId })).totalMinutes).toBe(STEPS * 60 + 120);

    // Delete the connections, then the steps, each in one batch; undo both: the same rows come back under their ids.
    const unlinked = await caller.graph.applyOps({
      projectId,
      ...batch(links.map((l): Operation => ({ op: "deleteEdge", id: l.edge.id }))),
    });
    const removed = await caller.graph.applyOps({
      projectId,
      ...batch(steps.map((s): Operation => ({ op: "deleteNode", id: s.node.id }))),
    });
    expect((await caller.graph.get({ projectId })).nodes).toHaveLength(0);
    await caller.graph.applyOps({ projectId, ...batch(removed.inverse) });
    await caller.graph.applyOps({ projectId, ...batch(unlinked.inverse) });
    const back = await caller.graph.get({ projectId });
    expect(back.nodes).toHaveLength(STEPS);
    expect(back.edges).toHaveLength(STEPS - 1);
    expect(back.nodes.find((n) => n.id === steps[7]!.node.id)).toMatchObject(steps[7]!.node);
  });

  it("refuses a batch whose last step takes an id used in another project, and writes none of it", async () => {
    const { caller, org, projectId } = await setup();
    const other = await caller.project.create({ organizationId: org.id, name: "Elsewhere" });
    const taken = nodeOp("Taken");
    await caller.graph.applyOps({ projectId: other.id, ...batch([taken]) });
    const steps = Array.from({ length: 30 }, (_, i) => nodeOp(`Step ${i}`));
    const refused = await failure(caller.graph.applyOps({ projectId, ...batch([...steps, nodeOp("Clash", { id: taken.node.id })]) }));
    expect(refused).toMatchObject({ code: "CONFLICT", domainCode: "DUPLICATE_ID" });
    expect(refused.message).toBe(`Step id ${taken.node.id} is already in use`);
    const live = await db()
      .select()
      .from(nodes)
      .where(and(eq(nodes.projectId, projectId), isNull(nodes.deletedAt)));
    expect(live).toHaveLength(0);
  });
});
