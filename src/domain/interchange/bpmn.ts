/**
 * BPMN 2.0 XML, shared by the writer (bpmn-write.ts) and the reader (bpmn-read.ts).
 *
 * A FlowMatrix project is one process in one pool: one lane per department (in order, with
 * its colour), one flow node per step, one sequence flow per connection, rework loops
 * included (a sequence flow back to an earlier step, the way modelers draw rework). What BPMN
 * has no element for travels in the FlowMatrix extension namespace below: attributes on the
 * elements (`fm:status`, `fm:avgTime`, `fm:relation`, `fm:frequency`...) and, for lists, child
 * elements of `bpmn:extensionElements` (`fm:stages`, `fm:tag`, `fm:tool`). Other tools keep or
 * ignore them; FlowMatrix reads them back, so an export re-imports as the same project.
 * docs/BPMN.md lists every attribute.
 */
import type { NodeType } from "../graph";

export const FM_NS = "https://flowmatrix.app/schema/bpmn";
/** 2 carries every field; 1 (before December 2026) carried type, duration, stage name, offset and lag. */
export const FM_VERSION = 2;

export const ELEMENT: Record<NodeType, string> = { TRIGGER: "startEvent", ACTION: "task", DECISION: "exclusiveGateway", ARTIFACT: "task" };

export const SIZE: Record<string, { width: number; height: number }> = {
  startEvent: { width: 36, height: 36 },
  task: { width: 120, height: 80 },
  exclusiveGateway: { width: 50, height: 50 },
};

/** Element ids are `Node_<uuid>`, `Flow_<uuid>`, `Lane_<uuid>`, `Stage_<uuid>`. */
export const ref = {
  node: (id: string) => `Node_${id}`,
  flow: (id: string) => `Flow_${id}`,
  lane: (id: string | null) => `Lane_${id ?? "unassigned"}`,
  stage: (id: string) => `Stage_${id}`,
};
