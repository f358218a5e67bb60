import { applyOperations, OperationError } from "~/domain/apply";
import { conflictOf, onTopOf, type Author, type Conflict } from "~/domain/conflict";
import { toState, type GraphState, type NodeFacts } from "~/domain/graph";
import { UNDO_DEPTH, type BatchHistory, type HistoryEntry, type Operation } from "~/domain/operations";
import type { RouterOutputs } from "~/trpc/react";
import type { Highlight, SaveStatus, Selection, Viewer } from "./editor-context";

/** The graph as `graph.get` returns it, with the person's own undo and redo stacks. */
export type GraphPayload = RouterOutputs["graph"]["get"];
/** What the store needs of a committed batch from live sync; `userId` and `author` name who made it. */
export type RemoteBatch = { revision: number; clientOpId: string; ops: Operation[]; userId?: string; author?: string | null };

/**
 * network: retry by itself; rejected: the edit is invalid, drop it (`stale`: a compare-and-set
 * lost to someone else's change, which operation and who made it); error: server trouble, wait
 * for "Retry".
 */
export type SendFailure =
  | { kind: "network" }
  | { kind: "rejected"; message: string; stale?: { index: number; by: Author | null } }
  | { kind: "error"; message: string };

/** How the store talks to the server; the provider wires it to tRPC, tests to fakes. */
export type Transport = {
  send(batch: { clientOpId: string; ops: Operation[]; history: BatchHistory }): Promise<{ revision: number }>;
  load(): Promise<GraphPayload>;
  /** Forgets history entries on the server that this editor dropped. */
  discard(entryIds: string[]): Promise<unknown>;
  classify(error: unknown): SendFailure;
  newId(): string;
};

type Pending = { clientOpId: string; ops: Operation[]; history: BatchHistory; acknowledged: boolean };

