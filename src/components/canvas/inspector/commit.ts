import type { OperationError } from "~/domain/apply";
import { heldValue } from "~/domain/conflict";
import type { EdgeFields, NodeFields } from "~/domain/graph";
import type { EdgePatch, NodePatch } from "~/domain/operations";
import type { EditorApi } from "../editor-context";

type Commit<T> = (next: T, start: T) => OperationError | null;

/** One field of one node as a compare-and-set write: `expect` is the value the edit started from. */
export function nodeCommit(editor: Pick<EditorApi, "apply">, id: string) {
  return <K extends keyof NodeFields>(field: K): Commit<NodeFields[K]> =>
    (next, start) =>
      editor.apply([{ op: "updateNode", id, set: { [field]: next } as NodePatch, expect: { [field]: start } as NodePatch }]);
}

export function edgeCommit(editor: Pick<EditorApi, "apply">, id: string) {
  return <K extends keyof EdgeFields>(field: K): Commit<EdgeFields[K]> =>
    (next, start) =>
      editor.apply([{ op: "updateEdge", id, set: { [field]: next } as EdgePatch, expect: { [field]: start } as EdgePatch }]);
}

/** My value of a node field from an edit that lost to someone else's, to keep it in the field. */
export function nodeHeld(editor: Pick<EditorApi, "conflict">, id: string) {
  return <K extends keyof NodeFields>(field: K) => heldValue(editor.conflict, "node", id, field) as { value: NodeFields[K] } | null;
}

export function edgeHeld(editor: Pick<EditorApi, "conflict">, id: string) {
  return <K extends keyof EdgeFields>(field: K) => heldValue(editor.conflict, "edge", id, field) as { value: EdgeFields[K] } | null;
}
