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
 * one row: node ids and durations by number, and the dependency edges sorted by source
 * (out_*) and by target (in_*). The edges of node v sit between width_bucket(v - 1, out_src) + 1
 * and width_bucket(v, out_src) (a binary search), so a recursive step reaches a node's
 * successors by slicing arrays instead of joining tables. An edge's endpoints get their numbers
 * the same way: width_bucket(source_id, ids) over the sorted id array is the position of that
 * id, and ids[s] = source_id keeps only edges between live nodes of the project (in a CTE of
 * its own: a subquery would be pulled up and run each binary search twice). Each set of
 * arrays comes from one aggregate over one sorted subquery, with no join at that level, so they
 * share the subquery's row order (the documented way to order array_agg input; an ORDER BY per
 * aggregate would sort the edges three times on PostgreSQL 15). The arrays are read through
 * uncorrelated scalar subqueries, which run once per statement: joined as a row instead, they
 * would be copied into every sort and hash of every iteration.
 *
 * No join anywhere, on purpose: the plan must not depend on row estimates. On tables that were
 * never analyzed (a new database, a bulk import before autovacuum, PGlite which has none) the
 * planner guesses one row per project scan, and an earlier version that numbered the edge
 * endpoints by joining the edges to the numbered nodes ran those joins as nested loops: for
 * 3,000 steps and 8,700 dependencies, 26 million rows discarded per endpoint, about 3 s instead
 * of 50 ms (the joins of the results back to the nodes did the same, 9 million). So the
 * statement uses only scans, sorts, aggregates, array subscripts (O(1) on these arrays, which
 * hold no NULLs), binary searches and lateral unnests, whose cost is the same whatever the
 * planner believes; the only nested loops are over one-row aggregates or lateral unnests.
 * This was chosen over the alternatives: ANALYZE after large writes would have to be done by
 * every path that writes many rows (imports, copies, templates, batches), takes its own
 * time on a large table and still leaves the plan at the mercy of the next stale estimate;
 * SET LOCAL enable_nestloop = off would only push the planner to another estimate-based choice
 * and penalise the lateral loops that have no alternative. cpm-sql.test.ts checks the plan
 * for joins.
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
 * Results: each pass's rows, sorted by number, give an array (ES, LF). When the forward pass
 * reached every node (acyclic; then the backward pass reaches every node too) the arrays are
 * dense, ES of node v is es[v], and one row per node comes from unnesting the ids and durations
 * next to them. With a cycle, a node's ES is found by a binary search in the sorted numbers of
 * the reached nodes, and is NULL for the others; that is all the caller reads before it raises
 * the cycle error, so LF, next and the rework minutes are left out then. The critical path: SQL
 * picks, for every critical node, the tight critical successor with the smallest id (next, from
 * the node's slice of out-edges and the arrays) and the critical source with the smallest id
 * (first); the caller follows those pointers. The TypeScript twin in cpm.ts makes the same
 * choices, so both agree.
 */
export const cpmQuery = (projectId: string) => sql`
  WITH RECURSIVE
  live_nodes AS MATERIALIZED (
    SELECT count(*)::int AS n, coalesce(array_agg(id), '{}') AS ids, coalesce(array_agg(d), '{}') AS duration
    FROM (SELECT id, duration_minutes AS d FROM nodes WHERE project_id = ${projectId} AND deleted_at IS NULL ORDER BY id) sorted
  ),
  numbered_edges AS MATERIALIZED (
    SELECT width_bucket(source_id, (SELECT ids FROM live_nodes)) AS s, source_id,
           width_bucket(target_id, (SELECT ids FROM live_nodes)) AS t, target_id,
           lag_minutes AS lag, relation_type IN ('REQUIRES', 'BLOCKS') AS dependency,
           CASE WHEN relation_type = 'FEEDBACK_TO' THEN coalesce((properties->>'frequency')::float8, 0) END AS frequency
    FROM edges
    WHERE project_id = ${projectId} AND deleted_at IS NULL
  ),
  live_edges AS MATERIALIZED (
    SELECT s, t, lag, dependency, frequency FROM numbered_edges
    WHERE (SELECT ids FROM live_nodes)[s] = source_id AND (SELECT ids FROM live_nodes)[t] = target_id
  ),
  graph AS MATERIALIZED (
    SELECT nv.n, nv.duration, o.out_src, o.out_dst, o.out_lag, i.in_dst, i.in_src, i.in_lag
    FROM live_nodes nv,
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
  slots AS MATERIALIZED (
    SELECT f.reached = (SELECT n FROM graph) AS acyclic, f.vs, f.es, b.lf
    FROM (SELECT count(*)::int AS reached, coalesce(array_agg(v), '{}') AS vs, coalesce(array_agg(es), '{}') AS es
          FROM (SELECT v, es FROM forward_times ORDER BY v) sorted) f,
         (SELECT coalesce(array_agg(lf), '{}') AS lf FROM (SELECT v, lf FROM backward_times ORDER BY v) sorted) b
  ),
  times AS MATERIALIZED (
    SELECT u.v, u.id, u.es, u.es + u.d AS ef, u.lf - u.d AS ls, u.lf, abs((u.lf - u.d) - u.es) < 1e-9 AS critical
    FROM (
      SELECT r.v::int AS v, r.id, r.d,
             CASE WHEN (SELECT acyclic FROM slots) THEN (SELECT es FROM slots)[r.v::int]
                  WHEN (SELECT vs FROM slots)[width_bucket(r.v::int, (SELECT vs FROM slots))] = r.v
                  THEN (SELECT es FROM slots)[width_bucket(r.v::int, (SELECT vs FROM slots))] END AS es,
             CASE WHEN (SELECT acyclic FROM slots) THEN (SELECT lf FROM slots)[r.v::int] END AS lf
      FROM unnest((SELECT ids FROM live_nodes), (SELECT duration FROM graph)) WITH ORDINALITY r(id, d, v)
    ) u
  ),
  rework AS (
    SELECT coalesce(sum(e.frequency * greatest(0, ((SELECT es FROM slots)[e.s] + (SELECT duration FROM graph)[e.s]) - (SELECT es FROM slots)[e.t])), 0) AS minutes
    FROM live_edges e
    WHERE e.frequency IS NOT NULL AND (SELECT acyclic FROM slots)
  )
  SELECT t.id, t.es, t.ef, t.ls, t.lf,
         CASE WHEN t.critical AND (SELECT acyclic FROM slots) THEN (SELECT ids FROM live_nodes)[(
           SELECT min(o.t)
           FROM unnest(
             (SELECT out_dst FROM graph)[width_bucket(t.v - 1, (SELECT out_src FROM graph)) + 1:width_bucket(t.v, (SELECT out_src FROM graph))],
             (SELECT out_lag FROM graph)[width_bucket(t.v - 1, (SELECT out_src FROM graph)) + 1:width_bucket(t.v, (SELECT out_src FROM graph))]
           ) o(t, lag)
           WHERE abs(t.ef + o.lag - (SELECT es FROM slots)[o.t]) < 1e-9
             AND abs((SELECT lf FROM slots)[o.t] - (SELECT duration FROM graph)[o.t] - (SELECT es FROM slots)[o.t]) < 1e-9
         )] END AS next,
         t.v = (SELECT min(c.v) FROM times c WHERE c.critical AND (SELECT indegree FROM degrees)[c.v] = 0) AS first,
         (SELECT minutes FROM rework) AS rework
  FROM times t
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
