import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { restoreOps } from "~/domain/diff";
import type { GraphSnapshot } from "~/domain/graph";
import type { Database } from "~/server/db";
import { createOrgWithProject } from "~/server/test/actors";
import { addProjectMember, callerFor } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { batch, edgeOp, eventData, nodeOp } from "~/server/test/graph";

/** The graph without revision and facts, in an order-free form. */
function graphOf(g: GraphSnapshot) {
  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { nodes: byId(g.nodes), edges: byId(g.edges), departments: byId(g.departments), stages: byId(g.stages) };
}

/** A project with three connected steps (2h -> 1d -> 30m, so a lead time of 1d 2h 30m). */
async function setup(db: Database) {
  const { owner, ownerCaller: caller, orgId, projectId } = await createOrgWithProject(db, "Versions");
  const graph = await caller.graph.get({ projectId });
  const [sales] = graph.departments;
  const quote = nodeOp("Quote", { avgTime: "2h", departmentId: sales!.id });
  const approve = nodeOp("Approve", { avgTime: "1d" });
  const invoice = nodeOp("Invoice", { avgTime: "30m" });
  const links = [edgeOp(quote.node.id, approve.node.id), edgeOp(approve.node.id, invoice.node.id)];
  await caller.graph.applyOps({ projectId, ...batch([quote, approve, invoice, ...links]) });
  return { owner, caller, orgId, projectId, quote, approve, invoice, links };
}

/** A known set of changes: one step added, one removed, one renamed, one moved, a lane renamed. */
async function change(fx: Awaited<ReturnType<typeof setup>>) {
  const { caller, projectId, quote, approve, invoice, links } = fx;
  const graph = await caller.graph.get({ projectId });
  const [sales, legal] = graph.departments;
  const archive = nodeOp("Archive", { avgTime: "15m" });
  await caller.graph.applyOps({
    projectId,
    ...batch([
      archive,
      { op: "deleteNode", id: invoice.node.id },
      edgeOp(approve.node.id, archive.node.id),
      {
        op: "updateNode",
        id: approve.node.id,
        set: { label: "Approve order", avgTime: "4h" },
        expect: { label: "Approve", avgTime: "1d" },
      },
      { op: "updateNode", id: quote.node.id, set: { departmentId: legal!.id, x: 80 }, expect: { departmentId: sales!.id, x: 20 } },
      { op: "updateAxis", axis: "department", id: sales!.id, set: { name: "Sales team" }, expect: { name: sales!.name } },
    ]),
  });
  return { archive, removedEdge: links[1]!, sales: sales!, legal: legal! };
}

