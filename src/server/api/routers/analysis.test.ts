import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "~/server/db";
import { edges, leadTimeCache, nodes, projects, stages, users } from "~/server/db/schema";
import { seedDemo } from "~/server/db/seed";
import { callerFor, createOrg } from "~/server/test/factories";
import { createTestDatabase, testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";

/** Heizer & Render's Milwaukee Paper Manufacturing network, in hours. */
const MILWAUKEE: [string, number, string[]][] = [
  ["A", 2, []],
  ["B", 3, []],
  ["C", 2, ["A"]],
  ["D", 4, ["A", "B"]],
  ["E", 4, ["C"]],
  ["F", 3, ["C"]],
  ["G", 5, ["D", "E"]],
  ["H", 2, ["F", "G"]],
];

async function insertNetwork(db: Database, ids: { organizationId: string; projectId: string }, network: typeof MILWAUKEE) {
  const rows = await db
    .insert(nodes)
    .values(
      network.map(([label, hours]) => ({
        ...ids,
        label,
        type: "ACTION" as const,
        durationMinutes: hours * 60,
        attributes: { tool: [], avg_time: `${hours}h`, is_repetitive: false, brain_usage: "MEDIUM" as const, assignee: null },
      })),
    )
    .returning({ id: nodes.id, label: nodes.label });
  const idOf = new Map(rows.map((r) => [r.label, r.id]));
  await db
    .insert(edges)
    .values(
      network.flatMap(([label, , preds]) =>
        preds.map((p) => ({ ...ids, sourceId: idOf.get(p)!, targetId: idOf.get(label)!, relationType: "REQUIRES" as const })),
      ),
    );
  return idOf;
}

/**
 * The PERT example of Wikipedia's "Program evaluation and review technique" article, with its
 * expected times in work days: critical path A-C-E-G of 19.51 days.
 */
const PERT: [string, number, string[]][] = [
  ["A", 4, []],
  ["B", 5.33, []],
  ["C", 5.17, ["A"]],
  ["D", 6.33, ["A"]],
  ["E", 5.17, ["B", "C"]],
  ["F", 4.5, ["D"]],
  ["G", 5.17, ["E"]],
];

/** Enters a network the way people do: one batch of operations through graph.applyOps. */
async function enterNetwork(caller: ReturnType<typeof callerFor>, projectId: string, network: typeof MILWAUKEE, unit: "h" | "d") {
  const created = network.map(([label, amount]) => nodeOp(label, { avgTime: `${amount}${unit}` }));
  const idOf = new Map(created.map((op) => [op.node.label, op.node.id]));
  const links = network.flatMap(([label, , preds]) => preds.map((p) => edgeOp(idOf.get(p)!, idOf.get(label)!)));
  await caller.graph.applyOps({ projectId, ...batch([...created, ...links]) });
  return idOf;
}

describe.each(testDatabaseKinds())("analysis on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("reproduces the Milwaukee Paper textbook answer", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Milwaukee" });
    const idOf = await enterNetwork(caller, project.id, MILWAUKEE, "h");
    const result = await caller.analysis.leadTime({ projectId: project.id });
    expect(result).toMatchObject({ criticalPathMinutes: 15 * 60, totalHours: 15, formatted: "15h", reworkMinutes: 0 });
    const label = new Map([...idOf].map(([l, id]) => [id, l]));
    expect(result.criticalPath.map((id) => label.get(id))).toEqual(["A", "C", "E", "G", "H"]);
    const slack = Object.fromEntries(result.nodes.map((n) => [label.get(n.id), n.slack / 60]));
    expect(slack).toEqual({ A: 0, B: 1, C: 0, D: 1, E: 0, F: 6, G: 0, H: 0 });
    const g = result.nodes.find((n) => label.get(n.id) === "G")!;
    expect([g.es, g.ef, g.ls, g.lf].map((m) => m / 60)).toEqual([8, 13, 8, 13]);
  });

  it("reproduces the Wikipedia PERT example: ES/EF/LS/LF and slack per activity", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "PERT" });
    const idOf = await enterNetwork(caller, project.id, PERT, "d");
    const result = await caller.analysis.leadTime({ projectId: project.id });
    const label = new Map([...idOf].map(([l, id]) => [id, l]));
    expect(result.criticalPath.map((id) => label.get(id))).toEqual(["A", "C", "E", "G"]);
    expect(result.criticalPathMinutes / 1440).toBeCloseTo(19.51, 6);
    const days = (m: number) => Math.round((m / 1440) * 100) / 100 + 0;
    const table = Object.fromEntries(result.nodes.map((n) => [label.get(n.id), [n.es, n.ef, n.ls, n.lf, n.slack].map(days)]));
    expect(table).toEqual({
      A: [0, 4, 0, 4, 0],
      B: [0, 5.33, 3.84, 9.17, 3.84],
      C: [4, 9.17, 4, 9.17, 0],
      D: [4, 10.33, 8.68, 15.01, 4.68],
      E: [9.17, 14.34, 9.17, 14.34, 0],
      F: [10.33, 14.83, 15.01, 19.51, 4.68],
      G: [14.34, 19.51, 14.34, 19.51, 0],
    });
  });

  it("keeps its invariants on the seeded processes and flags bottlenecks on the nodes", async () => {
    await seedDemo(db());
    const [demo] = await db().select().from(users).where(eq(users.email, "demo@flowmatrix.dev"));
    const caller = callerFor(db(), demo!.id);
    const seeded = await db()
      .select()
      .from(projects)
      .where(sql`${projects.slug} IN ('customer-onboarding', 'product-launch')`);
    expect(seeded).toHaveLength(2);
    for (const project of seeded) {
      const result = await caller.analysis.leadTime({ projectId: project.id });
      const sum = (lanes: { leadMinutes: number }[]) => lanes.reduce((a, l) => a + l.leadMinutes, 0);
      expect(sum(result.flow.stages)).toBeCloseTo(result.criticalPathMinutes, 1);
      expect(sum(result.flow.departments)).toBeCloseTo(result.criticalPathMinutes, 1);
      expect(result.flow.processMinutes + result.flow.waitingMinutes).toBeCloseTo(result.criticalPathMinutes, 1);
      expect(result.flow.flowEfficiency).toBeCloseTo(result.flow.processMinutes / result.totalMinutes, 3);
      // Breakdowns follow the matrix: the lanes' order on the canvas, not the order they were hit.
      const order = await db().select({ name: stages.name }).from(stages).where(eq(stages.projectId, project.id)).orderBy(stages.position);
      const names = result.flow.stages.map((l) => l.name);
      expect(names).toEqual(order.map((o) => o.name).filter((n) => names.includes(n)));
      expect(result.nodes.every((n) => n.slack >= 0)).toBe(true);
      expect(result.reworkMinutes).toBeGreaterThan(0);
      expect(result.totalMinutes).toBeCloseTo(result.criticalPathMinutes + result.reworkMinutes, 1);
      const times = new Map(result.nodes.map((n) => [n.id, n]));
      const first = times.get(result.criticalPath[0]!)!;
      const last = times.get(result.criticalPath.at(-1)!)!;
      expect([first.es, last.ef]).toEqual([0, result.criticalPathMinutes]);
      expect(result.criticalPath.every((id) => times.get(id)!.critical)).toBe(true);
      // The flags on the nodes are exactly the result's bottlenecks (none at all on a process that is mostly waiting).
      const flagged = await db()
        .select({ id: nodes.id, severity: nodes.bottleneckSeverity })
        .from(nodes)
        .where(and(eq(nodes.projectId, project.id), eq(nodes.isBottleneck, true)));
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect(flagged.sort(byId)).toEqual(result.bottlenecks.map((b) => ({ id: b.nodeId, severity: b.severity })).sort(byId));
      const candidates = await caller.analysis.automationCandidates({ projectId: project.id, limit: 3 });
      expect(candidates).toHaveLength(3);
      expect(candidates[0]!.score).toBeGreaterThanOrEqual(candidates[2]!.score);
    }
  });

  it("serves a cache hit until the revision changes, and computes once for simultaneous requests", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Cached" });
    const idOf = await insertNetwork(db(), { organizationId: org.id, projectId: project.id }, MILWAUKEE);
    const [a, b] = await Promise.all([
      caller.analysis.leadTime({ projectId: project.id }),
      caller.analysis.leadTime({ projectId: project.id }),
    ]);
    expect(a.computedAt).toBe(b.computedAt);
    expect((await caller.analysis.leadTime({ projectId: project.id })).computedAt).toBe(a.computedAt);

    await db()
      .update(nodes)
      .set({ durationMinutes: 10 * 60 })
      .where(eq(nodes.id, idOf.get("F")!));
    await db()
      .update(projects)
      .set({ revision: sql`${projects.revision} + 1` })
      .where(eq(projects.id, project.id));
    const after = await caller.analysis.leadTime({ projectId: project.id });
    expect(after.revision).toBe(1);
    expect(after.criticalPathMinutes).toBe(16 * 60);
  });

  it("gives zeros for an empty project and a clear error on a cycle", async () => {
    const { caller, org } = await createOrg(db());
    const empty = await caller.project.create({ organizationId: org.id, name: "Empty" });
    expect(await caller.analysis.leadTime({ projectId: empty.id })).toMatchObject({
      criticalPathMinutes: 0,
      totalMinutes: 0,
      formatted: "0m",
      criticalPath: [],
      bottlenecks: [],
    });
    const cyclic = await caller.project.create({ organizationId: org.id, name: "Cyclic" });
    const ids = { organizationId: org.id, projectId: cyclic.id };
    const idOf = await insertNetwork(db(), ids, [
      ["Draft", 1, []],
      ["Review", 1, ["Draft"]],
    ]);
    await db()
      .insert(edges)
      .values({ ...ids, sourceId: idOf.get("Review")!, targetId: idOf.get("Draft")!, relationType: "BLOCKS" });
    const result = await failure(caller.analysis.leadTime({ projectId: cyclic.id }));
    expect(result).toMatchObject({ code: "BAD_REQUEST", domainCode: "CYCLE_DETECTED" });
    expect(result.message).toMatch(/cycle/);
    // The in-memory twin behind candidates and what-ifs refuses the same way, naming the steps.
    const throughBoth = /^The dependencies form a cycle through: (Draft, Review|Review, Draft)$/;
    const candidates = await failure(caller.analysis.automationCandidates({ projectId: cyclic.id }));
    expect(candidates).toMatchObject({ code: "BAD_REQUEST", domainCode: "CYCLE_DETECTED", message: expect.stringMatching(throughBoth) });
    const whatIf = await failure(
      caller.analysis.whatIf({ projectId: cyclic.id, changes: [{ nodeId: idOf.get("Draft")!, automated: true }] }),
    );
    expect(whatIf).toMatchObject({ code: "BAD_REQUEST", domainCode: "CYCLE_DETECTED", message: expect.stringMatching(throughBoth) });
  });

  it("splits the lead time into work and waiting, counting an external step and the waits as waiting", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Flow" });
    const send = nodeOp("Send quote", { avgTime: "1h", pca: 90 });
    const sign = nodeOp("Customer signs", { avgTime: "2h", external: true });
    const file = nodeOp("File contract", { avgTime: "30m", pca: 50 });
    const wait = edgeOp(send.node.id, sign.node.id, "REQUIRES", { lagTime: "1d" });
    await caller.graph.applyOps({ projectId: project.id, ...batch([send, sign, file, wait, edgeOp(sign.node.id, file.node.id)]) });

    const result = await caller.analysis.leadTime({ projectId: project.id });
    expect(result.totalMinutes).toBe(1440 + 210);
    expect(result.flow).toMatchObject({
      processMinutes: 90,
      waitingMinutes: 1440 + 120,
      flowEfficiency: Math.round((90 / 1650) * 10000) / 10000,
    });
    expect(result.flow.waits.map((w) => [w.kind, w.minutes])).toEqual([
      ["wait", 1440],
      ["step", 120],
    ]);
    expect(result.flow.waits[0]).toMatchObject({ edgeId: wait.edge.id, toId: sign.node.id });
    expect(result.flow.rolledPca).toEqual({ criticalPath: 45, process: 45 });
    expect(result.dayRule).toMatch(/a day is 24 hours/);
    // The customer's step is never an automation candidate, and never a bottleneck.
    const candidates = await caller.analysis.automationCandidates({ projectId: project.id, limit: 5 });
    expect(candidates.map((c) => c.label).sort()).toEqual(["File contract", "Send quote"]);
    expect(candidates[0]!.explanation).toMatch(/^(Automating it frees .+ of the critical path\. )?This step .+\.$/);
    expect(result.bottlenecks.map((b) => b.nodeId)).not.toContain(sign.node.id);
  });

  it("answers a what-if without saving: the change in figures and why", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "What if" });
    const idOf = await enterNetwork(caller, project.id, MILWAUKEE, "h");
    const revision = (await caller.graph.get({ projectId: project.id })).revision;
    const answer = await caller.analysis.whatIf({ projectId: project.id, changes: [{ nodeId: idOf.get("E")!, automated: true }] });
    // Without E (4h) the path A-C-E-G-H (15h) gives way to A-D-G-H / B-D-G-H (13h / 14h).
    expect(answer.before.totalMinutes).toBe(15 * 60);
    expect(answer.after.totalMinutes).toBe(14 * 60);
    expect(answer.delta.leadMinutes).toBe(-60);
    expect(answer.delta.sentence).toMatch(/^−1h: “A” and 2 more steps left the critical path; “B” and 1 more step joined it/);
    expect((await caller.graph.get({ projectId: project.id })).revision).toBe(revision);
    const slower = await caller.analysis.whatIf({ projectId: project.id, changes: [{ nodeId: idOf.get("H")!, avgTime: "5h" }] });
    expect(slower.delta.sentence).toBe("+3h: “H” takes 3h more.");
    const missing = await failure(caller.analysis.whatIf({ projectId: project.id, changes: [{ nodeId: randomUUID(), automated: true }] }));
    expect(missing).toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await failure(caller.analysis.whatIf({ projectId: project.id, changes: [{ nodeId: idOf.get("H")!, avgTime: "soon" }] }))).code,
    ).toBe("BAD_REQUEST");
  });

  it("computes again when the cached result has an older shape", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Old cache" });
    await db()
      .insert(leadTimeCache)
      .values({ organizationId: org.id, projectId: project.id, revision: 0, result: { criticalPathMinutes: 7 } });
    const result = await caller.analysis.leadTime({ projectId: project.id });
    expect(result).toMatchObject({ version: 2, criticalPathMinutes: 0, flow: { ladder: [] } });
  });

  it("simulates the lead time: fixed times give the critical path in every run, ranges spread it, the same seed repeats", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Monte Carlo" });
    const idOf = await enterNetwork(caller, project.id, MILWAUKEE, "h");
    const fixed = await caller.analysis.simulate({ projectId: project.id, runs: 500, seed: 7 });
    expect(fixed.percentiles.map((p) => p.minutes)).toEqual([900, 900, 900, 900]);
    expect(fixed).toMatchObject({ sd: 0, ranged: { steps: 0, connections: 0 }, distribution: "PERT" });
    expect(fixed.criticality.nodes[idOf.get("A")!]).toBe(1);
    expect(fixed.criticality.nodes[idOf.get("F")!] ?? 0).toBe(0);

    const g = idOf.get("G")!;
    await caller.graph.applyOps({
      projectId: project.id,
      ...batch([{ op: "updateNode", id: g, set: { avgTime: "2h / 5h / 20h" }, expect: { avgTime: "5h" } }]),
    });
    const ranged = await caller.analysis.simulate({ projectId: project.id, runs: 2000, seed: 7 });
    expect(ranged.ranged.steps).toBe(1);
    const [p10, p50, p80, p95] = ranged.percentiles.map((p) => p.minutes);
    expect(p10!).toBeLessThan(p50!);
    expect(p80!).toBeLessThan(p95!);
    expect(ranged.sensitivity[0]).toMatchObject({ nodeId: g });
    // PERT mean of G: (2 + 4 * 5 + 20) / 6 = 7h, so the mean moves from 15h to about 17h.
    expect(ranged.mean / 60).toBeGreaterThan(16.5);
    expect(ranged.mean / 60).toBeLessThan(17.5);
    // Cached: the same inputs answer with the stored result; another seed computes anew.
    expect((await caller.analysis.simulate({ projectId: project.id, runs: 2000, seed: 7 })).computedAt).toBe(ranged.computedAt);
    const other = await caller.analysis.simulate({ projectId: project.id, runs: 2000, seed: 8 });
    expect(other.mean).not.toBe(ranged.mean);

    await caller.project.update({ projectId: project.id, estimateDistribution: "TRIANGULAR" });
    const triangular = await caller.analysis.simulate({ projectId: project.id, runs: 2000, seed: 7 });
    expect(triangular.distribution).toBe("TRIANGULAR");
    // Triangular mean of G: (2 + 5 + 20) / 3 = 9h.
    expect(triangular.mean / 60).toBeGreaterThan(18.5);
    await expect(failure(caller.analysis.simulate({ projectId: project.id, runs: 50 }))).resolves.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("Monte Carlo lead time across databases", () => {
  it("gives identical results for the same seed on every database", async () => {
    const answers = [];
    for (const kind of testDatabaseKinds()) {
      const handle = await createTestDatabase(kind);
      try {
        // The same graph with the same ids: the engine orders its input by id, so ids fix the draws.
        const { caller, org } = await createOrg(handle.db);
        const project = await caller.project.create({ organizationId: org.id, name: "Same seed" });
        const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
        const steps = [
          nodeOp("Intake", { id: id(1), avgTime: "30m / 1h / 4h" }),
          nodeOp("Check", { id: id(2), avgTime: "1h / 2h / 1d" }),
          nodeOp("Quote", { id: id(3), avgTime: "2h" }),
          nodeOp("Approve", { id: id(4), avgTime: "1h / 3h / 2d" }),
        ];
        const links = [
          edgeOp(id(1), id(2), "REQUIRES", { id: id(11), lagTime: "1h / 4h / 1d" }),
          edgeOp(id(1), id(3), "REQUIRES", { id: id(12) }),
          edgeOp(id(2), id(4), "REQUIRES", { id: id(13) }),
          edgeOp(id(3), id(4), "REQUIRES", { id: id(14) }),
          edgeOp(id(4), id(2), "FEEDBACK_TO", { id: id(15), frequency: 0.3 }),
        ];
        await caller.graph.applyOps({ projectId: project.id, ...batch([...steps, ...links]) });
        const {
          computedAt: _at,
          revision: _revision,
          ...result
        } = await caller.analysis.simulate({ projectId: project.id, runs: 3000, seed: 42 });
        answers.push(result);
      } finally {
        await handle.close();
      }
    }
    expect(answers[0]!.ranged).toEqual({ steps: 3, connections: 1 });
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });
});
