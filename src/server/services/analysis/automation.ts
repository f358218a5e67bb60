import { sql } from "drizzle-orm";
import { automationScore, type AutomationInput } from "~/domain/automation";
import type { Change } from "~/domain/apply";
import type { GraphNode } from "~/domain/graph";
import type { DbOrTx } from "~/server/db";
import { aiAnalysisCache } from "~/server/db/schema";
import { automationInputHash } from "../guards";

const inputsOf = (node: GraphNode): AutomationInput => ({
  type: node.type,
  isRepetitive: node.isRepetitive,
  brainUsage: node.brainUsage,
  tools: node.tools,
  external: node.external,
});

/**
 * Stores the explained automation score of every created node and of every node whose score
 * inputs changed in a batch (nodes.ai_score itself is written with the node). A node whose
 * inputs did not change keeps its row, so computed_at says when its reasoning last changed.
 */
export async function refreshAutomation(db: DbOrTx, owner: { organizationId: string; projectId: string }, changes: readonly Change[]) {
  const rows = changes.flatMap((change) => {
    if (change.entity !== "node" || !change.after) return [];
    const input = inputsOf(change.after);
    const inputHash = automationInputHash(input);
    if (change.before && automationInputHash(inputsOf(change.before)) === inputHash) return [];
    const reasoning = automationScore(input);
    return [{ ...owner, nodeId: change.id, score: reasoning.final_score, reasoning, inputHash }];
  });
  if (rows.length === 0) return;
  // One row per node even if a batch touched it twice: the last state wins.
  const latest = [...new Map(rows.map((r) => [r.nodeId, r])).values()];
  await db
    .insert(aiAnalysisCache)
    .values(latest)
    .onConflictDoUpdate({
      target: aiAnalysisCache.nodeId,
      set: {
        score: sql`excluded.score`,
        reasoning: sql`excluded.reasoning`,
        inputHash: sql`excluded.input_hash`,
        computedAt: sql`now()`,
      },
      setWhere: sql`${aiAnalysisCache.inputHash} <> excluded.input_hash`,
    });
}
