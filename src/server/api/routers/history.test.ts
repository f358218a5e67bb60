import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { UNDO_DEPTH, type BatchHistory, type HistoryEntry, type Operation } from "~/domain/operations";
import type { Database } from "~/server/db";
import { projects, undoEntries } from "~/server/db/schema";
import { addProjectMember, callerFor, createOrg } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { nodeOp } from "~/server/test/graph";

type Caller = ReturnType<typeof callerFor>;

async function setup(db: Database) {
  const { caller, org, owner } = await createOrg(db);
  const project = await caller.project.create({ organizationId: org.id, name: "Undo" });
  return { caller, org, owner, projectId: project.id };
}

const rename = (id: string, from: string, to: string): Operation => ({ op: "updateNode", id, set: { label: to }, expect: { label: from } });

/** One editor batch, as the browser sends it: a fresh client op id and its place in the history. */
function send(caller: Caller, projectId: string, ops: Operation[], history: BatchHistory, clientOpId = randomUUID()) {
  return caller.graph.applyOps({ projectId, clientOpId, ops, history });
}

const undo = (caller: Caller, projectId: string, entry: HistoryEntry) =>
  send(caller, projectId, entry.inverse, { kind: "undo", entryId: entry.id });
const redo = (caller: Caller, projectId: string, entry: HistoryEntry) =>
  send(caller, projectId, entry.inverse, { kind: "redo", entryId: entry.id });

async function stacks(caller: Caller, projectId: string) {
  return (await caller.graph.get({ projectId })).history;
}

async function labelOf(caller: Caller, projectId: string, id: string) {
  return (await caller.graph.get({ projectId })).nodes.find((n) => n.id === id)?.label ?? null;
}