export type EditorSnapshot = {
  state: GraphState;
  facts: ReadonlyMap<string, NodeFacts>;
  revision: number;
  saveStatus: SaveStatus;
  canUndo: boolean;
  canRedo: boolean;
  notice: string | null;
  /** My edit that lost to someone else's, until I apply mine on top or keep theirs. */
  conflict: Conflict | null;
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
 * The undo and redo stacks mirror the person's stacks on the server: each batch says which
 * entry it pushes (its client op id) or takes off, so they are still there after a reload.
 */
export class EditorStore {
  private confirmed: GraphState;
  private revision: number;
  private pending: Pending[] = [];
  private undoStack: HistoryEntry[];
  private redoStack: HistoryEntry[];
  /** Entries dropped here, to forget on the server once every batch before them is saved. */
  private discarded: string[] = [];
  private inFlight = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failed = false;
  /** Who last changed each entity in someone else's batch, to name them in a conflict. */
  private authors = new Map<string, Author>();
  private listeners = new Set<() => void>();
  private snap: EditorSnapshot;

  constructor(
    payload: GraphPayload,
    private readonly transport: Transport,
  ) {
    this.confirmed = toState(payload);
    this.revision = payload.revision;
    this.undoStack = [...payload.history.undo];
    this.redoStack = [...payload.history.redo];
    this.snap = {
      state: this.confirmed,
      facts: new Map(Object.entries(payload.facts)),
      revision: payload.revision,
      saveStatus: "saved",
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      notice: null,
      conflict: null,
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
    const result = this.applyLocal(ops, { kind: "do" });
    if (result instanceof OperationError) return result;
    push(this.undoStack, { id: result.clientOpId, ops, inverse: result.inverse });
    this.redoStack = [];
    this.update(this.settles(ops) ? { conflict: null } : {});
    return null;
  };

  /** A new edit of the conflicting fields (or a delete of that entity) ends the conflict. */
  private settles(ops: Operation[]): boolean {
    const conflict = this.snap.conflict;
    if (!conflict) return false;
    return ops.some((op) => {
      if (!("id" in op) || op.id !== conflict.id) return false;
      return !("set" in op) || Object.keys(op.set).some((key) => key in conflict.mine);
    });
  }

  undo = () => this.step(this.undoStack, this.redoStack, "undo");
  redo = () => this.step(this.redoStack, this.undoStack, "redo");

  private step(from: HistoryEntry[], to: HistoryEntry[], what: "undo" | "redo") {
    const entry = from.pop();
    if (!entry) return;
    const result = this.applyLocal(entry.inverse, { kind: what, entryId: entry.id }, `Can't ${what}: `);
    if (result instanceof OperationError) {
      this.discarded.push(entry.id);
      void this.pump();
    } else push(to, { id: result.clientOpId, ops: entry.inverse, inverse: result.inverse });
    this.update({});
  }

  private applyLocal(ops: Operation[], history: BatchHistory, prefix = ""): { clientOpId: string; inverse: Operation[] } | OperationError {
    try {
      const result = applyOperations(this.snap.state, ops);
      const clientOpId = this.transport.newId();
      this.pending.push({ clientOpId, ops, history, acknowledged: false });
      this.update({ state: result.state, saveStatus: this.failed ? "error" : "saving" });
      void this.pump();
      return { clientOpId, inverse: result.inverse };
    } catch (error) {
      if (!(error instanceof OperationError)) throw error;
      const conflict = error.code === "STALE_WRITE" && history.kind === "do" ? this.conflictFrom(this.snap.state, ops, error.index) : null;
      if (conflict) {
        this.update({ conflict, notice: null });
        return error;
      }
      const message = error.code === "STALE_WRITE" && prefix ? `${prefix}someone else has changed it since.` : prefix + error.message;
      this.update({ notice: message });
      return error;
    }
  }

  private async pump(): Promise<void> {
    if (this.inFlight || this.failed) return;
    const next = this.pending.find((p) => !p.acknowledged);
    if (!next) {
      this.flushDiscarded();
      this.update({ saveStatus: "saved" });
      return;
    }
    this.inFlight = true;
    try {
      const result = await this.transport.send({ clientOpId: next.clientOpId, ops: next.ops, history: next.history });
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
      this.forgetBatch(next);
      this.inFlight = false;
      if (!failure.stale || next.history.kind !== "do") {
        this.update({ notice: failure.message });
        await this.reload();
        return;
      }
      const { index, by } = failure.stale;
      await this.reload();
      const conflict = this.conflictFrom(this.snap.state, next.ops, index, by);
      this.update(conflict ? { conflict, notice: null } : { notice: failure.message });
      return;
    }
    this.inFlight = false;
    void this.pump();
  }

  /**
   * A batch that will never land takes its history along: the entry it would have pushed, and
   * (for an undo or redo) the entry it took off, which the server still holds.
   */
  private forgetBatch(batch: Pending) {
    this.undoStack = this.undoStack.filter((u) => u.ops !== batch.ops);
    this.redoStack = this.redoStack.filter((u) => u.ops !== batch.ops);
    if (batch.history.kind !== "do") this.discarded.push(batch.history.entryId);
  }

  /**
   * Sent only when no batch is waiting, so the batch that created an entry has reached the
   * server before it is told to forget it. A lost request only means the entry comes back
   * after a reload and says "Can't undo" once more.
   */
  private flushDiscarded() {
    if (this.discarded.length === 0) return;
    const entryIds = this.discarded.splice(0);
    this.transport.discard(entryIds).catch(() => undefined);
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
    if (ours < 0) this.noteAuthor(batch);
    this.rebase();
  };

  /** Replays unsaved batches on the confirmed graph; one that no longer applies is dropped. */
  private rebase() {
    let state = this.confirmed;
    let notice = null as string | null;
    let conflict = null as Conflict | null;
    this.pending = this.pending.filter((p) => {
      try {
        state = applyOperations(state, p.ops).state;
        return true;
      } catch (error) {
        const stale = error instanceof OperationError && error.code === "STALE_WRITE" && p.history.kind === "do";
        const lost = stale ? this.conflictFrom(state, p.ops, error.index) : null;
        if (lost) conflict = lost;
        else notice = `Your change was dropped: ${error instanceof Error ? error.message : "it conflicts with someone else's edit"}`;
        if (!p.acknowledged) this.forgetBatch(p);
        return false;
      }
    });
    const selection = {
      nodes: this.snap.selection.nodes.filter((id) => state.nodes.has(id)),
      edges: this.snap.selection.edges.filter((id) => state.edges.has(id)),
    };
    this.update({ state, selection, ...(notice !== null && { notice }), ...(conflict && { conflict }) });
  }

  /**
   * The conflict behind a compare-and-set failure of `ops[index]`, naming whoever the server
   * named, else whoever last changed that entity in a batch seen here.
   */
  private conflictFrom(state: GraphState, ops: Operation[], index: number, by: Author | null = null): Conflict | null {
    const op = ops[index];
    return conflictOf(state, ops, index, by ?? (op && "id" in op ? (this.authors.get(op.id) ?? null) : null));
  }

  private noteAuthor(batch: RemoteBatch) {
    const name = batch.author ?? this.snap.viewers.find((v) => v.userId === batch.userId)?.name;
    if (!name) return;
    const at = Date.now();
    for (const op of batch.ops) if ("id" in op) this.authors.set(op.id, { name, at });
  }

  /** "Apply mine": my batch again, on top of theirs (one new undo step). "Keep theirs": let mine go. */
  resolveConflict = (choice: "mine" | "theirs") => {
    const conflict = this.snap.conflict;
    if (!conflict) return;
    this.update({ conflict: null });
    if (choice === "mine") this.apply(onTopOf(this.snap.state, conflict.ops));
  };

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
  focusNode = (id: string) => this.update({ focusRequest: { id, at: Date.now() }, selection: selectionOf(this.snap.state, id) });

  dispose() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }
}

/** A focus request names a step or a connection; the selection follows. */
function selectionOf(state: GraphState, id: string) {
  return state.edges.has(id) ? { nodes: [], edges: [id] } : { nodes: [id], edges: [] };
}

/** Pushes onto a stack, letting the oldest entry go past UNDO_DEPTH as the server does. */
function push(stack: HistoryEntry[], entry: HistoryEntry) {
  stack.push(entry);
  if (stack.length > UNDO_DEPTH) stack.splice(0, stack.length - UNDO_DEPTH);
}
