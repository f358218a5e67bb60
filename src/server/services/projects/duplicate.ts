import { withTransaction } from "~/server/db/transaction";
import type { ProjectContext } from "../context";
import { loadGraph } from "../graph";
import { createProjectFromGraph, withNewIds } from "../templates";

/**
 * A copy of the project's live graph (lanes, steps with their status and estimates,
 * connections) as a new project of the same organization, named "<name> (copy)". History,
 * versions, comments and members stay with the original; the caller owns the copy.
 */
export async function duplicateProject(ctx: ProjectContext) {
  const { project } = ctx.access;
  return withTransaction(ctx.db, async (tx) => {
    const live = await loadGraph(tx, project.id, project.revision);
    const graph = withNewIds({ departments: live.departments, stages: live.stages, nodes: live.nodes, edges: live.edges });
    return createProjectFromGraph(
      { ...ctx, db: tx },
      { name: copyName(project.name), description: project.description ?? undefined },
      graph,
    );
  });
}

const MAX_NAME = 255;

/** "Onboarding" -> "Onboarding (copy)", cut so the suffix fits the name column. */
export function copyName(name: string) {
  const suffix = " (copy)";
  return `${name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
}
