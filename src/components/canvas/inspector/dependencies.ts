/**
 * What the inspector's "Depends on" / "Leads to" lists and its "Add dependency" control show
 * and check. Pure, so wording, filtering and the checks are unit tested.
 */
import type { GraphState, RelationType } from "~/domain/graph";
import { bandIndex, type MatrixLayout } from "~/domain/matrix";
import { waitText } from "../flow-names";
import { RELATION_LABEL } from "./labels";

/** One connection of the inspected step, seen from that step; `detail` is the relation and the wait. */
export type StepLink = { edgeId: string; otherId: string; otherLabel: string; detail: string; text: string };

/** A step the combobox offers; `cell` tells apart steps that share a label. */
export type StepOption = { id: string; label: string; cell: string };

export const MAX_OPTIONS = 50;

/** "Requires · wait 2h": the relation, and the wait when there is one. */
export function linkDetail(relation: RelationType, lagTime: string | null, lagWorking = false): string {
  const wait = waitText(lagTime, lagWorking);
  return wait ? `${RELATION_LABEL[relation]} · wait ${wait}` : RELATION_LABEL[relation];
}

const byLabel = (a: { otherLabel: string }, b: { otherLabel: string }) => a.otherLabel.localeCompare(b.otherLabel);

/** The step's incoming connections (what it depends on) and outgoing ones (what it leads to). */
export function stepLinks(state: GraphState, nodeId: string): { dependsOn: StepLink[]; leadsTo: StepLink[] } {
  const dependsOn: StepLink[] = [];
  const leadsTo: StepLink[] = [];
  for (const edge of state.edges.values()) {
    const incoming = edge.targetId === nodeId;
    if (!incoming && edge.sourceId !== nodeId) continue;
    const otherId = incoming ? edge.sourceId : edge.targetId;
    const otherLabel = state.nodes.get(otherId)?.label ?? "Unknown step";
    const detail = linkDetail(edge.relationType, edge.lagTime, edge.lagWorking);
    const link = { edgeId: edge.id, otherId, otherLabel, detail, text: `${otherLabel} · ${detail}` };
    (incoming ? dependsOn : leadsTo).push(link);
  }
  return { dependsOn: dependsOn.sort(byLabel), leadsTo: leadsTo.sort(byLabel) };
}

/** Every step but `nodeId`, by label, each with the cell it sits in. */
export function stepOptions(state: GraphState, layout: MatrixLayout, nodeId: string): StepOption[] {
  const bands = bandIndex(layout);
  const options: StepOption[] = [];
  for (const node of state.nodes.values()) {
    if (node.id === nodeId) continue;
    options.push({ id: node.id, label: node.label, cell: `${bands.row(node.departmentId).name} / ${bands.column(node.stageId).name}` });
  }
  return options.sort((a, b) => a.label.localeCompare(b.label) || a.cell.localeCompare(b.cell));
}

/** Labels starting with the query first, then labels containing it; case-insensitive, at most MAX_OPTIONS. */
export function filterSteps(options: readonly StepOption[], query: string): StepOption[] {
  const q = query.trim().toLowerCase();
  if (q === "") return options.slice(0, MAX_OPTIONS);
  const starts: StepOption[] = [];
  const contains: StepOption[] = [];
  for (const option of options) {
    const label = option.label.toLowerCase();
    if (label.startsWith(q)) starts.push(option);
    else if (label.includes(q)) contains.push(option);
  }
  return [...starts, ...contains].slice(0, MAX_OPTIONS);
}

/**
 * Why `sourceId` cannot become a dependency of `targetId`, or null. Cycles are left to the
 * editor's applier, which names the steps on the loop.
 */
export function dependencyProblem(state: GraphState, sourceId: string | null, targetId: string): string | null {
  if (sourceId === null) return "Choose the step this one depends on";
  for (const edge of state.edges.values()) {
    if (edge.sourceId === sourceId && edge.targetId === targetId)
      return `“${state.nodes.get(sourceId)?.label ?? "That step"}” is already connected to this step`;
  }
  return null;
}
