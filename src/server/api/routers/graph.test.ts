import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/server/db";
import { activityLogs, aiAnalysisCache, edges, nodes, projects } from "~/server/db/schema";
import { addProjectMember, createOrg } from "~/server/test/factories";
import { callerFor } from "~/server/test/factories";
import { createTestDatabase, testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { batch, edgeOp, eventData, nodeOp } from "~/server/test/graph";

async function setup(db: Database) {
  const { caller, org, owner } = await createOrg(db);
  const project = await caller.project.create({ organizationId: org.id, name: "Ops" });
  const graph = await caller.graph.get({ projectId: project.id });
  return { caller, org, owner, project, projectId: project.id, graph };
}

async function counts(db: Database, projectId: string) {
  const [p] = await db.select().from(projects).where(eq(projects.id, projectId));
  const logs = await db
    .select()
    .from(activityLogs)
    .where(and(eq(activityLogs.projectId, projectId), eq(activityLogs.entityType, "NODE")));
  const liveNodes = await db
    .select()
    .from(nodes)
    .where(and(eq(nodes.projectId, projectId), isNull(nodes.deletedAt)));
  return { revision: p!.revision, nodes: liveNodes.length, logs: logs.length };
}

describe.each(testDatabaseKinds())("graph operations on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("applies a batch in one revision, logs who did what and returns the inverse", async () => {
    const { caller, projectId, graph } = await setup(db());
    const [legal] = graph.departments;
    const a = nodeOp("Draft contract", { departmentId: legal!.id, avgTime: "2h30m" });
    const b = nodeOp("Sign contract");
    const link = edgeOp(a.node.id, b.node.id, "REQUIRES", { lagTime: "1d" });
    const result = await caller.graph.applyOps({ projectId, ...batch([a, b, link]) });

    expect(result.revision).toBe(graph.revision + 1);
    expect(result.inverse).toEqual([
      { op: "deleteEdge", id: link.edge.id },
      { op: "deleteNode", id: b.node.id },
      { op: "deleteNode", id: a.node.id },
    ]);
    const after = await caller.graph.get({ projectId });
    expect(after.revision).toBe(result.revision);
    expect(after.nodes.find((n) => n.id === a.node.id)).toEqual(a.node);
    expect(after.edges).toEqual([link.edge]);
    expect(after.facts[a.node.id]!.durationMinutes).toBe(150);
    const [row] = await db().select().from(edges).where(eq(edges.id, link.edge.id));
    expect(row!.lagMinutes).toBe(1440);

    // One entry per kind of change: the two steps together, the connection on its own.
    const logs = await db().select().from(activityLogs).where(eq(activityLogs.revision, result.revision));
    expect(logs).toHaveLength(2);
    const nodeLog = logs.find((l) => l.entityType === "NODE")!;
    expect(nodeLog).toMatchObject({ action: "CREATE", entityId: null, details: { count: 2 } });
    expect(logs.every((l) => l.ipAddress === "203.0.113.7" && l.userAgent === "vitest")).toBe(true);
    const edgeLog = logs.find((l) => l.entityType === "EDGE")!;
    expect(edgeLog.details).toMatchObject({ source: "Draft contract", target: "Sign contract", relationType: "REQUIRES" });
  });

  it("logs a move between cells with the lane names and old -> new values", async () => {
    const { caller, projectId, graph } = await setup(db());
    const [d1, d2] = graph.departments;
    const [s1] = graph.stages;
    const a = nodeOp("Review", { departmentId: d1!.id, stageId: s1!.id });
    await caller.graph.applyOps({ projectId, ...batch([a]) });
    const moved = await caller.graph.applyOps({
      projectId,
      ...batch([{ op: "updateNode", id: a.node.id, set: { departmentId: d2!.id, x: 40 }, expect: { departmentId: d1!.id, x: 20 } }]),
    });
    const [log] = await db().select().from(activityLogs).where(eq(activityLogs.revision, moved.revision));
    expect(log!.action).toBe("MOVE");
    expect(log!.details).toMatchObject({
      fields_changed: ["x", "departmentId"],
      old_value: { x: 20, departmentId: d1!.id },
      new_value: { x: 40, departmentId: d2!.id },
      from: `${d1!.name} / ${s1!.name}`,
      to: `${d2!.name} / ${s1!.name}`,
    });
  });

  it("compare-and-set: different fields both land, a stale value is refused with the current entity", async () => {
    const { caller, org, projectId } = await setup(db());
    const editor = await addProjectMember(db(), org.id, projectId, "EDITOR");
    const other = callerFor(db(), editor.id);
    const a = nodeOp("Check credit");
    await caller.graph.applyOps({ projectId, ...batch([a]) });

    await caller.graph.applyOps({
      projectId,
      ...batch([{ op: "updateNode", id: a.node.id, set: { label: "Check credit score" }, expect: { label: "Check credit" } }]),
    });
    await other.graph.applyOps({
      projectId,
      ...batch([{ op: "updateNode", id: a.node.id, set: { status: "BLOCKED" }, expect: { status: "PENDING" } }]),
    });
    const before = await counts(db(), projectId);

    const stale = await failure(
      other.graph.applyOps({
        projectId,
        ...batch([{ op: "updateNode", id: a.node.id, set: { label: "Credit check" }, expect: { label: "Check credit" } }]),
      }),
    );
    expect(stale).toMatchObject({ code: "CONFLICT", domainCode: "STALE_WRITE" });
    expect(stale.message).toContain("label");
    const error = await failure(
      other.graph.applyOps({
        projectId,
        ...batch([{ op: "updateNode", id: a.node.id, set: { label: "Credit check" }, expect: { label: "Check credit" } }]),
      }),
    );
    expect((error.details as { current: { label: string } }).current.label).toBe("Check credit score");

    const node = (await caller.graph.get({ projectId })).nodes[0]!;
    expect(node).toMatchObject({ label: "Check credit score", status: "BLOCKED" });
    expect(await counts(db(), projectId)).toEqual(before);
  });

  it("names who made the change that won a conflict, and when, from the activity trail", async () => {
    const { caller, org, projectId } = await setup(db());
    const sam = await addProjectMember(db(), org.id, projectId, "EDITOR", "Sam Rivera");
    const a = nodeOp("Kickoff");
    await caller.graph.applyOps({ projectId, ...batch([a]) });
    const started = Date.now();
    await callerFor(db(), sam.id).graph.applyOps({
      projectId,
      ...batch([{ op: "updateNode", id: a.node.id, set: { label: "Kick-off call" }, expect: { label: "Kickoff" } }]),
    });

    const mine = { op: "updateNode", id: a.node.id, set: { label: "Kickoff meeting" }, expect: { label: "Kickoff" } } as const;
    const error = await failure(caller.graph.applyOps({ projectId, ...batch([nodeOp("Other"), mine]) }));
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toMatchObject({ index: 1, current: { label: "Kick-off call" }, by: { name: "Sam Rivera" } });
    expect(Date.parse((error.details as { by: { at: string } }).by.at)).toBeGreaterThanOrEqual(started - 5_000);

    // The same person in another tab is named as such.
    await caller.graph.applyOps({
      projectId,
      ...batch([{ op: "updateNode", id: a.node.id, set: { status: "READY" }, expect: { status: "PENDING" } }]),
    });
    const again = await failure(
      caller.graph.applyOps({
        projectId,
        ...batch([{ op: "updateNode", id: a.node.id, set: { status: "BLOCKED" }, expect: { status: "PENDING" } }]),
      }),
    );
    expect((again.details as { by: { name: string } }).by.name).toBe("You (in another tab)");
  });

  it("sends each live batch with its author's name", async () => {
    const { caller, org, projectId, graph } = await setup(db());
    const sam = await addProjectMember(db(), org.id, projectId, "EDITOR", "Sam Rivera");
    const stream = await caller.graph.onChange({ projectId, since: graph.revision, tab: randomUUID() });
    const events = stream[Symbol.asyncIterator]();
    await events.next();
    await callerFor(db(), sam.id).graph.applyOps({ projectId, ...batch([nodeOp("By Sam")]) });
    let event = eventData((await events.next()).value) as { type: string; batch?: { author: string; userId: string } };
    while (event.type !== "batch") event = eventData((await events.next()).value) as typeof event;
    expect(event.batch).toMatchObject({ author: "Sam Rivera", userId: sam.id });
    await events.return?.(undefined);
  });

  it("applies a retried batch once and answers with the first result", async () => {
    const { caller, projectId } = await setup(db());
    const request = { projectId, ...batch([nodeOp("Once")]) };
    const [first, second] = await Promise.all([caller.graph.applyOps(request), caller.graph.applyOps(request)]);
    const third = await caller.graph.applyOps(request);
    expect(new Set([first.revision, second.revision, third.revision]).size).toBe(1);
    expect([first.replayed, second.replayed, third.replayed].filter(Boolean)).toHaveLength(2);
    const after = await counts(db(), projectId);
    expect(after).toMatchObject({ nodes: 1, logs: 1, revision: first.revision });
  });

  it("refuses a dependency that closes a cycle, naming the steps, and changes nothing", async () => {
    const { caller, projectId } = await setup(db());
    const [a, b, c] = [nodeOp("Quote"), nodeOp("Approve"), nodeOp("Invoice")];
    await caller.graph.applyOps({ projectId, ...batch([a, b, c, edgeOp(a.node.id, b.node.id), edgeOp(b.node.id, c.node.id, "BLOCKS")]) });
    const before = await counts(db(), projectId);

    const cycle = await failure(caller.graph.applyOps({ projectId, ...batch([nodeOp("Extra"), edgeOp(c.node.id, a.node.id)]) }));
    expect(cycle.domainCode).toBe("CYCLE_DETECTED");
    expect(cycle.message).toContain('"Quote" -> "Approve" -> "Invoice" -> "Quote"');
    expect(await counts(db(), projectId)).toEqual(before);

    // A feedback loop is not a dependency and may point back.
    await caller.graph.applyOps({ projectId, ...batch([edgeOp(c.node.id, a.node.id, "FEEDBACK_TO", { frequency: 0.3 })]) });
    // ...but turning it into a dependency is refused.
    const feedback = (await caller.graph.get({ projectId })).edges.find((e) => e.relationType === "FEEDBACK_TO")!;
    const turned = await failure(
      caller.graph.applyOps({
        projectId,
        ...batch([{ op: "updateEdge", id: feedback.id, set: { relationType: "REQUIRES" }, expect: { relationType: "FEEDBACK_TO" } }]),
      }),
    );
    expect(turned.domainCode).toBe("CYCLE_DETECTED");
    const self = await failure(caller.graph.applyOps({ projectId, ...batch([edgeOp(a.node.id, a.node.id)]) }));
    expect(self).toMatchObject({ domainCode: "INVALID_OPERATION" });
  });

  it("rejects ids from another project and leaves no rows and no log entries", async () => {
    const mine = await setup(db());
    const theirs = await setup(db());
    const foreign = nodeOp("Foreign");
    await theirs.caller.graph.applyOps({ projectId: theirs.projectId, ...batch([foreign]) });
    const before = await counts(db(), mine.projectId);

    const cases = [
      [nodeOp("Mine"), { op: "updateNode" as const, id: foreign.node.id, set: { label: "Hijacked" }, expect: { label: "Foreign" } }],
      [nodeOp("Mine"), { op: "deleteNode" as const, id: foreign.node.id }],
      [nodeOp("Mine", { departmentId: theirs.graph.departments[0]!.id })],
      [nodeOp("Mine", { id: foreign.node.id })],
      // Another tenant's lane id: the same answer as any taken id, not a 500 that confirms it exists.
      [
        {
          op: "createAxis" as const,
          axis: "department" as const,
          item: { id: theirs.graph.departments[0]!.id, name: "Planted", color: "#336699", position: 9 },
        },
      ],
    ];
    for (const ops of cases) {
      const rejected = await failure(mine.caller.graph.applyOps({ projectId: mine.projectId, ...batch(ops) }));
      expect(["ENTITY_NOT_FOUND", "DUPLICATE_ID"]).toContain(rejected.domainCode);
    }
    const local = nodeOp("Local");
    await mine.caller.graph.applyOps({ projectId: mine.projectId, ...batch([local]) });
    const edgeAcross = await failure(
      mine.caller.graph.applyOps({ projectId: mine.projectId, ...batch([edgeOp(local.node.id, foreign.node.id)]) }),
    );
    expect(edgeAcross.domainCode).toBe("ENTITY_NOT_FOUND");

    expect((await counts(db(), mine.projectId)).nodes).toBe(before.nodes + 1);
    const [untouched] = await db().select().from(nodes).where(eq(nodes.id, foreign.node.id));
    expect(untouched).toMatchObject({ label: "Foreign", projectId: theirs.projectId, deletedAt: null });
  });

  it("refuses numbers its columns cannot hold with a 400 that names them", async () => {
    const { caller, projectId } = await setup(db());
    const lane = {
      op: "createAxis" as const,
      axis: "stage" as const,
      item: { id: randomUUID(), name: "Far", color: "#336699", position: 2147483648 },
    };
    const refused = await failure(caller.graph.applyOps({ projectId, ...batch([lane]) }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: "ops[0].item.position: Position must be at most 2147483647" });
    const resume = await failure(caller.graph.onChange({ projectId, since: 0, tab: randomUUID(), lastEventId: "99999999999999999999" }));
    expect(resume).toMatchObject({ code: "BAD_REQUEST", message: "lastEventId: lastEventId must be a revision number" });
  });

  it("rejects bad input with the reason: label, duration syntax, progress", async () => {
    const { caller, projectId } = await setup(db());
    const bad = nodeOp("x");
    const cases: [unknown, string][] = [
      [{ ...bad, node: { ...bad.node, label: "  " } }, "Label is required"],
      [{ ...bad, node: { ...bad.node, avgTime: "2hrs" } }, "is not a duration like 45m"],
      [{ ...bad, node: { ...bad.node, progress: 120 } }, "Progress must be 0-100"],
      [{ ...bad, node: { ...bad.node, label: "a".repeat(256) } }, "at most 255"],
      [{ ...bad, node: { ...bad.node, avgTime: "4h / 2h / 1d" } }, "must grow from optimistic to most likely to pessimistic"],
      [{ ...bad, node: { ...bad.node, avgTime: "2h / 4h" } }, "has 2 parts"],
      [{ ...bad, node: { ...bad.node, pca: 101 } }, "%C&A must be 0-100"],
      [{ ...bad, node: { ...bad.node, pca: 99.5 } }, "%C&A must be a whole number"],
    ];
    for (const [op, message] of cases) {
      const error = await failure(caller.graph.applyOps({ projectId, ...batch([op as never]) }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain(message);
    }
    expect((await counts(db(), projectId)).nodes).toBe(0);
  });

  it("stores a three-point estimate beside its most likely time, and %C&A and external with the step", async () => {
    const { caller, projectId } = await setup(db());
    const a = nodeOp("Review", { avgTime: "2h / 4h / 2d", pca: 80, external: true });
    const b = nodeOp("Approve", { avgTime: "1h" });
    const link = edgeOp(a.node.id, b.node.id, "REQUIRES", { lagTime: "1h / 1d / 1w" });
    // An older client that does not send the newer fields still creates steps.
    const { pca: _pca, external: _external, ...legacy } = nodeOp("Legacy").node;
    await caller.graph.applyOps({ projectId, ...batch([a, b, link, { op: "createNode", node: legacy } as never]) });
    const rows = await db().select().from(nodes).where(eq(nodes.projectId, projectId));
    const row = (label: string) => rows.find((r) => r.label === label)!;
    expect(row("Review")).toMatchObject({ durationMinutes: 240, durationLowMinutes: 120, durationHighMinutes: 2880 });
    expect(row("Review").attributes).toMatchObject({ pca: 80, external: true });
    expect(row("Approve")).toMatchObject({ durationMinutes: 60, durationLowMinutes: null, durationHighMinutes: null });
    expect(row("Legacy").attributes).toMatchObject({ pca: 100, external: false });
    const [edge] = await db().select().from(edges).where(eq(edges.id, link.edge.id));
    expect(edge).toMatchObject({ lagMinutes: 1440, lagLowMinutes: 60, lagHighMinutes: 10080 });
    const graph = await caller.graph.get({ projectId });
    expect(graph.nodes.find((n) => n.id === a.node.id)).toMatchObject({ avgTime: "2h / 4h / 2d", pca: 80, external: true });

    // Back to a single value: the range columns are cleared.
    await caller.graph.applyOps({
      projectId,
      ...batch([{ op: "updateNode", id: a.node.id, set: { avgTime: "3h" }, expect: { avgTime: "2h / 4h / 2d" } }]),
    });
    const [after] = await db().select().from(nodes).where(eq(nodes.id, a.node.id));
    expect(after).toMatchObject({ durationMinutes: 180, durationLowMinutes: null, durationHighMinutes: null });
  });

  it("undoes a delete: the node and its connections come back exactly", async () => {
    const { caller, projectId } = await setup(db());
    const [a, b, c] = [nodeOp("A", { avgTime: "1h", tags: ["finance"] }), nodeOp("B"), nodeOp("C")];
    const ab = edgeOp(a.node.id, b.node.id);
    const cb = edgeOp(c.node.id, b.node.id, "FEEDBACK_TO", { frequency: 2 });
    await caller.graph.applyOps({ projectId, ...batch([a, b, c, ab, cb]) });
    const original = await caller.graph.get({ projectId });

    const deleted = await caller.graph.applyOps({ projectId, ...batch([{ op: "deleteNode", id: b.node.id }]) });
    const without = await caller.graph.get({ projectId });
    expect(without.nodes).toHaveLength(2);
    expect(without.edges).toHaveLength(0);

    await caller.graph.applyOps({ projectId, ...batch(deleted.inverse) });
    const restored = await caller.graph.get({ projectId });
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(restored.nodes)).toEqual(byId(original.nodes));
    expect(byId(restored.edges)).toEqual(byId(original.edges));
    const [p] = await db().select().from(projects).where(eq(projects.id, projectId));
    expect(p).toMatchObject({ nodesCount: 3, edgesCount: 2 });
  });

  it("deletes a lane moving its steps, as one undoable operation", async () => {
    const { caller, projectId, graph } = await setup(db());
    const [d1, d2] = graph.departments;
    const a = nodeOp("In first", { departmentId: d1!.id });
    await caller.graph.applyOps({ projectId, ...batch([a]) });
    const removed = await caller.graph.applyOps({
      projectId,
      ...batch([{ op: "deleteAxis", axis: "department", id: d1!.id, moveNodesTo: d2!.id }]),
    });
    let now = await caller.graph.get({ projectId });
    expect(now.departments.map((d) => d.id)).not.toContain(d1!.id);
    expect(now.nodes[0]!.departmentId).toBe(d2!.id);

    await caller.graph.applyOps({ projectId, ...batch(removed.inverse) });
    now = await caller.graph.get({ projectId });
    expect(now.departments).toEqual(graph.departments);
    expect(now.nodes[0]!.departmentId).toBe(d1!.id);
  });

  it("keeps the explained automation score of each step current as its inputs change", async () => {
    const { caller, projectId } = await setup(db());
    const a = nodeOp("Send reminder", { isRepetitive: true, brainUsage: "LOW", tools: ["Zapier"] });
    await caller.graph.applyOps({ projectId, ...batch([a]) });
    const read = async () => {
      const [cache] = await db().select().from(aiAnalysisCache).where(eq(aiAnalysisCache.nodeId, a.node.id));
      const [node] = await db().select({ aiScore: nodes.aiScore }).from(nodes).where(eq(nodes.id, a.node.id));
      return { cache: cache!, score: node!.aiScore };
    };
    const first = await read();
    expect(first.cache.score).toBe(100);
    expect(first.score).toBe(100);
    expect(first.cache.reasoning).toMatchObject({
      repetitiveness: 100,
      brain_usage: "LOW",
      rule_based: true,
      tool_available: true,
      final_score: 100,
    });

    await caller.graph.applyOps({
      projectId,
      ...batch([{ op: "updateNode", id: a.node.id, set: { label: "Send a reminder" }, expect: { label: "Send reminder" } }]),
    });
    expect((await read()).cache.computedAt).toEqual(first.cache.computedAt);

    await caller.graph.applyOps({
      projectId,
      ...batch([{ op: "updateNode", id: a.node.id, set: { brainUsage: "HIGH" }, expect: { brainUsage: "LOW" } }]),
    });
    const after = await read();
    expect(after.cache.score).toBe(70);
    expect(after.score).toBe(70);
    expect(after.cache.reasoning).toMatchObject({ brain_usage: "HIGH", final_score: 70 });
  });

  it("refuses edits to an archived project and to viewers", async () => {
    const { caller, org, projectId } = await setup(db());
    const viewer = await addProjectMember(db(), org.id, projectId, "VIEWER");
    const denied = await failure(callerFor(db(), viewer.id).graph.applyOps({ projectId, ...batch([nodeOp("Nope")]) }));
    expect(denied.code).toBe("FORBIDDEN");
    await caller.project.archive({ projectId });
    const archived = await failure(caller.graph.applyOps({ projectId, ...batch([nodeOp("Nope")]) }));
    expect(archived.domainCode).toBe("PROJECT_ARCHIVED");
  });

  it("streams each committed batch to a subscriber and resumes from a revision", async () => {
    const { caller, org, projectId, graph } = await setup(db());
    const viewer = await addProjectMember(db(), org.id, projectId, "VIEWER", "Vera Viewer");
    const stream = await callerFor(db(), viewer.id).graph.onChange({ projectId, since: graph.revision, tab: randomUUID() });
    const events = stream[Symbol.asyncIterator]();
    const first = await events.next();
    // Every event is tracked, by the revision the viewer is caught up to.
    expect(first.value).toEqual([
      String(graph.revision),
      expect.objectContaining({ type: "viewers", viewers: [{ userId: viewer.id, name: "Vera Viewer", image: null }] }),
      expect.anything(),
    ]);

    const a = nodeOp("Live");
    const applied = await caller.graph.applyOps({ projectId, ...batch([a]) });
    const next = await events.next();
    expect(eventData(next.value)).toMatchObject({ type: "batch", batch: { revision: applied.revision, ops: [a] } });
    await events.return?.(undefined);

    // A reconnect from an older revision replays what was missed, in order.
    const again = await caller.graph.applyOps({ projectId, ...batch([nodeOp("Missed")]) });
    const resumed = (await caller.graph.onChange({ projectId, since: graph.revision, tab: randomUUID() }))[Symbol.asyncIterator]();
    const replay = [eventData((await resumed.next()).value), eventData((await resumed.next()).value)] as { batch: { revision: number } }[];
    expect(replay.map((e) => e.batch.revision)).toEqual([applied.revision, again.revision]);
    await resumed.return?.(undefined);

    // The SSE reconnect names the last event id it saw, which wins over `since`.
    const fromId = (
      await caller.graph.onChange({ projectId, since: graph.revision, tab: randomUUID(), lastEventId: String(applied.revision) })
    )[Symbol.asyncIterator]();
    const missed = (await fromId.next()).value;
    expect(missed).toEqual([
      String(again.revision),
      expect.objectContaining({ type: "batch", batch: expect.objectContaining({ revision: again.revision }) }),
      expect.anything(),
    ]);
    expect((await fromId.next()).value).toEqual([String(again.revision), expect.objectContaining({ type: "viewers" }), expect.anything()]);
    await fromId.return?.(undefined);
  });
});

describe.runIf(testDatabaseKinds().includes("server"))("live sync across app instances", () => {
  it("a viewer connected to another instance receives a batch committed through the first", async () => {
    const first = await createTestDatabase("server");
    const second = await openDatabase({ url: first.url! });
    try {
      const { caller, org, projectId, graph } = await setup(first.db);
      const viewer = await addProjectMember(first.db, org.id, projectId, "VIEWER");
      const stream = await callerFor(second.db, viewer.id).graph.onChange({ projectId, since: graph.revision, tab: randomUUID() });
      const events = stream[Symbol.asyncIterator]();
      expect(eventData((await events.next()).value)).toMatchObject({ type: "viewers" });
      const applied = await caller.graph.applyOps({ projectId, ...batch([nodeOp("Across instances")]) });
      expect(eventData((await events.next()).value)).toMatchObject({ type: "batch", batch: { revision: applied.revision } });
      await events.return?.(undefined);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
