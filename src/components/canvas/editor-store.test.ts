import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { applyOperations, type OperationError } from "~/domain/apply";
import type { Author } from "~/domain/conflict";
import { DEFAULT_NODE_FIELDS, toState } from "~/domain/graph";
import { UNDO_DEPTH, type BatchHistory, type EditorHistory, type Operation } from "~/domain/operations";
import { EditorStore, type GraphPayload, type SendFailure, type Transport } from "./editor-store";

const A = "00000000-0000-4000-8000-000000000001";
const B = "00000000-0000-4000-8000-000000000002";

function payload(revision = 5, history: EditorHistory = { undo: [], redo: [] }): GraphPayload {
  return {
    revision,
    history,
    nodes: [A, B].map((id, i) => ({ ...DEFAULT_NODE_FIELDS, id, label: `Step ${i + 1}`, x: 0, y: 0, departmentId: null, stageId: null })),
    edges: [],
    departments: [],
    stages: [],
    facts: {},
  };
}

class NetworkDown extends Error {}
class Rejected extends Error {
  constructor(
    message: string,
    readonly stale?: { index: number; by: Author | null },
  ) {
    super(message);
  }
}

/** A fake server: applies batches to its own graph, remembers client op ids, can go offline. */
function fakeServer() {
  const server = {
    state: toState(payload()),
    revision: 5,
    offline: false,
    sent: [] as string[],
    applied: new Map<string, number>(),
    history: new Map<string, BatchHistory>(),
    discarded: [] as string[],
    /** Who the server names when a compare-and-set fails (from its activity trail). */
    author: null as Author | null,
  };
  let ids = 0;
  const transport: Transport = {
    async send(batch) {
      server.sent.push(batch.clientOpId);
      if (server.offline) throw new NetworkDown();
      const seen = server.applied.get(batch.clientOpId);
      if (seen) return { revision: seen };
      try {
        server.state = applyOperations(server.state, batch.ops).state;
      } catch (error) {
        const e = error as OperationError;
        throw new Rejected(e.message, e.code === "STALE_WRITE" ? { index: e.index, by: server.author } : undefined);
      }
      server.applied.set(batch.clientOpId, ++server.revision);
      server.history.set(batch.clientOpId, batch.history);
      return { revision: server.revision };
    },
    async discard(entryIds) {
      server.discarded.push(...entryIds);
    },
    async load() {
      return { ...payload(server.revision), nodes: [...server.state.nodes.values()] };
    },
    classify: (error): SendFailure => {
      if (error instanceof NetworkDown) return { kind: "network" };
      const { message, stale } = error as Rejected;
      return { kind: "rejected", message, ...(stale && { stale }) };
    },
    newId: () => `op-${++ids}`,
  };
  return { server, transport };
}

const rename = (id: string, from: string, to: string): Operation => ({ op: "updateNode", id, set: { label: to }, expect: { label: from } });
const label = (store: EditorStore, id: string) => store.getSnapshot().state.nodes.get(id)?.label;

