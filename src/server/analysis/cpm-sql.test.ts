import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows, type Database } from "~/server/db";
import { edges, nodes } from "~/server/db/schema";
import { createOrg } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { computeCpm } from "./cpm";
import { cpmQuery, computeCpmSql, SqlCycleError } from "./cpm-sql";

type Graph = {
  durations: number[];
  deps: { s: number; t: number; lag: number }[];
  feedback: { s: number; t: number; frequency: number }[];
};

/** Random DAGs: edges only go from a lower to a higher index, so sources sit at every depth. */
const graphArb = fc.integer({ min: 1, max: 25 }).chain((size) =>
  fc.record({
    durations: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: size, maxLength: size }),
    deps: fc
      .uniqueArray(
        fc
          .tuple(fc.nat(size - 1), fc.nat(size - 1), fc.constantFrom(0, 0, 15, 60, 1440))
          .map(([a, b, lag]) => ({ s: Math.min(a, b), t: Math.max(a, b), lag })),
        { maxLength: size * 3, selector: (e) => `${e.s}-${e.t}` },
      )
      .map((deps) => deps.filter((e) => e.s !== e.t)),
    feedback: fc.array(
      fc.tuple(fc.nat(size - 1), fc.nat(size - 1), fc.constantFrom(0.5, 1, 2)).map(([a, b, frequency]) => ({ s: a, t: b, frequency })),
      { maxLength: 2 },
    ),
  }),
);

async function insertGraph(db: Database, ids: { organizationId: string; projectId: string }, graph: Graph) {
  const nodeIds = graph.durations.map(() => randomUUID());
  await db
    .insert(nodes)
    .values(graph.durations.map((d, i) => ({ ...ids, id: nodeIds[i]!, label: `n${i}`, type: "ACTION" as const, durationMinutes: d })));
  const edgeRows = [
    ...graph.deps.map((e) => ({
      ...ids,
      sourceId: nodeIds[e.s]!,
      targetId: nodeIds[e.t]!,
      relationType: "REQUIRES" as const,
      lagMinutes: e.lag,
    })),
    ...graph.feedback
      .filter((f) => f.s !== f.t)
      .map((f) => ({
        ...ids,
        sourceId: nodeIds[f.s]!,
        targetId: nodeIds[f.t]!,
        relationType: "FEEDBACK_TO" as const,
        properties: { frequency: f.frequency },
      })),
  ];
  if (edgeRows.length) await db.insert(edges).values(edgeRows);
  return nodeIds;
}

function reference(graph: Graph, nodeIds: string[]) {
  return computeCpm(
    graph.durations.map((d, i) => ({ id: nodeIds[i]!, duration: d })),
    graph.deps.map((e) => ({ source: nodeIds[e.s]!, target: nodeIds[e.t]!, lag: e.lag })),
    graph.feedback.filter((f) => f.s !== f.t).map((f) => ({ source: nodeIds[f.s]!, target: nodeIds[f.t]!, frequency: f.frequency })),
  );
}

type PlanNode = { "Node Type": string; Strategy?: string; "Parent Relationship"?: string; Plans?: PlanNode[] };

