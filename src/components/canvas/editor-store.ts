import { applyOperations, OperationError } from "~/domain/apply";
import { toState, type GraphSnapshot, type GraphState, type NodeFacts } from "~/domain/graph";
import type { Operation } from "~/domain/operations";
import type { Highlight, SaveStatus, Selection, Viewer } from "./editor-context";

export type GraphPayload = GraphSnapshot & { revision: number; facts: Record<string, NodeFacts> };
export type RemoteBatch = { revision: number; clientOpId: string; ops: Operation[] };

/** network: retry by itself; rejected: the edit is invalid, drop it; error: server trouble, wait for "Retry". */
export type SendFailure = { kind: "network" } | { kind: "rejected"; message: string } | { kind: "error"; message: string };

/** How the store talks to the server; the provider wires it to tRPC, tests to fakes. */
export type Transport = {
  send(batch: { clientOpId: string; ops: Operation[] }): Promise<{ revision: number }>;
  load(): Promise<GraphPayload>;
  classify(error: unknown): SendFailure;
  newId(): string;
};

type Pending = { clientOpId: string; ops: Operation[]; acknowledged: boolean };
type UndoEntry = { ops: Operation[]; inverse: Operation[] };

export type EditorSnapshot = {
  state: GraphState;
  facts: ReadonlyMap<string, NodeFacts>;
  revision: number;
  saveStatus: SaveStatus;
  canUndo: boolean;
  canRedo: boolean;
  notice: string | null;
  viewers: Viewer[];
  selection: Selection;
  focusRequest: { id: string; at: number } | null;
  highlight: Highlight | null;
};

const RETRY_MS = [500, 1000, 2000, 4000, 8000];

/**
 * The editor's state machine. The screen shows `confirmed` (the server graph at `revision`)
 * with the person's unsaved batches replayed on top. Batches go out one at a time, in order,
 * each retried with its client op id until the server answers, so a dropped connection
 * never applies an edit twice. Every committed batch (ours included) comes back through live
 * sync in revision order and advances `confirmed`; other people's batches rebase ours.
 */
export class EditorStore {
  private confirmed: GraphState;
  private revision: number;
  private pending: Pending[] = [];
  private undoStack: UndoEntry[] = [];
  private redoStack: UndoEntry[] = [];
  private inFlight = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failed = false;
  private listeners = new Set<() => void>();
  private snap: EditorSnapshot;