describe("EditorStore", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows an edit at once and reports Saving, then Saved", async () => {
    const { transport, server } = fakeServer();
    const store = new EditorStore(payload(), transport);
    store.apply([rename(A, "Step 1", "Quote")]);
    expect(label(store, A)).toBe("Quote");
    expect(store.getSnapshot().saveStatus).toBe("saving");
    await vi.runAllTimersAsync();
    expect(store.getSnapshot()).toMatchObject({ saveStatus: "saved", revision: 6 });
    expect(server.state.nodes.get(A)!.label).toBe("Quote");
  });

  it("keeps edits while offline and retries them with the same client op id", async () => {
    const { transport, server } = fakeServer();
    server.offline = true;
    const store = new EditorStore(payload(), transport);
    store.apply([rename(A, "Step 1", "Quote")]);
    store.apply([rename(B, "Step 2", "Invoice")]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(store.getSnapshot().saveStatus).toBe("offline");
    expect(new Set(server.sent)).toEqual(new Set(["op-1"]));
    server.offline = false;
    await vi.runAllTimersAsync();
    expect(store.getSnapshot().saveStatus).toBe("saved");
    expect([...server.applied.keys()]).toEqual(["op-1", "op-2"]);
    expect(server.state.nodes.get(B)!.label).toBe("Invoice");
  });

  it("rebases unsaved edits on someone else's batch", async () => {
    const { transport, server } = fakeServer();
    server.offline = true;
    const store = new EditorStore(payload(), transport);
    store.apply([rename(A, "Step 1", "Mine")]);
    store.receive({ revision: 6, clientOpId: "theirs", ops: [rename(B, "Step 2", "Theirs")] });
    expect(label(store, A)).toBe("Mine");
    expect(label(store, B)).toBe("Theirs");
  });

  it("turns an unsaved edit that someone else's batch beat into a conflict naming them, without its undo step", () => {
    const { transport, server } = fakeServer();
    server.offline = true;
    const store = new EditorStore(payload(), transport);
    store.apply([rename(A, "Step 1", "Mine")]);
    store.receive({ revision: 6, clientOpId: "theirs", ops: [rename(A, "Step 1", "Theirs")], userId: "sam", author: "Sam" });
    expect(label(store, A)).toBe("Theirs");
    expect(store.getSnapshot()).toMatchObject({
      canUndo: false,
      notice: null,
      conflict: { id: A, mine: { label: "Mine" }, theirs: { label: "Theirs" }, by: { name: "Sam" } },
    });
  });

  it("names the author from the viewers when the batch does not carry a name", () => {
    const { transport, server } = fakeServer();
    server.offline = true;
    const store = new EditorStore(payload(), transport);
    store.setViewers([{ userId: "sam", name: "Sam from viewers", image: null }]);
    store.apply([rename(A, "Step 1", "Mine")]);
    store.receive({ revision: 6, clientOpId: "theirs", ops: [rename(A, "Step 1", "Theirs")], userId: "sam" });
    expect(store.getSnapshot().conflict?.by?.name).toBe("Sam from viewers");
  });

  it("an edit started before someone else's change landed becomes a conflict at once", () => {
    const { transport } = fakeServer();
    const store = new EditorStore(payload(), transport);
    store.receive({ revision: 6, clientOpId: "theirs", ops: [rename(A, "Step 1", "Theirs")], userId: "sam", author: "Sam" });
    // What a text field does: it expects the value it started from.
    const error = store.apply([rename(A, "Step 1", "Mine")]);
    expect(error?.code).toBe("STALE_WRITE");
    expect(store.getSnapshot()).toMatchObject({ notice: null, conflict: { mine: { label: "Mine" }, by: { name: "Sam" } } });
  });

  it("a conflict the server reports names whom the server names; Keep theirs lets mine go", async () => {
    const { transport, server } = fakeServer();
    server.state = applyOperations(server.state, [rename(A, "Step 1", "Changed elsewhere")]).state;
    server.author = { name: "Ana", at: Date.now() - 60_000 };
    const store = new EditorStore(payload(), transport);
    store.apply([rename(A, "Step 1", "Mine")]);
    await vi.runAllTimersAsync();
    expect(label(store, A)).toBe("Changed elsewhere");
    expect(store.getSnapshot()).toMatchObject({
      canUndo: false,
      notice: null,
      conflict: { theirs: { label: "Changed elsewhere" }, by: { name: "Ana" } },
    });
    store.resolveConflict("theirs");
    await vi.runAllTimersAsync();
    expect(store.getSnapshot().conflict).toBeNull();
    expect(server.state.nodes.get(A)!.label).toBe("Changed elsewhere");
  });

  it("Apply mine writes my batch on top of theirs as a new undo step", async () => {
    const { transport, server } = fakeServer();
    server.state = applyOperations(server.state, [rename(A, "Step 1", "Theirs")]).state;
    server.revision = 6;
    const store = new EditorStore(payload(), transport);
    store.apply([rename(B, "Step 2", "Also mine"), rename(A, "Step 1", "Mine")]);
    await vi.runAllTimersAsync();
    expect(store.getSnapshot().conflict?.fields).toEqual(["label"]);
    store.resolveConflict("mine");
    expect(label(store, A)).toBe("Mine");
    await vi.runAllTimersAsync();
    expect(server.state.nodes.get(A)!.label).toBe("Mine");
    expect(server.state.nodes.get(B)!.label).toBe("Also mine");
    expect(store.getSnapshot()).toMatchObject({ conflict: null, canUndo: true, saveStatus: "saved" });
  });

  it("a new edit of the same field settles the conflict; an edit elsewhere does not", () => {
    const { transport, server } = fakeServer();
    server.offline = true;
    const store = new EditorStore(payload(), transport);
    store.apply([rename(A, "Step 1", "Mine")]);
    store.receive({ revision: 6, clientOpId: "theirs", ops: [rename(A, "Step 1", "Theirs")], author: "Sam" });
    store.apply([rename(B, "Step 2", "Other")]);
    expect(store.getSnapshot().conflict).not.toBeNull();
    store.apply([rename(A, "Theirs", "Typed again")]);
    expect(store.getSnapshot().conflict).toBeNull();
  });

  it("drops an edit the server refuses for another reason and says why", async () => {
    const { transport, server } = fakeServer();
    server.state = applyOperations(server.state, [{ op: "deleteNode", id: A }]).state;
    const store = new EditorStore(payload(), transport);
    store.apply([rename(A, "Step 1", "Mine")]);
    await vi.runAllTimersAsync();
    expect(store.getSnapshot()).toMatchObject({ conflict: null, notice: expect.stringContaining("not in this project") });
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it("undoes and redoes, and refuses to undo over someone else's later change", async () => {
    const { transport } = fakeServer();
    const store = new EditorStore(payload(), transport);
    store.apply([rename(A, "Step 1", "Quote")]);
    await vi.runAllTimersAsync();
    store.undo();
    expect(label(store, A)).toBe("Step 1");
    store.redo();
    expect(label(store, A)).toBe("Quote");
    await vi.runAllTimersAsync();

    store.receive({ revision: 99, clientOpId: "theirs", ops: [rename(A, "Quote", "Their name")] });
    store.undo();
    expect(label(store, A)).toBe("Their name");
    expect(store.getSnapshot().notice).toBe("Can't undo: someone else has changed it since.");
  });

  it("starts with the stacks from the server and names the entry it undoes or redoes", async () => {
    const { transport, server } = fakeServer();
    server.state = applyOperations(server.state, [rename(A, "Step 1", "Quote")]).state;
    const start = {
      ...payload(5, { undo: [{ id: "entry-1", ops: [rename(A, "Step 1", "Quote")], inverse: [rename(A, "Quote", "Step 1")] }], redo: [] }),
    };
    start.nodes = start.nodes.map((n) => (n.id === A ? { ...n, label: "Quote" } : n));
    const store = new EditorStore(start, transport);
    expect(store.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false });

    store.undo();
    expect(label(store, A)).toBe("Step 1");
    await vi.runAllTimersAsync();
    expect(server.history.get("op-1")).toEqual({ kind: "undo", entryId: "entry-1" });

    store.redo();
    expect(label(store, A)).toBe("Quote");
    await vi.runAllTimersAsync();
    // The redo entry is the undo batch: the server stored it under that batch's client op id.
    expect(server.history.get("op-2")).toEqual({ kind: "redo", entryId: "op-1" });
    expect(store.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false });

    store.apply([rename(B, "Step 2", "Invoice")]);
    store.undo();
    store.undo();
    await vi.runAllTimersAsync();
    expect([...server.history.values()].slice(2)).toEqual([
      { kind: "do" },
      { kind: "undo", entryId: "op-3" },
      { kind: "undo", entryId: "op-2" },
    ]);
    expect(server.state.nodes.get(A)!.label).toBe("Step 1");
  });

  it("a new edit clears redo and sends itself as the next undo entry", async () => {
    const { transport, server } = fakeServer();
    const store = new EditorStore(
      payload(5, { undo: [], redo: [{ id: "old", ops: [rename(A, "Step 1", "X")], inverse: [rename(A, "X", "Step 1")] }] }),
      transport,
    );
    expect(store.getSnapshot().canRedo).toBe(true);
    store.apply([rename(A, "Step 1", "Quote")]);
    expect(store.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false });
    await vi.runAllTimersAsync();
    expect(server.history.get("op-1")).toEqual({ kind: "do" });
    store.undo();
    await vi.runAllTimersAsync();
    expect(server.history.get("op-2")).toEqual({ kind: "undo", entryId: "op-1" });
  });

  it("shows the server's refusal of an undo and has the server forget that entry", async () => {
    const { transport, server } = fakeServer();
    const store = new EditorStore(payload(), transport);
    store.apply([rename(A, "Step 1", "Quote")]);
    await vi.runAllTimersAsync();
    // Someone else's rename the live sync has not brought yet.
    server.state = applyOperations(server.state, [rename(A, "Quote", "Theirs")]).state;
    const send = transport.send.bind(transport);
    transport.send = async (batch) => {
      if (batch.history.kind === "undo") throw new Rejected("Can't undo: someone else has changed it since.");
      return send(batch);
    };
    store.undo();
    await vi.runAllTimersAsync();
    expect(store.getSnapshot()).toMatchObject({ notice: "Can't undo: someone else has changed it since.", canUndo: false, canRedo: false });
    expect(server.discarded).toEqual(["op-1"]);
  });

  it("forgets an entry it cannot undo locally, once the batches before it are saved", async () => {
    const { transport, server } = fakeServer();
    server.offline = true;
    // Someone renamed the step back after this person's rename, so the entry no longer applies.
    const history = { undo: [{ id: "entry-1", ops: [rename(A, "Step 1", "Quote")], inverse: [rename(A, "Quote", "Step 1")] }], redo: [] };
    const store = new EditorStore(payload(5, history), transport);
    store.apply([rename(B, "Step 2", "Invoice")]);
    store.undo();
    store.undo();
    expect(store.getSnapshot()).toMatchObject({ notice: "Can't undo: someone else has changed it since.", canUndo: false, canRedo: true });
    await vi.advanceTimersByTimeAsync(100);
    expect(server.discarded).toEqual([]);
    server.offline = false;
    await vi.runAllTimersAsync();
    expect([...server.applied.keys()]).toEqual(["op-1", "op-2"]);
    expect(server.discarded).toEqual(["entry-1"]);
  });

  it(`keeps the newest ${UNDO_DEPTH} undo steps, like the server`, async () => {
    const { transport } = fakeServer();
    const store = new EditorStore(payload(), transport);
    for (let i = 0; i <= UNDO_DEPTH; i++) store.apply([rename(A, i === 0 ? "Step 1" : `Name ${i - 1}`, `Name ${i}`)]);
    for (let i = 0; i < UNDO_DEPTH; i++) store.undo();
    expect(label(store, A)).toBe("Name 0");
    expect(store.getSnapshot().canUndo).toBe(false);
  });
});