/** Joins whose strategy (and cost) the planner picks from row estimates: any but the two kinds below. */
function estimateDependentJoins(node: PlanNode, found: string[] = []): string[] {
  const children = node.Plans ?? [];
  const outer = children.find((c) => c["Parent Relationship"] === "Outer");
  const inner = children.find((c) => c["Parent Relationship"] === "Inner");
  const oneRow = (c?: PlanNode) => c?.["Node Type"] === "Aggregate" && c.Strategy === "Plain";
  if (/Join/.test(node["Node Type"])) found.push(node["Node Type"]);
  // A nested loop is fine against a plain aggregate (exactly one row, whatever the estimate)
  // and over a lateral function scan (unnest of the outer row's arrays: the only way to run it).
  else if (node["Node Type"] === "Nested Loop" && !oneRow(outer) && !oneRow(inner) && inner?.["Node Type"] !== "Function Scan") {
    found.push(`Nested Loop (${outer?.["Node Type"]} x ${inner?.["Node Type"]})`);
  }
  for (const child of children) estimateDependentJoins(child, found);
  return found;
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe.each(testDatabaseKinds())("SQL critical path on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("equals the in-memory reference on random DAGs with lags", async () => {
    const { caller, org } = await createOrg(db());
    await fc.assert(
      fc.asyncProperty(graphArb, async (graph) => {
        const project = await caller.project.create({ organizationId: org.id, name: "Random" });
        const ids = { organizationId: org.id, projectId: project.id };
        const nodeIds = await insertGraph(db(), ids, graph);
        const sqlResult = await computeCpmSql(db(), project.id);
        const expected = reference(graph, nodeIds);
        expect(byId(sqlResult.nodes)).toEqual(byId(expected.nodes));
        expect(sqlResult.criticalPath).toEqual(expected.criticalPath);
        expect(sqlResult.criticalPathMinutes).toBe(expected.criticalPathMinutes);
        expect(sqlResult.reworkMinutes).toBeCloseTo(expected.reworkMinutes, 9);
      }),
      { numRuns: 100 },
    );
  });

  it("plans no join that rests on row estimates (so tables never analyzed get the same plan)", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Plan" });
    await insertGraph(
      db(),
      { organizationId: org.id, projectId: project.id },
      {
        durations: [10, 20, 30, 40],
        deps: [
          { s: 0, t: 1, lag: 0 },
          { s: 0, t: 2, lag: 5 },
          { s: 1, t: 3, lag: 0 },
          { s: 2, t: 3, lag: 0 },
        ],
        feedback: [{ s: 3, t: 1, frequency: 0.5 }],
      },
    );
    const [row] = rows<Record<string, unknown>>(await db().execute(sql`EXPLAIN (FORMAT JSON) ${cpmQuery(project.id)}`));
    const value = Object.values(row!)[0];
    const [{ Plan: plan }] = (typeof value === "string" ? JSON.parse(value) : value) as [{ Plan: PlanNode }];
    expect(estimateDependentJoins(plan)).toEqual([]);
  });

  it("ignores soft-deleted nodes and gives zeros for an empty project", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Empty" });
    expect(await computeCpmSql(db(), project.id)).toEqual({ criticalPathMinutes: 0, reworkMinutes: 0, nodes: [], criticalPath: [] });
    const ids = { organizationId: org.id, projectId: project.id };
    const [a, b] = await insertGraph(db(), ids, { durations: [60, 600], deps: [{ s: 0, t: 1, lag: 0 }], feedback: [] });
    await db()
      .update(nodes)
      .set({ deletedAt: new Date() })
      .where((await import("drizzle-orm")).eq(nodes.id, b!));
    const result = await computeCpmSql(db(), project.id);
    expect(result.criticalPathMinutes).toBe(60);
    expect(result.criticalPath).toEqual([a]);
  });

  it("stops on a cycle that slipped into the data with a cycle error naming the nodes on and behind it", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Cyclic" });
    const ids = { organizationId: org.id, projectId: project.id };
    const [, b, c, d] = await insertGraph(db(), ids, {
      durations: [10, 20, 30, 40, 50],
      deps: [
        { s: 0, t: 1, lag: 0 },
        { s: 1, t: 2, lag: 0 },
        { s: 2, t: 3, lag: 0 },
      ],
      feedback: [],
    });
    await db()
      .insert(edges)
      .values({ ...ids, sourceId: c!, targetId: b!, relationType: "REQUIRES" });
    const error = await computeCpmSql(db(), project.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlCycleError);
    expect([...(error as SqlCycleError).nodeIds].sort()).toEqual([b!, c!, d!].sort());
  });
});
