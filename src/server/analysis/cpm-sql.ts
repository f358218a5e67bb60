import { sql } from "drizzle-orm";
import { rows, type DbOrTx } from "~/server/db";
import type { CpmResult, CpmTimes } from "./cpm";

/** Raised with the ids of the nodes on or behind a dependency cycle. */
export class SqlCycleError extends Error {
  constructor(readonly nodeIds: string[]) {
    super(`The dependencies form a cycle (${nodeIds.length} nodes affected)`);
  }
}

type Row = {
  id: string;
  es: number;
  ef: number;
  ls: number;
  lf: number;
  reached: boolean;
  next: string | null;
  first: boolean;
  rework: number;
};

/**
 * Critical path method over one project's live nodes and dependency edges, in one statement.
 *
 * The forward pass is Kahn's algorithm as a recursive CTE. The working table holds two kinds
 * of rows: F (finished: ES/EF final) and P (pending: how many predecessors have finished so
 * far and the latest start they allow). Each iteration turns every F row into one
 * contribution per outgoing edge, carries every P row along, and folds both per target node
 * with window functions (a recursive term may not aggregate): a node whose count reaches its
 * in-degree becomes F, the others stay P. Only rows ranked rn = 1 are read by the next
 * iteration, so each node has at most one live row per iteration and a node is finished
 * exactly once: no path is ever enumerated (the seed's path-array CTE is exponential). The
 * backward pass is the same from the sinks with out-degrees, LF = T and min.
 *
 * Each iteration joins the working table to edges and nodes through their indexes, so it costs
 * its frontier rather than the whole graph (joining a CTE there rebuilds a hash of all edges
 * every iteration: 33 s on a 10,000-node chain).
 *
 * Bad data must not hang: every iteration is numbered and none runs past V. A node on or
 * behind a cycle never collects all its predecessors, stays unfinished, comes back with
 * reached = false, and the caller raises a cycle error naming it.
 *
 * The critical path: SQL picks, for every critical node, the tight critical successor with
 * the smallest id (next_hop) and the critical source with the smallest id; the caller follows
 * those pointers. The TypeScript twin in cpm.ts makes the same choices, so both agree.
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
      WHERE ed.project_id = ${projectId} AND ed.deleted_at IS NULL AND ed.relation_type <> 'FEEDBACK_TO'
    ),
    nv AS (SELECT count(*)::int AS v FROM n),
    fwd(kind, id, cnt, es, ef, iter, rn) AS (
      SELECT 'F', n.id, 0, 0::float8, n.d, 0, 1::bigint FROM n WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.t = n.id)
      UNION ALL
      SELECT
        CASE WHEN (sum(CASE WHEN f.kind = 'F' THEN 1 ELSE f.cnt END) OVER w)::int = m.indegree THEN 'F' ELSE 'P' END,
        m.id,
        (sum(CASE WHEN f.kind = 'F' THEN 1 ELSE f.cnt END) OVER w)::int,
        max(CASE WHEN f.kind = 'F' THEN f.ef + ed.lag_minutes ELSE f.es END) OVER w,
        max(CASE WHEN f.kind = 'F' THEN f.ef + ed.lag_minutes ELSE f.es END) OVER w + m.duration_minutes,
        f.iter + 1,
        row_number() OVER (w ORDER BY f.kind)
      FROM fwd f
      LEFT JOIN edges ed ON f.kind = 'F' AND ed.source_id = f.id AND ed.deleted_at IS NULL AND ed.relation_type <> 'FEEDBACK_TO'
      JOIN LATERAL (
        SELECT nm.id, nm.duration_minutes,
               (SELECT count(*)::int FROM edges x JOIN nodes y ON y.id = x.source_id AND y.deleted_at IS NULL
                 WHERE x.target_id = nm.id AND x.deleted_at IS NULL AND x.relation_type <> 'FEEDBACK_TO') AS indegree
        FROM nodes nm WHERE nm.id = CASE WHEN f.kind = 'F' THEN ed.target_id ELSE f.id END AND nm.deleted_at IS NULL
      ) m ON true
      WHERE f.rn = 1 AND (f.kind = 'P' OR ed.id IS NOT NULL) AND f.iter < (SELECT v FROM nv)
      WINDOW w AS (PARTITION BY m.id)
    ),
    fwd_final AS (
      -- GROUP BY (ids are unique here already) gives the planner a row estimate that leads
      -- to hash joins below; a bare filtered CTE scan is estimated at one row -> nested loops.
      SELECT id, max(es) AS es, max(ef) AS ef, max(iter) AS depth FROM fwd WHERE kind = 'F' AND rn = 1 GROUP BY id
    ),
    total AS (SELECT coalesce(max(ef), 0) AS t FROM fwd_final),
    bwd(kind, id, cnt, lf, ls, iter, rn) AS (
      SELECT 'F', n.id, 0, total.t, total.t - n.d, 0, 1::bigint
      FROM n CROSS JOIN total WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.s = n.id)
      UNION ALL
      SELECT
        CASE WHEN (sum(CASE WHEN b.kind = 'F' THEN 1 ELSE b.cnt END) OVER w)::int = m.outdegree THEN 'F' ELSE 'P' END,
        m.id,
        (sum(CASE WHEN b.kind = 'F' THEN 1 ELSE b.cnt END) OVER w)::int,
        min(CASE WHEN b.kind = 'F' THEN b.ls - ed.lag_minutes ELSE b.lf END) OVER w,
        min(CASE WHEN b.kind = 'F' THEN b.ls - ed.lag_minutes ELSE b.lf END) OVER w - m.duration_minutes,
        b.iter + 1,
        row_number() OVER (w ORDER BY b.kind)
      FROM bwd b
      LEFT JOIN edges ed ON b.kind = 'F' AND ed.target_id = b.id AND ed.deleted_at IS NULL AND ed.relation_type <> 'FEEDBACK_TO'
      JOIN LATERAL (
        SELECT nm.id, nm.duration_minutes,
               (SELECT count(*)::int FROM edges x JOIN nodes y ON y.id = x.target_id AND y.deleted_at IS NULL
                 WHERE x.source_id = nm.id AND x.deleted_at IS NULL AND x.relation_type <> 'FEEDBACK_TO') AS outdegree
        FROM nodes nm WHERE nm.id = CASE WHEN b.kind = 'F' THEN ed.source_id ELSE b.id END AND nm.deleted_at IS NULL
      ) m ON true
      WHERE b.rn = 1 AND (b.kind = 'P' OR ed.id IS NOT NULL) AND b.iter < (SELECT v FROM nv)
      WINDOW w AS (PARTITION BY m.id)
    ),
    bwd_final AS (SELECT id, min(lf) AS lf, min(ls) AS ls FROM bwd WHERE kind = 'F' AND rn = 1 GROUP BY id),
    times AS (
      SELECT n.id, f.es, f.ef, b.ls, b.lf,
             (f.id IS NOT NULL AND f.depth < (SELECT v FROM nv)) AS reached,
             abs(b.ls - f.es) < 1e-9 AS critical
      FROM n LEFT JOIN fwd_final f ON f.id = n.id LEFT JOIN bwd_final b ON b.id = n.id
    ),
    next_hop AS (
      SELECT e.s AS id, min(e.t::text COLLATE "C") AS next
      FROM e JOIN times cur ON cur.id = e.s AND cur.critical
      JOIN times nx ON nx.id = e.t AND nx.critical AND abs(cur.ef + e.lag - nx.es) < 1e-9
      GROUP BY e.s
    ),
    first_hop AS (
      SELECT min(id::text COLLATE "C") AS id FROM times
      WHERE critical AND NOT EXISTS (SELECT 1 FROM e WHERE e.t = times.id)
    ),
    rework AS (
      SELECT coalesce(sum(coalesce((ed.properties->>'frequency')::float8, 0) * greatest(0, s.ef - t.es)), 0) AS minutes
      FROM edges ed JOIN times s ON s.id = ed.source_id JOIN times t ON t.id = ed.target_id
      WHERE ed.project_id = ${projectId} AND ed.deleted_at IS NULL AND ed.relation_type = 'FEEDBACK_TO'
    )
    SELECT t.id, t.es, t.ef, t.ls, t.lf, t.reached, h.next,
           t.id::text = (SELECT id FROM first_hop) AS first,
           (SELECT minutes FROM rework) AS rework
    FROM times t LEFT JOIN next_hop h ON h.id = t.id
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
  const nextOf = new Map(list.map((r) => [r.id, r.next]));
  const criticalPath: string[] = [];
  for (let id = list.find((r) => r.first)?.id ?? null; id && criticalPath.length < list.length; id = nextOf.get(id) ?? null) {
    criticalPath.push(id);
  }
  return {
    criticalPathMinutes: nodes.length ? Math.max(...nodes.map((n) => n.ef)) : 0,
    reworkMinutes: Number(list[0]?.rework ?? 0),
    nodes,
    criticalPath,
  };
}
