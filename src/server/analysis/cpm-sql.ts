import { sql } from "drizzle-orm";
import { rows, type DbOrTx } from "~/server/db";
import type { CpmResult, CpmTimes } from "./cpm";

/** Raised with the ids of the nodes on or behind a dependency cycle. */
export class SqlCycleError extends Error {
  constructor(readonly nodeIds: string[]) {
    super(`The dependencies form a cycle (${nodeIds.length} nodes affected)`);
  }
}

type Row = { id: string; es: number; ef: number; ls: number; lf: number; reached: boolean; path_step: number | null; rework: number };

/**
 * Critical path method over one project's live nodes and dependency edges, in one statement.
 *
 * The forward pass is a recursive CTE that pushes waves of (node, ES, EF) along the edges.
 * A recursive term may not aggregate, so each iteration ranks the candidate rows per node
 * with row_number() and only the best one (rn = 1) propagates in the next iteration. A node
 * is therefore re-emitted at most once per iteration, so the work is O(depth * (V + E)) and
 * never enumerates paths (the seed's path-array CTE is exponential). ES is the max over all
 * rows of a node, because waves from sources at different depths reach it at different
 * iterations. The backward pass does the same from the sinks with LF = T and min.
 *
 * Bad data must not hang: a wave can never be deeper than V edges in a DAG, so `depth <= V`
 * bounds the recursion, and a node that is on or behind a cycle is either never reached
 * (no source leads to it) or reached deeper than V: both come back as reached = false and
 * the caller raises a cycle error naming the labels.
 *
 * The critical path walk is a third recursive CTE: from the critical source with the
 * smallest id, step to the tight critical successor with the smallest id (again ranked with
 * row_number and carried to the next iteration). The TypeScript twin in cpm.ts makes the
 * same choices, so both agree exactly.
 */
export async function computeCpmSql(db: DbOrTx, projectId: string): Promise<CpmResult> {
  const result = await db.execute(sql`
    WITH RECURSIVE
    n AS (
      SELECT id, duration_minutes AS d FROM nodes WHERE project_id = ${projectId} AND deleted_at IS NULL
    ),
    e AS (
      SELECT ed.source_id AS s, ed.target_id AS t, ed.lag_minutes AS lag
      FROM edges ed JOIN n a ON a.id = ed.source_id JOIN n b ON b.id = ed.target_id
      WHERE ed.project_id = ${projectId} AND ed.deleted_at IS NULL AND ed.relation_type IN ('REQUIRES', 'BLOCKS')
    ),
    nv AS (SELECT count(*)::int AS v FROM n),
    fwd(id, es, ef, depth, rn) AS (
      SELECT n.id, 0::float8, n.d, 0, 1::bigint FROM n WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.t = n.id)
      UNION ALL
      SELECT e.t, f.ef + e.lag, (f.ef + e.lag) + m.d, f.depth + 1,
             row_number() OVER (PARTITION BY e.t ORDER BY f.ef + e.lag DESC)
      FROM fwd f JOIN e ON e.s = f.id JOIN n m ON m.id = e.t
      WHERE f.rn = 1 AND f.depth < (SELECT v FROM nv)
    ),
    fwd_final AS (
      SELECT id, max(es) AS es, max(ef) AS ef, max(depth) AS depth FROM fwd GROUP BY id
    ),
    total AS (SELECT coalesce(max(ef), 0) AS t FROM fwd_final),
    bwd(id, lf, ls, depth, rn) AS (
      SELECT n.id, total.t, total.t - n.d, 0, 1::bigint
      FROM n CROSS JOIN total WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.s = n.id)
      UNION ALL
      SELECT e.s, b.ls - e.lag, (b.ls - e.lag) - m.d, b.depth + 1,
             row_number() OVER (PARTITION BY e.s ORDER BY b.ls - e.lag ASC)
      FROM bwd b JOIN e ON e.t = b.id JOIN n m ON m.id = e.s
      WHERE b.rn = 1 AND b.depth < (SELECT v FROM nv)
    ),
    bwd_final AS (SELECT id, min(lf) AS lf, min(ls) AS ls FROM bwd GROUP BY id),
    times AS (
      SELECT n.id, f.es, f.ef, b.ls, b.lf,
             (f.id IS NOT NULL AND f.depth < (SELECT v FROM nv)) AS reached,
             abs(b.ls - f.es) < 1e-9 AS critical
      FROM n LEFT JOIN fwd_final f ON f.id = n.id LEFT JOIN bwd_final b ON b.id = n.id
    ),
    walk(id, step, rn) AS (
      (SELECT id, 0, 1::bigint FROM times
        WHERE critical AND NOT EXISTS (SELECT 1 FROM e WHERE e.t = times.id)
        ORDER BY id LIMIT 1)
      UNION ALL
      SELECT nx.id, w.step + 1, row_number() OVER (PARTITION BY w.id ORDER BY nx.id)
      FROM walk w
      JOIN e ON e.s = w.id
      JOIN times cur ON cur.id = w.id
      JOIN times nx ON nx.id = e.t AND nx.critical AND abs(cur.ef + e.lag - nx.es) < 1e-9
      WHERE w.rn = 1 AND w.step < (SELECT v FROM nv)
    ),
    rework AS (
      SELECT coalesce(sum(ed.properties_frequency * greatest(0, s.ef - t.es)), 0) AS minutes
      FROM (
        SELECT source_id, target_id, coalesce((properties->>'frequency')::float8, 0) AS properties_frequency
        FROM edges WHERE project_id = ${projectId} AND deleted_at IS NULL AND relation_type = 'FEEDBACK_TO'
      ) ed
      JOIN times s ON s.id = ed.source_id JOIN times t ON t.id = ed.target_id
    )
    SELECT t.id, t.es, t.ef, t.ls, t.lf, t.reached, w.step AS path_step, (SELECT minutes FROM rework) AS rework
    FROM times t LEFT JOIN walk w ON w.id = t.id AND w.rn = 1
  `);
  const list = rows<Row>(result);
  const unreached = list.filter((r) => !r.reached);
  if (unreached.length > 0) throw new SqlCycleError(unreached.map((r) => r.id));

  const nodes: CpmTimes[] = list.map((r) => {
    const es = Number(r.es);
    const ls = Number(r.ls);
    const slack = Math.abs(ls - es) < 1e-9 ? 0 : ls - es;
    return { id: r.id, es, ef: Number(r.ef), ls, lf: Number(r.lf), slack, critical: slack === 0 };
  });
  const criticalPath = list
    .filter((r) => r.path_step !== null)
    .sort((a, b) => Number(a.path_step) - Number(b.path_step))
    .map((r) => r.id);
  return {
    criticalPathMinutes: nodes.length ? Math.max(...nodes.map((n) => n.ef)) : 0,
    reworkMinutes: Number(list[0]?.rework ?? 0),
    nodes,
    criticalPath,
  };
}
