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
  es: number | null;
  ef: number | null;
  ls: number | null;
  lf: number | null;
  next: string | null;
  first: boolean | null;
  rework: number;
};

/**
 * Critical path method over one project's live nodes and dependency edges, in one statement.
 *
 * Setup: nodes are numbered 1..V in id order, and the graph becomes a few int/float8 arrays in
 * one row: durations and in/out-degrees by number, and the dependency edges sorted by source
 * (out_*) and by target (in_*). The edges of node v sit between width_bucket(v - 1, out_src) + 1
 * and width_bucket(v, out_src) (a binary search), so a recursive step reaches a node's
 * successors by slicing arrays instead of joining tables. The three arrays of one direction come
 * from one aggregate over one sorted subquery, with no join at that level, so they share the
 * subquery's row order (the documented way to order array_agg input; an ORDER BY per aggregate
 * would sort the edges three times on PostgreSQL 15). The arrays are read through uncorrelated
 * scalar subqueries, which run once per statement: joined as a row instead, they would be copied
 * into every sort and hash of every iteration.
 *
 * The forward pass is Kahn's algorithm with one row per topological level. A row holds the
 * frontier (the nodes whose ES became final in that level, with their ES) and the pending set
 * (nodes that have heard from some but not all predecessors, with the count so far and the
 * largest EF + lag seen). The next row groups the frontier's out-edges together with the pending
 * set by node (aggregates are fine inside a lateral subquery of the recursive term): a node
 * whose count reaches its in-degree joins the new frontier, the others stay pending. Every node
 * joins a frontier once and every edge is read once, so the pass costs O(V + E) plus carrying
 * the pending set each level, O(V * depth) at worst: polynomial, and no path is ever
 * enumerated (a CTE that carries every path as an array does work per path, and the number of
 * paths grows exponentially with the depth of a layered graph).
 * The backward pass is the same from the sinks with out-degrees, LF = T and min.
 *
 * Bad data must not hang: the recursion stops at the first level whose frontier is empty, and
 * no later than level V. A node on or behind a cycle never collects all its predecessors, gets
 * no ES, and the caller raises a cycle error naming it.
 *
 * The critical path: SQL picks, for every critical node, the tight critical successor with
 * the smallest id (next) and the critical source with the smallest id (first); the caller
 * follows those pointers. The TypeScript twin in cpm.ts makes the same choices, so both agree.
 */