describe.each(testDatabaseKinds())("undo history on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("keeps do, undo and redo on the server, so each works from a fresh load", async () => {
    const { caller, projectId } = await setup(db());
    const a = nodeOp("Draft");
    const created = randomUUID();
    await send(caller, projectId, [a], { kind: "do" }, created);
    await send(caller, projectId, [rename(a.node.id, "Draft", "Final")], { kind: "do" });

    let history = await stacks(caller, projectId);
    expect(history.undo.map((e) => e.id)[0]).toBe(created);
    expect(history.undo).toHaveLength(2);
    expect(history.undo[1]!.inverse).toEqual([rename(a.node.id, "Final", "Draft")]);
    expect(history.redo).toEqual([]);

    const undone = await undo(caller, projectId, history.undo[1]!);
    expect(await labelOf(caller, projectId, a.node.id)).toBe("Draft");
    history = await stacks(caller, projectId);
    expect(history.undo.map((e) => e.id)).toEqual([created]);
    expect(history.redo).toEqual([{ id: expect.any(String), ops: [rename(a.node.id, "Final", "Draft")], inverse: undone.inverse }]);

    await redo(caller, projectId, history.redo[0]!);
    expect(await labelOf(caller, projectId, a.node.id)).toBe("Final");
    history = await stacks(caller, projectId);
    expect(history.redo).toEqual([]);
    expect(history.undo).toHaveLength(2);
    expect(history.undo[1]!.ops).toEqual([rename(a.node.id, "Draft", "Final")]);

    await undo(caller, projectId, history.undo[1]!);
    await undo(caller, projectId, history.undo[0]!);
    history = await stacks(caller, projectId);
    expect(history.undo).toEqual([]);
    expect(history.redo).toHaveLength(2);
    expect((await caller.graph.get({ projectId })).nodes).toEqual([]);
    // Newest last: redoing the top brings the step back first.
    await redo(caller, projectId, history.redo[1]!);
    expect(await labelOf(caller, projectId, a.node.id)).toBe("Draft");
  });

  it("clears the redo stack with a new edit, and leaves it alone for batches without a marker", async () => {
    const { caller, projectId } = await setup(db());
    const a = nodeOp("Quote");
    await send(caller, projectId, [a], { kind: "do" });
    await undo(caller, projectId, (await stacks(caller, projectId)).undo[0]!);
    expect((await stacks(caller, projectId)).redo).toHaveLength(1);

    await caller.graph.applyOps({ projectId, clientOpId: randomUUID(), ops: [nodeOp("Imported")] });
    expect(await stacks(caller, projectId)).toMatchObject({ undo: [], redo: [{}] });

    await send(caller, projectId, [nodeOp("Invoice")], { kind: "do" });
    const history = await stacks(caller, projectId);
    expect(history.redo).toEqual([]);
    expect(history.undo).toHaveLength(1);
  });

  it("keeps each person's stacks to themselves", async () => {
    const { caller, org, projectId } = await setup(db());
    const sam = callerFor(db(), (await addProjectMember(db(), org.id, projectId, "EDITOR", "Sam")).id);
    const a = nodeOp("Owner's step");
    const b = nodeOp("Sam's step");
    await send(caller, projectId, [a], { kind: "do" });
    await send(sam, projectId, [b], { kind: "do" });
    await undo(sam, projectId, (await stacks(sam, projectId)).undo[0]!);
    await send(sam, projectId, [b], { kind: "do" });
    const samBefore = await stacks(sam, projectId);
    expect(samBefore.undo).toHaveLength(1);

    const mine = await stacks(caller, projectId);
    expect(mine.undo.map((e) => e.ops)).toEqual([[a]]);
    expect(mine.redo).toEqual([]);

    const foreign = await failure(undo(caller, projectId, samBefore.undo[0]!));
    expect(foreign).toMatchObject({ code: "CONFLICT", domainCode: "HISTORY_GONE" });
    await caller.graph.discardHistory({ projectId, entryIds: [samBefore.undo[0]!.id] });
    await send(caller, projectId, [nodeOp("Another")], { kind: "do" });
    await undo(caller, projectId, (await stacks(caller, projectId)).undo[1]!);

    expect(await stacks(sam, projectId)).toEqual(samBefore);
    expect(await labelOf(caller, projectId, b.node.id)).toBe("Sam's step");
  });

  it("refuses a stale undo with the editor's wording and changes nothing", async () => {
    const { caller, org, projectId } = await setup(db());
    const sam = callerFor(db(), (await addProjectMember(db(), org.id, projectId, "EDITOR", "Sam")).id);
    const a = nodeOp("Check credit");
    await send(caller, projectId, [a], { kind: "do" });
    await send(caller, projectId, [rename(a.node.id, "Check credit", "Check score")], { kind: "do" });
    await send(sam, projectId, [rename(a.node.id, "Check score", "Sam's name")], { kind: "do" });
    const before = await stacks(caller, projectId);
    const [revision] = await db().select({ revision: projects.revision }).from(projects).where(eq(projects.id, projectId));

    const stale = await failure(undo(caller, projectId, before.undo[1]!));
    expect(stale).toMatchObject({ code: "CONFLICT", domainCode: "STALE_WRITE", message: "Can't undo: someone else has changed it since." });

    expect(await stacks(caller, projectId)).toEqual(before);
    expect(await labelOf(caller, projectId, a.node.id)).toBe("Sam's name");
    expect(await db().select({ revision: projects.revision }).from(projects).where(eq(projects.id, projectId))).toEqual([revision]);
  });

  it("refuses an entry another tab has already used, and forgets discarded entries", async () => {
    const { caller, projectId } = await setup(db());
    await send(caller, projectId, [nodeOp("Once")], { kind: "do" });
    const [entry] = (await stacks(caller, projectId)).undo;
    await undo(caller, projectId, entry!);
    const again = await failure(undo(caller, projectId, entry!));
    expect(again).toMatchObject({ code: "CONFLICT", domainCode: "HISTORY_GONE" });
    expect(again.message).toMatch(/^Can't undo: .*another tab/);

    const [redoEntry] = (await stacks(caller, projectId)).redo;
    await caller.graph.discardHistory({ projectId, entryIds: [redoEntry!.id] });
    expect(await stacks(caller, projectId)).toEqual({ undo: [], redo: [] });
  });

  it("moves the history once for a retried batch", async () => {
    const { caller, projectId } = await setup(db());
    const request = { projectId, clientOpId: randomUUID(), ops: [nodeOp("Once")], history: { kind: "do" as const } };
    await Promise.all([caller.graph.applyOps(request), caller.graph.applyOps(request)]);
    await caller.graph.applyOps(request);
    const [entry] = (await stacks(caller, projectId)).undo;
    expect((await stacks(caller, projectId)).undo).toHaveLength(1);

    const undoRequest = {
      projectId,
      clientOpId: randomUUID(),
      ops: entry!.inverse,
      history: { kind: "undo" as const, entryId: entry!.id },
    };
    const first = await caller.graph.applyOps(undoRequest);
    const retried = await caller.graph.applyOps(undoRequest);
    expect(retried).toEqual({ ...first, replayed: true });
    expect(await stacks(caller, projectId)).toMatchObject({ undo: [], redo: [{ id: undoRequest.clientOpId }] });
  });

  it(`keeps the newest ${UNDO_DEPTH} entries per stack`, async () => {
    const { caller, org, owner, projectId } = await setup(db());
    // A full stack written directly, older than any batch: a hundred round trips would only slow the test down.
    const full = Array.from({ length: UNDO_DEPTH }, (_, i) => ({
      organizationId: org.id,
      projectId,
      userId: owner.id,
      stack: "UNDO" as const,
      entryId: `seeded-entry-${i}`,
      revision: i - UNDO_DEPTH,
      ops: [nodeOp(`Step ${i}`)],
      inverse: [],
    }));
    await db().insert(undoEntries).values(full);
    const newest = randomUUID();
    await send(caller, projectId, [nodeOp("One more")], { kind: "do" }, newest);
    const history = await stacks(caller, projectId);
    expect(history.undo).toHaveLength(UNDO_DEPTH);
    expect(history.undo[0]!.id).toBe("seeded-entry-1");
    expect(history.undo.at(-1)!.id).toBe(newest);
    expect(await db().select({ id: undoEntries.id }).from(undoEntries).where(eq(undoEntries.projectId, projectId))).toHaveLength(
      UNDO_DEPTH,
    );
  });

  it("keeps another organization out: it can neither read nor move a history", async () => {
    const a = await setup(db());
    const step = nodeOp("Secret");
    await send(a.caller, a.projectId, [step], { kind: "do" });
    const before = await stacks(a.caller, a.projectId);
    const [entry] = before.undo;

    const b = await setup(db());
    expect((await failure(b.caller.graph.get({ projectId: a.projectId }))).code).toBe("NOT_FOUND");
    expect((await failure(undo(b.caller, a.projectId, entry!))).code).toBe("NOT_FOUND");
    expect((await failure(b.caller.graph.discardHistory({ projectId: a.projectId, entryIds: [entry!.id] }))).code).toBe("NOT_FOUND");
    // Naming A's entry from B's own project finds nothing to undo.
    await send(b.caller, b.projectId, [nodeOp("B's own")], { kind: "do" });
    expect((await failure(undo(b.caller, b.projectId, entry!))).domainCode).toBe("HISTORY_GONE");
    await b.caller.graph.discardHistory({ projectId: b.projectId, entryIds: [entry!.id] });

    expect(await stacks(a.caller, a.projectId)).toEqual(before);
    expect(await labelOf(a.caller, a.projectId, step.node.id)).toBe("Secret");
  });
});
