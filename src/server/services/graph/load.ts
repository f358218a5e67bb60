import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { dependenciesOf, type Dependencies } from "~/domain/apply";
import { isDependency, type GraphSnapshot, type GraphState, type NodeFacts } from "~/domain/graph";
import type { Operation } from "~/domain/operations";
import type { DbOrTx } from "~/server/db";
import { comments, departments, edges, nodes, stages } from "~/server/db/schema";
import { axisFromRow, edgeFromRow, nodeFromRow } from "./rows";

export type GraphPayload = GraphSnapshot & { revision: number; facts: Record<string, NodeFacts> };

/** The whole live graph of a project, with the server-computed facts per node. */
export async function loadGraph(db: DbOrTx, projectId: string, revision: number): Promise<GraphPayload> {
  const thread = alias(comments, "thread");
  const [nodeRows, edgeRows, departmentRows, stageRows, commentRows] = await Promise.all([
    db
      .select()
      .from(nodes)
      .where(and(eq(nodes.projectId, projectId), isNull(nodes.deletedAt))),
    db
      .select()
      .from(edges)
      .where(and(eq(edges.projectId, projectId), isNull(edges.deletedAt))),
    db.select().from(departments).where(eq(departments.projectId, projectId)).orderBy(asc(departments.position)),
    db.select().from(stages).where(eq(stages.projectId, projectId)).orderBy(asc(stages.position)),
    // Comments (thread starts and replies) in open threads: replies carry no resolved flag of
    // their own, they follow their thread's.
    db
      .select({ nodeId: comments.nodeId, n: sql<number>`count(*)::int` })
      .from(comments)
      .leftJoin(thread, eq(thread.id, comments.parentId))
      .where(
        and(eq(comments.projectId, projectId), isNull(comments.deletedAt), sql`NOT coalesce(${thread.resolved}, ${comments.resolved})`),
      )
      .groupBy(comments.nodeId),
  ]);
  const commentCount = new Map(commentRows.map((r) => [r.nodeId, r.n]));
  const facts: Record<string, NodeFacts> = {};
  for (const row of nodeRows) {
    facts[row.id] = {
      durationMinutes: row.durationMinutes,
      aiScore: row.aiScore,
      isBottleneck: row.isBottleneck,
      bottleneckSeverity: row.bottleneckSeverity,
      commentCount: commentCount.get(row.id) ?? 0,
    };
  }
  return {
    revision,
    nodes: nodeRows.map(nodeFromRow),
    edges: edgeRows.map(edgeFromRow),
    departments: departmentRows.map(axisFromRow),
    stages: stageRows.map(axisFromRow),
    facts,
  };
}

/**
 * The rows a batch touches: the nodes and edges it names, the edges of nodes it deletes, the
 * nodes of lanes it deletes, and all lanes (a handful). With `deps`, the project's whole
 * dependency graph, needed only when the batch can close a cycle.
 */
export async function loadTouched(db: DbOrTx, projectId: string, ops: readonly Operation[]) {
  const nodeIds = new Set<string>();
  const edgeIds = new Set<string>();
  const deletedNodes: string[] = [];
  const deletedAxes = { department: [] as string[], stage: [] as string[] };
  let needsDeps = false;
  for (const op of ops) {
    switch (op.op) {
      case "createNode":
        nodeIds.add(op.node.id);
        break;
      case "updateNode":
        nodeIds.add(op.id);
        break;
      case "deleteNode":
        nodeIds.add(op.id);
        deletedNodes.push(op.id);
        break;
      case "createEdge":
        edgeIds.add(op.edge.id);
        nodeIds.add(op.edge.sourceId);
        nodeIds.add(op.edge.targetId);
        needsDeps ||= isDependency(op.edge.relationType);
        break;
      case "updateEdge":
        edgeIds.add(op.id);
        needsDeps ||= op.set.relationType !== undefined && isDependency(op.set.relationType);
        break;
      case "deleteEdge":
        edgeIds.add(op.id);
        break;
      case "deleteAxis":
        deletedAxes[op.axis].push(op.id);
        break;
      default:
        break;
    }
  }

  const live = (table: typeof nodes | typeof edges) => and(eq(table.projectId, projectId), isNull(table.deletedAt));
  const [nodeRows, edgeRows, departmentRows, stageRows, depRows] = await Promise.all([
    nodeIds.size || deletedAxes.department.length || deletedAxes.stage.length
      ? db
          .select()
          .from(nodes)
          .where(
            and(
              live(nodes),
              or(
                nodeIds.size ? inArray(nodes.id, [...nodeIds]) : undefined,
                deletedAxes.department.length ? inArray(nodes.departmentId, deletedAxes.department) : undefined,
                deletedAxes.stage.length ? inArray(nodes.stageId, deletedAxes.stage) : undefined,
              ),
            ),
          )
      : [],
    edgeIds.size || deletedNodes.length
      ? db
          .select()
          .from(edges)
          .where(
            and(
              live(edges),
              or(
                edgeIds.size ? inArray(edges.id, [...edgeIds]) : undefined,
                deletedNodes.length ? inArray(edges.sourceId, deletedNodes) : undefined,
                deletedNodes.length ? inArray(edges.targetId, deletedNodes) : undefined,
              ),
            ),
          )
      : [],
    db.select().from(departments).where(eq(departments.projectId, projectId)),
    db.select().from(stages).where(eq(stages.projectId, projectId)),
    needsDeps
      ? db
          .select({ sourceId: edges.sourceId, targetId: edges.targetId, relationType: edges.relationType })
          .from(edges)
          .where(and(live(edges), inArray(edges.relationType, ["REQUIRES", "BLOCKS"])))
      : null,
  ]);

  const state: GraphState = {
    nodes: new Map(nodeRows.map((r) => [r.id, nodeFromRow(r)])),
    edges: new Map(edgeRows.map((r) => [r.id, edgeFromRow(r)])),
    departments: new Map(departmentRows.map((r) => [r.id, axisFromRow(r)])),
    stages: new Map(stageRows.map((r) => [r.id, axisFromRow(r)])),
  };
  const deps: Dependencies | undefined = depRows ? dependenciesOf(depRows) : undefined;
  return { state, deps };
}

export async function nodeLabels(db: DbOrTx, projectId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: nodes.id, label: nodes.label })
    .from(nodes)
    .where(and(eq(nodes.projectId, projectId), inArray(nodes.id, ids)));
  return new Map(found.map((r) => [r.id, r.label]));
}