const cpmQuery = (projectId: string) => sql`
  WITH RECURSIVE
  live_nodes AS MATERIALIZED (
    SELECT id, duration_minutes AS d, row_number() OVER (ORDER BY id)::int AS v
    FROM nodes WHERE project_id = ${projectId} AND deleted_at IS NULL
  ),
  live_edges AS MATERIALIZED (
    SELECT a.v AS s, b.v AS t, ed.lag_minutes AS lag, ed.relation_type IN ('REQUIRES', 'BLOCKS') AS dependency,
           CASE WHEN ed.relation_type = 'FEEDBACK_TO' THEN coalesce((ed.properties->>'frequency')::float8, 0) END AS frequency
    FROM edges ed JOIN live_nodes a ON a.id = ed.source_id JOIN live_nodes b ON b.id = ed.target_id
    WHERE ed.project_id = ${projectId} AND ed.deleted_at IS NULL
  ),
  graph AS MATERIALIZED (
    SELECT nv.n, nv.duration, o.out_src, o.out_dst, o.out_lag, i.in_dst, i.in_src, i.in_lag
    FROM (SELECT count(*)::int AS n, coalesce(array_agg(d ORDER BY v), '{}') AS duration FROM live_nodes) nv,
         (SELECT coalesce(array_agg(s), '{}') AS out_src, coalesce(array_agg(t), '{}') AS out_dst, coalesce(array_agg(lag), '{}') AS out_lag
          FROM (SELECT s, t, lag FROM live_edges WHERE dependency ORDER BY s) sorted) o,
         (SELECT coalesce(array_agg(t), '{}') AS in_dst, coalesce(array_agg(s), '{}') AS in_src, coalesce(array_agg(lag), '{}') AS in_lag
          FROM (SELECT s, t, lag FROM live_edges WHERE dependency ORDER BY t) sorted) i
  ),
  degrees AS MATERIALIZED (
    SELECT coalesce(array_agg(width_bucket(v, (SELECT in_dst FROM graph)) - width_bucket(v - 1, (SELECT in_dst FROM graph)) ORDER BY v), '{}') AS indegree,
           coalesce(array_agg(width_bucket(v, (SELECT out_src FROM graph)) - width_bucket(v - 1, (SELECT out_src FROM graph)) ORDER BY v), '{}') AS outdegree
    FROM generate_series(1, (SELECT n FROM graph)) v
  ),
  forward(level, done, done_es, waiting, waiting_count, waiting_es) AS (
    SELECT 0, array_agg(v), array_agg(0::float8), '{}'::int[], '{}'::int[], '{}'::float8[]
    FROM generate_series(1, (SELECT n FROM graph)) v WHERE (SELECT indegree FROM degrees)[v] = 0
    UNION ALL
    SELECT f.level + 1, step.*
    FROM forward f CROSS JOIN LATERAL (
      SELECT array_agg(y.v) FILTER (WHERE y.heard = y.needed),
             array_agg(y.es) FILTER (WHERE y.heard = y.needed),
             coalesce(array_agg(y.v) FILTER (WHERE y.heard < y.needed), '{}'),
             coalesce(array_agg(y.heard) FILTER (WHERE y.heard < y.needed), '{}'),
             coalesce(array_agg(y.es) FILTER (WHERE y.heard < y.needed), '{}')
      FROM (
        SELECT z.v, sum(z.heard)::int AS heard, max(z.es) AS es,
               (SELECT indegree FROM degrees)[z.v] AS needed
        FROM (
          SELECT unnest((SELECT out_dst FROM graph)[r.lo:r.hi]) AS v, 1 AS heard,
                 r.ef + unnest((SELECT out_lag FROM graph)[r.lo:r.hi]) AS es
          FROM (SELECT u.es + (SELECT duration FROM graph)[u.v] AS ef,
                       width_bucket(u.v - 1, (SELECT out_src FROM graph)) + 1 AS lo,
                       width_bucket(u.v, (SELECT out_src FROM graph)) AS hi
                FROM unnest(f.done, f.done_es) u(v, es)) r
          UNION ALL
          SELECT * FROM unnest(f.waiting, f.waiting_count, f.waiting_es)
        ) z
        GROUP BY z.v
      ) y
    ) step
    WHERE f.done IS NOT NULL AND f.level < (SELECT n FROM graph)
  ),
  forward_times AS (SELECT u.v, u.es FROM forward, unnest(forward.done, forward.done_es) u(v, es)),
  total AS (SELECT coalesce(max(f.es + (SELECT duration FROM graph)[f.v]), 0) AS t FROM forward_times f),
  backward(level, done, done_lf, waiting, waiting_count, waiting_lf) AS (
    SELECT 0, array_agg(v), array_agg(total.t), '{}'::int[], '{}'::int[], '{}'::float8[]
    FROM total, generate_series(1, (SELECT n FROM graph)) v WHERE (SELECT outdegree FROM degrees)[v] = 0
    UNION ALL
    SELECT b.level + 1, step.*
    FROM backward b CROSS JOIN LATERAL (
      SELECT array_agg(y.v) FILTER (WHERE y.heard = y.needed),
             array_agg(y.lf) FILTER (WHERE y.heard = y.needed),
             coalesce(array_agg(y.v) FILTER (WHERE y.heard < y.needed), '{}'),
             coalesce(array_agg(y.heard) FILTER (WHERE y.heard < y.needed), '{}'),
             coalesce(array_agg(y.lf) FILTER (WHERE y.heard < y.needed), '{}')
      FROM (
        SELECT z.v, sum(z.heard)::int AS heard, min(z.lf) AS lf,
               (SELECT outdegree FROM degrees)[z.v] AS needed
        FROM (
          SELECT unnest((SELECT in_src FROM graph)[r.lo:r.hi]) AS v, 1 AS heard,
                 r.ls - unnest((SELECT in_lag FROM graph)[r.lo:r.hi]) AS lf
          FROM (SELECT u.lf - (SELECT duration FROM graph)[u.v] AS ls,
                       width_bucket(u.v - 1, (SELECT in_dst FROM graph)) + 1 AS lo,
                       width_bucket(u.v, (SELECT in_dst FROM graph)) AS hi
                FROM unnest(b.done, b.done_lf) u(v, lf)) r
          UNION ALL
          SELECT * FROM unnest(b.waiting, b.waiting_count, b.waiting_lf)
        ) z
        GROUP BY z.v
      ) y
    ) step
    WHERE b.done IS NOT NULL AND b.level < (SELECT n FROM graph)
  ),
  backward_times AS (SELECT u.v, u.lf FROM backward, unnest(backward.done, backward.done_lf) u(v, lf)),
  times AS MATERIALIZED (
    SELECT f.v, f.es, f.es + (SELECT duration FROM graph)[f.v] AS ef, b.lf - (SELECT duration FROM graph)[f.v] AS ls, b.lf,
           abs((b.lf - (SELECT duration FROM graph)[f.v]) - f.es) < 1e-9 AS critical
    FROM forward_times f LEFT JOIN backward_times b ON b.v = f.v
  ),
  critical AS MATERIALIZED (SELECT v, es, ef FROM times WHERE critical),
  next_hop AS (
    SELECT c.v, min(o.t) AS next
    FROM critical c
    CROSS JOIN LATERAL unnest(
      (SELECT out_dst FROM graph)[width_bucket(c.v - 1, (SELECT out_src FROM graph)) + 1:width_bucket(c.v, (SELECT out_src FROM graph))],
      (SELECT out_lag FROM graph)[width_bucket(c.v - 1, (SELECT out_src FROM graph)) + 1:width_bucket(c.v, (SELECT out_src FROM graph))]
    ) o(t, lag)
    JOIN critical nx ON nx.v = o.t AND abs(c.ef + o.lag - nx.es) < 1e-9
    GROUP BY c.v
  ),
  first_hop AS (
    SELECT min(c.v) AS v FROM critical c WHERE (SELECT indegree FROM degrees)[c.v] = 0
  ),
  rework AS (
    SELECT coalesce(sum(e.frequency * greatest(0, s.ef - t.es)), 0) AS minutes
    FROM live_edges e JOIN times s ON s.v = e.s JOIN times t ON t.v = e.t
    WHERE e.frequency IS NOT NULL
  )
  SELECT n.id, t.es, t.ef, t.ls, t.lf, nx.id AS next, t.v = (SELECT v FROM first_hop) AS first,
         (SELECT minutes FROM rework) AS rework
  FROM live_nodes n
  LEFT JOIN times t ON t.v = n.v
  LEFT JOIN next_hop h ON h.v = n.v
  LEFT JOIN live_nodes nx ON nx.v = h.next
`;

export async function computeCpmSql(db: DbOrTx, projectId: string): Promise<CpmResult> {
  const list = await db.transaction(async (tx) => {
    // The statement's cost estimate is high enough to trigger JIT, whose compile time (over a
    // second on PostgreSQL 15) dwarfs the query. SET LOCAL ends with the enclosing transaction.
    await tx.execute(sql`SET LOCAL jit = off`);
    return rows<Row>(await tx.execute(cpmQuery(projectId)));
  });
  const unreached = list.filter((r) => r.es === null);
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
