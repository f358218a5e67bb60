import type { GraphState } from "~/domain/graph";
import type { Thread } from "./useComments";

export type StepGroup = { stepId: string; label: string; deleted: boolean; threads: Thread[] };

/**
 * Threads by step, in the order of each step's most recent thread (the list arrives most
 * recent first), plus the project's own threads. Labels come from the live graph, so a
 * rename shows at once; a step missing from it has been deleted.
 */
export function groupThreads(threads: readonly Thread[], state: GraphState) {
  const steps = new Map<string, StepGroup>();
  const project: Thread[] = [];
  for (const thread of threads) {
    if (!thread.step) {
      project.push(thread);
      continue;
    }
    let group = steps.get(thread.step.id);
    if (!group) {
      const live = state.nodes.get(thread.step.id);
      group = { stepId: thread.step.id, label: live?.label ?? thread.step.label, deleted: !live, threads: [] };
      steps.set(thread.step.id, group);
    }
    group.threads.push(thread);
  }
  return { steps: [...steps.values()], project };
}
