import type { OperationError } from "~/domain/apply";
import type { EdgeFields, NodeFields } from "~/domain/graph";
import type { EdgePatch, NodePatch } from "~/domain/operations";
import type { EditorApi } from "../editor-context";

type Commit<T> = (next: T, start: T) => OperationError | null;

/** One field of one node as a compare-and-set write: `expect` is the value the edit started from. */
export function nodeCommit(editor: EditorApi, id: string) {
  return <K extends keyof NodeFields>(field: K): Commit<NodeFields[K]> =>
    (next, start) =>
      editor.apply([{ op: "updateNode", id, set: { [field]: next } as NodePatch, expect: { [field]: start } as NodePatch }]);
}

export function edgeCommit(editor: EditorApi, id: string) {
  return <K extends keyof EdgeFields>(field: K): Commit<EdgeFields[K]> =>
    (next, start) =>
      editor.apply([{ op: "updateEdge", id, set: { [field]: next } as EdgePatch, expect: { [field]: start } as EdgePatch }]);
}