describe.each(testDatabaseKinds())("versions on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("saves numbered versions with counts, author and the lead time at that moment", async () => {
    const fx = await setup(db());
    const saved = await fx.caller.version.save({ projectId: fx.projectId, comment: "  First draft  " });
    const analysis = await fx.caller.analysis.leadTime({ projectId: fx.projectId });
    expect(saved).toMatchObject({ versionNumber: 1, comment: "First draft", nodesCount: 3, edgesCount: 2, isAutomatic: false });
    expect(saved.leadTimeMinutes).toBe(analysis.totalMinutes);
    expect(saved.leadTimeMinutes).toBe(120 + 1440 + 30);

    await fx.caller.version.save({ projectId: fx.projectId });
    const list = await fx.caller.version.list({ projectId: fx.projectId });
    expect(list.map((v) => [v.versionNumber, v.comment])).toEqual([
      [2, null],
      [1, "First draft"],
    ]);
    expect(list[1]!.author).toEqual({ id: fx.owner.id, name: fx.owner.name });
    const version = await fx.caller.version.get({ projectId: fx.projectId, versionId: saved.id });
    expect(graphOf(version.graph)).toEqual(graphOf(await fx.caller.graph.get({ projectId: fx.projectId })));
  });

  it("numbers versions saved at the same time one after another", async () => {
    const fx = await setup(db());
    const saves = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fx.caller.version.save({ projectId: fx.projectId, comment: `Save ${i}` })),
    );
    expect(saves.map((v) => v.versionNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("compares a version with now: exactly the changes made, and the deltas", async () => {
    const fx = await setup(db());
    const v1 = await fx.caller.version.save({ projectId: fx.projectId, comment: "Before" });
    const { archive, removedEdge, sales, legal } = await change(fx);

    const result = await fx.caller.version.compare({ projectId: fx.projectId, from: v1.id, to: "current" });
    const nodes = result.diff.nodes.map((d) => [d.id, d.kind, d.fields.map((f) => `${f.field}: ${String(f.from)} -> ${String(f.to)}`)]);
    expect(nodes).toHaveLength(4);
    expect(nodes).toEqual(
      expect.arrayContaining([
        [fx.quote.node.id, "moved", ["x: 20 -> 80", `departmentId: ${sales.id} -> ${legal.id}`]],
        [fx.approve.node.id, "changed", ["label: Approve -> Approve order", "avgTime: 1d -> 4h"]],
        [archive.node.id, "added", []],
        [fx.invoice.node.id, "removed", []],
      ]),
    );
    expect(result.diff.edges.map((d) => d.kind).sort()).toEqual(["added", "removed"]);
    expect(result.diff.edges.find((d) => d.kind === "removed")!.id).toBe(removedEdge.edge.id);
    expect(result.diff.departments).toEqual([
      {
        id: sales.id,
        kind: "changed",
        before: sales,
        after: { ...sales, name: "Sales team" },
        fields: [{ field: "name", from: sales.name, to: "Sales team" }],
      },
    ]);
    expect(result.counts.nodes).toEqual({ added: 1, removed: 1, changed: 1, moved: 1 });
    expect(result.from).toMatchObject({ versionNumber: 1, nodes: 3, edges: 2, leadTimeMinutes: 1590 });
    expect(result.to).toMatchObject({ versionNumber: null, nodes: 3, edges: 2, leadTimeMinutes: 120 + 240 + 15 });
    expect(result.from.criticalPath.map((s) => s.label)).toEqual(["Quote", "Approve", "Invoice"]);
    expect(result.to.criticalPath.map((s) => s.label)).toEqual(["Quote", "Approve order", "Archive"]);
    // The deltas in figures and in words: "Approve" went from 1d to 4h, "Invoice" left the path.
    expect(result.from.figures).toMatchObject({
      totalMinutes: 1590,
      processMinutes: 1590,
      waitingMinutes: 0,
      flowEfficiency: 1,
      p80Minutes: 1590,
    });
    expect(result.delta).toMatchObject({
      leadMinutes: 375 - 1590,
      processMinutes: 375 - 1590,
      waitingMinutes: 0,
      flowEfficiencyPoints: 0,
      p80Minutes: 375 - 1590,
    });
    expect(result.delta.sentence).toBe("−20h 15m: “Invoice” left the critical path; “Archive” joined it; “Approve order” takes 20h less.");

    const v2 = await fx.caller.version.save({ projectId: fx.projectId, comment: "After" });
    const between = await fx.caller.version.compare({ projectId: fx.projectId, from: v1.id, to: v2.id });
    expect(between.diff).toEqual(result.diff);
  });

  it("restores a version in one batch, with snapshots before and after, and the inverse undoes it", async () => {
    const fx = await setup(db());
    const v1 = await fx.caller.version.save({ projectId: fx.projectId, comment: "Good state" });
    const original = await fx.caller.graph.get({ projectId: fx.projectId });
    await change(fx);
    const changed = await fx.caller.graph.get({ projectId: fx.projectId });

    const restored = await fx.caller.version.restore({ projectId: fx.projectId, versionId: v1.id });
    const after = await fx.caller.graph.get({ projectId: fx.projectId });
    expect(graphOf(after)).toEqual(graphOf(original));
    expect(after.revision).toBe(changed.revision + 1);
    expect(restored.revision).toBe(after.revision);
    expect(restored.before).toMatchObject({
      versionNumber: 2,
      comment: "Before restoring v1",
      isAutomatic: true,
      revision: changed.revision,
    });
    expect(restored.after).toMatchObject({ versionNumber: 3, comment: "Restored from v1", isAutomatic: true, revision: after.revision });
    const before = await fx.caller.version.get({ projectId: fx.projectId, versionId: restored.before!.id });
    expect(graphOf(before.graph)).toEqual(graphOf(changed));

    const undone = await fx.caller.graph.applyOps({ projectId: fx.projectId, ...batch(restored.inverse) });
    expect(undone.revision).toBe(after.revision + 1);
    expect(graphOf(await fx.caller.graph.get({ projectId: fx.projectId }))).toEqual(graphOf(changed));

    // Nothing to do when the graph already is that version: no batch, no versions.
    const again = await fx.caller.version.restore({ projectId: fx.projectId, versionId: restored.before!.id });
    expect(again).toMatchObject({ inverse: [], before: null, after: null, revision: undone.revision });
  });

  it("restores through the editor: prepare, the client's own batch, then the closing version", async () => {
    const fx = await setup(db());
    const v1 = await fx.caller.version.save({ projectId: fx.projectId, comment: "Good state" });
    await change(fx);
    const early = await failure(fx.caller.version.save({ projectId: fx.projectId, restoredFrom: v1.id }));
    expect(early).toMatchObject({ code: "PRECONDITION_FAILED", domainCode: "VERSION_MISMATCH", message: "The graph no longer matches v1" });

    const prepared = await fx.caller.version.prepareRestore({ projectId: fx.projectId, versionId: v1.id });
    expect(prepared.before).toMatchObject({ versionNumber: 2, comment: "Before restoring v1", isAutomatic: true });
    const current = await fx.caller.graph.get({ projectId: fx.projectId });
    const ops = restoreOps(current, prepared.version.graph);
    const applied = await fx.caller.graph.applyOps({ projectId: fx.projectId, ...batch(ops) });
    const closing = await fx.caller.version.save({ projectId: fx.projectId, restoredFrom: v1.id });
    expect(closing).toMatchObject({ versionNumber: 3, comment: "Restored from v1", isAutomatic: true, revision: applied.revision });
    expect(graphOf(await fx.caller.graph.get({ projectId: fx.projectId }))).toEqual(graphOf(prepared.version.graph));
  });

  it("streams the restore batch to a viewer", async () => {
    const fx = await setup(db());
    const v1 = await fx.caller.version.save({ projectId: fx.projectId });
    await change(fx);
    const { revision } = await fx.caller.graph.get({ projectId: fx.projectId });
    const viewer = await addProjectMember(db(), fx.orgId, fx.projectId, "VIEWER", "Vic Viewer");
    const stream = await callerFor(db(), viewer.id).graph.onChange({ projectId: fx.projectId, since: revision, tab: randomUUID() });
    const events = stream[Symbol.asyncIterator]();
    expect(eventData((await events.next()).value)).toMatchObject({ type: "viewers" });

    const restored = await fx.caller.version.restore({ projectId: fx.projectId, versionId: v1.id });
    let event = eventData((await events.next()).value) as { type: string; batch?: { revision: number; ops: unknown[] } };
    while (event.type !== "batch") event = eventData((await events.next()).value) as typeof event;
    expect(event.batch!.revision).toBe(restored.revision);
    expect(event.batch!.ops.length).toBeGreaterThan(0);
    await events.return?.(undefined);
  });

  it("lets only editors save, prepare and restore; other organizations see nothing", async () => {
    const fx = await setup(db());
    const v1 = await fx.caller.version.save({ projectId: fx.projectId });
    const input = { projectId: fx.projectId, versionId: v1.id };
    for (const role of ["COMMENTER", "VIEWER"] as const) {
      const member = callerFor(db(), (await addProjectMember(db(), fx.orgId, fx.projectId, role)).id);
      expect((await member.version.list({ projectId: fx.projectId })).length).toBe(1);
      expect((await failure(member.version.save({ projectId: fx.projectId }))).code).toBe("FORBIDDEN");
      expect((await failure(member.version.prepareRestore(input))).code).toBe("FORBIDDEN");
      expect((await failure(member.version.restore(input))).code).toBe("FORBIDDEN");
    }
    const other = await createOrgWithProject(db(), "Elsewhere");
    expect((await failure(other.ownerCaller.version.get(input))).code).toBe("NOT_FOUND");
    expect((await failure(other.ownerCaller.version.restore(input))).code).toBe("NOT_FOUND");
    // Their own project id with our version id: the version is not theirs either.
    const mixed = { projectId: other.projectId, versionId: v1.id };
    expect((await failure(other.ownerCaller.version.get(mixed))).code).toBe("NOT_FOUND");
    expect((await failure(other.ownerCaller.version.restore(mixed))).code).toBe("NOT_FOUND");
    expect((await failure(other.ownerCaller.version.compare({ projectId: other.projectId, from: v1.id, to: "current" }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await fx.caller.version.list({ projectId: fx.projectId })).toHaveLength(1);
  });

  it("refuses to restore an archived project", async () => {
    const fx = await setup(db());
    const v1 = await fx.caller.version.save({ projectId: fx.projectId });
    await fx.caller.project.archive({ projectId: fx.projectId });
    const refused = await failure(fx.caller.version.restore({ projectId: fx.projectId, versionId: v1.id }));
    expect(refused.domainCode).toBe("PROJECT_ARCHIVED");
    expect((await failure(fx.caller.version.prepareRestore({ projectId: fx.projectId, versionId: v1.id }))).domainCode).toBe(
      "PROJECT_ARCHIVED",
    );
  });
});