  constructor(
    payload: GraphPayload,
    private readonly transport: Transport,
  ) {
    this.confirmed = toState(payload);
    this.revision = payload.revision;
    this.snap = {
      state: this.confirmed,
      facts: new Map(Object.entries(payload.facts)),
      revision: payload.revision,
      saveStatus: "saved",
      canUndo: false,
      canRedo: false,
      notice: null,
      viewers: [],
      selection: { nodes: [], edges: [] },
      focusRequest: null,
      highlight: null,
    };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snap;

  get hasUnsavedChanges() {
    return this.pending.some((p) => !p.acknowledged);
  }

  private update(patch: Partial<EditorSnapshot>) {
    this.snap = {
      ...this.snap,
      ...patch,
      revision: this.revision,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
    };
    for (const listener of this.listeners) listener();
  }

  /** A person's edit: shown at once, queued for the server, one undo step. */
  apply = (ops: Operation[]): OperationError | null => {
    const result = this.applyLocal(ops);
    if (result instanceof OperationError) return result;
    this.undoStack.push({ ops, inverse: result });
    this.redoStack = [];
    this.update({});
    return null;
  };

  undo = () => this.step(this.undoStack, this.redoStack, "undo");
  redo = () => this.step(this.redoStack, this.undoStack, "redo");

  private step(from: UndoEntry[], to: UndoEntry[], what: "undo" | "redo") {
    const entry = from.pop();
    if (!entry) return;
    const result = this.applyLocal(entry.inverse, `Can't ${what}: `);
    if (!(result instanceof OperationError)) to.push({ ops: entry.inverse, inverse: result });
    this.update({});
  }

  private applyLocal(ops: Operation[], prefix = ""): Operation[] | OperationError {
    try {
      const result = applyOperations(this.snap.state, ops);
      this.pending.push({ clientOpId: this.transport.newId(), ops, acknowledged: false });
      this.update({ state: result.state, saveStatus: this.failed ? "error" : "saving" });
      void this.pump();
      return result.inverse;
    } catch (error) {
      if (!(error instanceof OperationError)) throw error;
      const message = error.code === "STALE_WRITE" && prefix ? `${prefix}someone else has changed it since.` : prefix + error.message;
      this.update({ notice: message });
      return error;
    }
  }

  private async pump(): Promise<void> {
    if (this.inFlight || this.failed) return;
    const next = this.pending.find((p) => !p.acknowledged);
    if (!next) {
      this.update({ saveStatus: "saved" });
      return;
    }
    this.inFlight = true;
    try {
      const result = await this.transport.send({ clientOpId: next.clientOpId, ops: next.ops });
      next.acknowledged = true;
      this.attempt = 0;
      // Live sync is the usual way our batch lands in `confirmed`; this covers a missed event.
      if (result.revision === this.revision + 1 && this.pending[0] === next) this.confirm(next, result.revision);
    } catch (error) {
      const failure = this.transport.classify(error);
      if (failure.kind === "network") {
        this.update({ saveStatus: "offline" });
        const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
        this.inFlight = false;
        this.retryTimer = setTimeout(() => void this.pump(), delay);
        return;
      }
      if (failure.kind === "error") {
        this.failed = true;
        this.inFlight = false;
        this.update({ saveStatus: "error", notice: failure.message });
        return;
      }
      this.pending = this.pending.filter((p) => p !== next);
      this.undoStack = this.undoStack.filter((u) => u.ops !== next.ops);
      this.redoStack = this.redoStack.filter((u) => u.ops !== next.ops);
      this.update({ notice: failure.message });
      this.inFlight = false;
      await this.reload();
      return;
    }
    this.inFlight = false;
    void this.pump();
  }

  /** "Retry" after an error, or right now instead of waiting for the next backoff. */
  retry = () => {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.failed = false;
    this.attempt = 0;
    void this.pump();
  };

  private confirm(batch: Pending, revision: number) {
    try {
      this.confirmed = applyOperations(this.confirmed, batch.ops).state;
      this.revision = revision;
      this.pending = this.pending.filter((p) => p !== batch);
    } catch {
      void this.reload();
    }
  }

  /** A committed batch from live sync (ours or someone else's), in revision order. */
  receive = (batch: RemoteBatch) => {
    if (batch.revision <= this.revision) return;
    const ours = this.pending.findIndex((p) => p.clientOpId === batch.clientOpId);
    if (ours === 0) {
      this.confirm(this.pending[0]!, batch.revision);
      this.update({});
      return;
    }
    try {
      this.confirmed = applyOperations(this.confirmed, batch.ops).state;
    } catch {
      void this.reload();
      return;
    }
    this.revision = batch.revision;
    if (ours > 0) this.pending.splice(ours, 1);
    this.rebase();
  };

  /** Replays unsaved batches on the confirmed graph; one that no longer applies is dropped. */
  private rebase() {
    let state = this.confirmed;
    let notice = null as string | null;
    this.pending = this.pending.filter((p) => {
      try {
        state = applyOperations(state, p.ops).state;
        return true;
      } catch (error) {
        notice = `Your change was dropped: ${error instanceof Error ? error.message : "it conflicts with someone else's edit"}`;
        return false;
      }
    });
    const selection = {
      nodes: this.snap.selection.nodes.filter((id) => state.nodes.has(id)),
      edges: this.snap.selection.edges.filter((id) => state.edges.has(id)),
    };
    this.update(notice === null ? { state, selection } : { state, selection, notice });
  }

  /** Replaces the confirmed graph with the server's (after a rejection or a long absence). */
  reload = async () => {
    try {
      const payload = await this.transport.load();
      this.confirmed = toState(payload);
      this.revision = payload.revision;
      this.pending = this.pending.filter((p) => !p.acknowledged);
      this.update({ facts: new Map(Object.entries(payload.facts)) });
      this.rebase();
      void this.pump();
    } catch {
      this.update({ saveStatus: "offline" });
    }
  };

  /** Fresh server facts (comment counts, bottlenecks) without touching the graph. */
  reloadFacts = async () => {
    const payload = await this.transport.load().catch(() => null);
    if (payload) this.update({ facts: new Map(Object.entries(payload.facts)) });
  };

  setViewers = (viewers: Viewer[]) => this.update({ viewers });
  setHighlight = (highlight: Highlight | null) => this.update({ highlight });
  setSelection = (selection: Selection) => this.update({ selection });
  dismissNotice = () => this.update({ notice: null });
  focusNode = (id: string) => this.update({ focusRequest: { id, at: Date.now() }, selection: { nodes: [id], edges: [] } });

  dispose() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }
}
