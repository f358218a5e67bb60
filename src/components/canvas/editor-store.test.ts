import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { applyOperations } from "~/domain/apply";
import { DEFAULT_NODE_FIELDS, toState } from "~/domain/graph";
import type { Operation } from "~/domain/operations";
import { EditorStore, type GraphPayload, type SendFailure, type Transport } from "./editor-store";

const A = "00000000-0000-4000-8000-000000000001";
const B = "00000000-0000-4000-8000-000000000002";

function payload(revision = 5): GraphPayload {
  return {
    revision,
    nodes: [A, B].map((id, i) => ({ ...DEFAULT_NODE_FIELDS, id, label: `Step ${i + 1}`, x: 0, y: 0, departmentId: null, stageId: null })),
    edges: [],
    departments: [],
    stages: [],
    facts: {},
  };
}

class NetworkDown extends Error {}
class Rejected extends Error {}

/** A fake server: applies batches to its own graph, remembers client op ids, can go offline. */
function fakeServer() {
  const server = { state: toState(payload()), revision: 5, offline: false, sent: [] as string[], applied: new Map<string, number>() };
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
        throw new Rejected((error as Error).message);
      }
      server.applied.set(batch.clientOpId, ++server.revision);
      return { revision: server.revision };
    },
    async load() {
      return { ...payload(server.revision), nodes: [...server.state.nodes.values()] };
    },
    classify: (error): SendFailure => (error instanceof NetworkDown ? { kind: "network" } : { kind: "rejected", message: (error as Error).message }),
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

  it("drops an edit the server refuses and says why", async () => {
    const { transport, server } = fakeServer();
    server.state = applyOperations(server.state, [rename(A, "Step 1", "Changed elsewhere")]).state;
    const store = new EditorStore(payload(), transport);
    store.apply([rename(A, "Step 1", "Mine")]);
    await vi.runAllTimersAsync();
    expect(store.getSnapshot().notice).toContain("changed");
    expect(label(store, A)).toBe("Changed elsewhere");
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
});
