import { sql } from "drizzle-orm";
import { automationScore, type AutomationInput } from "~/domain/automation";
import type { Change } from "~/domain/apply";
import type { GraphNode } from "~/domain/graph";
import type { DbOrTx } from "~/server/db";
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
  // One row per node even if a batch touched it twice: the last state wins. One JSON parameter,
  // however many rows: a paste of thousands of steps is one statement.
  const latest = [...new Map(rows.map((r) => [r.nodeId, r])).values()].map((r) => ({
    node: r.nodeId,
    score: r.score,
    reasoning: r.reasoning,
    hash: r.inputHash,
  }));
  await db.execute(sql`
    INSERT INTO ai_analysis_cache (organization_id, project_id, node_id, score, reasoning, input_hash)
    SELECT ${owner.organizationId}, ${owner.projectId}, r.node, r.score, r.reasoning, r.hash
    FROM jsonb_to_recordset(${JSON.stringify(latest)}::jsonb) AS r(node uuid, score int, reasoning jsonb, hash text)
    ON CONFLICT (node_id) DO UPDATE
    SET score = excluded.score, reasoning = excluded.reasoning, input_hash = excluded.input_hash, computed_at = now()
    WHERE ai_analysis_cache.input_hash <> excluded.input_hash`);
}
