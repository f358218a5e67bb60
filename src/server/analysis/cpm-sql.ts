import { sql, type SQL } from "drizzle-orm";
import { rows, type DbOrTx } from "~/server/db";
import { TIME_EPSILON, type CpmResult, type CpmTimes } from "./cpm";

/*
 * Critical path method over one project's live nodes and dependency edges, in one statement
 * (docs/ARCHITECTURE.md, "6. Lead time"), assembled below from one fragment per CTE.
 *
 * Nodes are numbered 1..V in id order and the whole graph becomes one row of arrays: ids and
 * durations by number, and the dependency edges sorted by source (out_*) and by target (in_*).
 * The edges of node v sit between width_bucket(v - 1, out_src) + 1 and width_bucket(v, out_src)
 * (a binary search), so a recursive step reaches a node's successors by slicing arrays instead
 * of joining tables.
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
 */

/**
 * The columns of the one-row CTEs, each read through an uncorrelated scalar subquery, which
 * PostgreSQL runs once per statement: joined as a row instead, the arrays would be copied into
 * every sort and hash of every iteration.
 */
const once = {
  ids: sql`(SELECT ids FROM live_nodes)`,
  nodeCount: sql`(SELECT n FROM graph)`,
  duration: sql`(SELECT duration FROM graph)`,
  outSrc: sql`(SELECT out_src FROM graph)`,
  outDst: sql`(SELECT out_dst FROM graph)`,
  outLag: sql`(SELECT out_lag FROM graph)`,
  inDst: sql`(SELECT in_dst FROM graph)`,
  inSrc: sql`(SELECT in_src FROM graph)`,
  inLag: sql`(SELECT in_lag FROM graph)`,
  indegree: sql`(SELECT indegree FROM degrees)`,
  outdegree: sql`(SELECT outdegree FROM degrees)`,
  acyclic: sql`(SELECT acyclic FROM by_number)`,
  reached: sql`(SELECT reached FROM by_number)`,
  es: sql`(SELECT es FROM by_number)`,
  lf: sql`(SELECT lf FROM by_number)`,
};

/** The same tolerance as the twin's: float noise must not make a critical node non-critical. */
const epsilon = sql.raw(String(TIME_EPSILON));

/** Position of the first and last edge of `node` in edge arrays sorted by `sortedBy`. */
const firstEdge = (sortedBy: SQL, node: SQL) => sql`width_bucket(${node} - 1, ${sortedBy}) + 1`;
const lastEdge = (sortedBy: SQL, node: SQL) => sql`width_bucket(${node}, ${sortedBy})`;
const edgeCount = (sortedBy: SQL, node: SQL) => sql`${lastEdge(sortedBy, node)} - width_bucket(${node} - 1, ${sortedBy})`;

/** The project's live nodes in id order: their count, ids and durations, one row. */
const liveNodes = (projectId: string) => sql`
  live_nodes AS MATERIALIZED (
    SELECT count(*)::int AS n, coalesce(array_agg(id), '{}') AS ids, coalesce(array_agg(duration), '{}') AS duration
    FROM (SELECT id, duration_minutes AS duration FROM nodes WHERE project_id = ${projectId} AND deleted_at IS NULL ORDER BY id) sorted
  )`;

/**
 * Every live edge of the project with its endpoints' numbers: width_bucket(source_id, ids)
 * over the sorted id array is the position of that id when it is there. A CTE of its own, as
 * a subquery would be pulled up into live_edges and run each binary search twice.
 */
const numberedEdges = (projectId: string) => sql`
  numbered_edges AS MATERIALIZED (
    SELECT width_bucket(source_id, ${once.ids}) AS src, source_id,
           width_bucket(target_id, ${once.ids}) AS dst, target_id,
           lag_minutes AS lag, relation_type IN ('REQUIRES', 'BLOCKS') AS dependency,
           CASE WHEN relation_type = 'FEEDBACK_TO' THEN coalesce((properties->>'frequency')::float8, 0) END AS frequency
    FROM edges
    WHERE project_id = ${projectId} AND deleted_at IS NULL
  )`;

/** The edges whose both ends are live nodes of the project: the numbers found point at their ids. */
const liveEdges = sql`
  live_edges AS MATERIALIZED (
    SELECT src, dst, lag, dependency, frequency FROM numbered_edges
    WHERE ${once.ids}[src] = source_id AND ${once.ids}[dst] = target_id
  )`;

/**
 * The graph as one row: the node count and durations, and the dependency edges sorted by
 * source (out_src, out_dst, out_lag) and by target (in_dst, in_src, in_lag). Each triple comes
 * from one aggregate over one sorted subquery, with no join at that level, so its arrays share
 * the subquery's row order (the documented way to order array_agg input; an ORDER BY per
 * aggregate would sort the edges three times on PostgreSQL 15).
 */
const graph = sql`
  graph AS MATERIALIZED (
    SELECT live_nodes.n, live_nodes.duration,
           by_source.out_src, by_source.out_dst, by_source.out_lag,
           by_target.in_dst, by_target.in_src, by_target.in_lag
    FROM live_nodes,
         (SELECT coalesce(array_agg(src), '{}') AS out_src, coalesce(array_agg(dst), '{}') AS out_dst, coalesce(array_agg(lag), '{}') AS out_lag
          FROM (SELECT src, dst, lag FROM live_edges WHERE dependency ORDER BY src) sorted) by_source,
         (SELECT coalesce(array_agg(dst), '{}') AS in_dst, coalesce(array_agg(src), '{}') AS in_src, coalesce(array_agg(lag), '{}') AS in_lag
          FROM (SELECT src, dst, lag FROM live_edges WHERE dependency ORDER BY dst) sorted) by_target
  )`;

/** In- and out-degree of every node by number: the length of its slice of each sorted edge list. */
const degrees = sql`
  degrees AS MATERIALIZED (
    SELECT coalesce(array_agg(${edgeCount(once.inDst, sql`node`)} ORDER BY node), '{}') AS indegree,
           coalesce(array_agg(${edgeCount(once.outSrc, sql`node`)} ORDER BY node), '{}') AS outdegree
    FROM generate_series(1, ${once.nodeCount}) node
  )`;

/** What the backward pass does differently from the forward one. */
type Direction = {
  /** The pass's CTE; `<name>_times` holds the time it fixes for each node it reached. */
  name: "forward" | "backward";
  /** That time: ES going forward, LF going backward. */
  time: "es" | "lf";
  /** How many neighbours a node hears from before its time is final; the pass starts at the nodes with none. */
  degree: SQL;
  /** The time of the nodes it starts from: 0 for the sources, T for the sinks. */
  start: SQL;
  /** The edge arrays sorted by the end the pass leaves (the slice of a node), the end it reaches, and the lags. */
  leave: SQL;
  reach: SQL;
  lag: SQL;
  /** Moves a time along the pass by some minutes: EF = ES + duration, then + lag; LS = LF - duration, then - lag. */
  along: (time: SQL, minutes: SQL) => SQL;
  /** The neighbour that binds: the latest EF + lag going forward, the earliest LS - lag going backward. */
  binding: SQL;
};

const FORWARD: Direction = {
  name: "forward",
  time: "es",
  degree: once.indegree,
  start: sql`0::float8`,
  leave: once.outSrc,
  reach: once.outDst,
  lag: once.outLag,
  along: (time, minutes) => sql`${time} + ${minutes}`,
  binding: sql`max`,
};

const BACKWARD: Direction = {
  name: "backward",
  time: "lf",
  degree: once.outdegree,
  start: sql`(SELECT minutes FROM total)`,
  leave: once.inDst,
  reach: once.inSrc,
  lag: once.inLag,
  along: (time, minutes) => sql`${time} - ${minutes}`,
  binding: sql`min`,
};

/**
 * One pass of Kahn's algorithm, one row per topological level, and the times it fixed.
 *
 * A row holds the frontier (the nodes whose time became final in that level, with that time)
 * and the pending set (nodes that heard from some but not all of their neighbours, with the
 * count so far and the binding time seen so far). The next row takes every edge leaving the
 * frontier (its slice of the sorted arrays) as one message to the node at its other end, adds
 * the pending set, and groups by node (aggregates are allowed inside a lateral subquery of the
 * recursive term): a node that has now heard from all its neighbours joins the new frontier,
 * the others stay pending. Every node joins a frontier once and every edge is read once, so a
 * pass costs O(V + E) plus carrying the pending set each level, O(V * depth) at worst, and no
 * path is ever enumerated (a CTE that carries every path as an array does work per path, and
 * the number of paths grows exponentially with the depth of a layered graph).
 *
 * Bad data must not hang: the recursion stops at the first level whose frontier is empty, and
 * no later than level V. A node on or behind a cycle never hears from all its neighbours and
 * gets no time.
 */
function levelPass(direction: Direction): SQL {
  const pass = sql.identifier(direction.name);
  const final = sql`final.time`;
  const slice = sql`finished.first_edge:finished.last_edge`;
  return sql`
  ${pass}(level, frontier, frontier_time, pending, pending_heard, pending_time) AS (
    SELECT 0, array_agg(node), array_agg(${direction.start}), '{}'::int[], '{}'::int[], '{}'::float8[]
    FROM generate_series(1, ${once.nodeCount}) node WHERE ${direction.degree}[node] = 0
    UNION ALL
    SELECT previous.level + 1, next_level.*
    FROM ${pass} previous CROSS JOIN LATERAL (
      SELECT array_agg(tally.node) FILTER (WHERE tally.heard = tally.needed),
             array_agg(tally.time) FILTER (WHERE tally.heard = tally.needed),
             coalesce(array_agg(tally.node) FILTER (WHERE tally.heard < tally.needed), '{}'),
             coalesce(array_agg(tally.heard) FILTER (WHERE tally.heard < tally.needed), '{}'),
             coalesce(array_agg(tally.time) FILTER (WHERE tally.heard < tally.needed), '{}')
      FROM (
        SELECT message.node, sum(message.heard)::int AS heard, ${direction.binding}(message.time) AS time,
               ${direction.degree}[message.node] AS needed
        FROM (
          SELECT unnest(${direction.reach}[${slice}]) AS node, 1 AS heard,
                 ${direction.along(sql`finished.time`, sql`unnest(${direction.lag}[${slice}])`)} AS time
          FROM (SELECT ${direction.along(final, sql`${once.duration}[final.node]`)} AS time,
                       ${firstEdge(direction.leave, sql`final.node`)} AS first_edge,
                       ${lastEdge(direction.leave, sql`final.node`)} AS last_edge
                FROM unnest(previous.frontier, previous.frontier_time) final(node, time)) finished
          UNION ALL
          SELECT * FROM unnest(previous.pending, previous.pending_heard, previous.pending_time)
        ) message
        GROUP BY message.node
      ) tally
    ) next_level
    WHERE previous.frontier IS NOT NULL AND previous.level < ${once.nodeCount}
  ),
  ${sql.identifier(`${direction.name}_times`)} AS (
    SELECT final.node, final.time AS ${sql.identifier(direction.time)}
    FROM ${pass}, unnest(${pass}.frontier, ${pass}.frontier_time) final(node, time)
  )`;
}

/** T, the lead time: the latest EF, where the backward pass starts. */
const total = sql`
  total AS (SELECT coalesce(max(es + ${once.duration}[node]), 0) AS minutes FROM forward_times)`;

/**
 * Both passes' times as arrays sorted by number, one row. When the forward pass reached every
 * node (acyclic; then the backward pass reaches every node too) the arrays are dense and ES of
 * node v is es[v]. With a cycle, `reached` lists the numbers that got an ES, for a binary search.
 */
const byNumber = sql`
  by_number AS MATERIALIZED (
    SELECT forward_pass.reached_count = ${once.nodeCount} AS acyclic, forward_pass.reached, forward_pass.es, backward_pass.lf
    FROM (SELECT count(*)::int AS reached_count, coalesce(array_agg(node), '{}') AS reached, coalesce(array_agg(es), '{}') AS es
          FROM (SELECT node, es FROM forward_times ORDER BY node) sorted) forward_pass,
         (SELECT coalesce(array_agg(lf), '{}') AS lf FROM (SELECT node, lf FROM backward_times ORDER BY node) sorted) backward_pass
  )`;

/**
 * One row per node, from unnesting the ids and durations side by side, with its four times
 * and whether it is critical. With a cycle only ES is given (NULL for the nodes not reached):
 * that is all the caller reads before it raises the cycle error.
 */
const nodeTimes = sql`
  node_times AS MATERIALIZED (
    SELECT node, id, es, es + duration AS ef, lf - duration AS ls, lf, abs((lf - duration) - es) < ${epsilon} AS critical
    FROM (
      SELECT numbered.node::int AS node, numbered.id, numbered.duration,
             CASE WHEN ${once.acyclic} THEN ${once.es}[numbered.node::int]
                  WHEN ${once.reached}[width_bucket(numbered.node::int, ${once.reached})] = numbered.node
                  THEN ${once.es}[width_bucket(numbered.node::int, ${once.reached})] END AS es,
             CASE WHEN ${once.acyclic} THEN ${once.lf}[numbered.node::int] END AS lf
      FROM unnest(${once.ids}, ${once.duration}) WITH ORDINALITY numbered(id, duration, node)
    ) per_node
  )`;

/** Rework: each FEEDBACK_TO edge adds its frequency times the span it sends work back over. */
const rework = sql`
  rework AS (
    SELECT coalesce(sum(feedback.frequency * greatest(0, (${once.es}[feedback.src] + ${once.duration}[feedback.src]) - ${once.es}[feedback.dst])), 0) AS minutes
    FROM live_edges feedback
    WHERE feedback.frequency IS NOT NULL AND ${once.acyclic}
  )`;

/** The out-edges of the result row's node: a slice of out_dst and out_lag. */
const successors = sql`${firstEdge(once.outSrc, sql`node_times.node`)}:${lastEdge(once.outSrc, sql`node_times.node`)}`;

/**
 * One row per node, and the critical path as pointers the caller follows: for each critical
 * node the tight critical successor with the smallest number (`next`), and the critical source
 * with the smallest number (`first`). Numbers follow ids, and the twin in cpm.ts makes the same
 * choices, so both agree. The rework minutes ride along on every row.
 */
const results = sql`
  SELECT node_times.id, node_times.es, node_times.ef, node_times.ls, node_times.lf,
         CASE WHEN node_times.critical AND ${once.acyclic} THEN ${once.ids}[(
           SELECT min(successor.node)
           FROM unnest(${once.outDst}[${successors}], ${once.outLag}[${successors}]) successor(node, lag)
           WHERE abs(node_times.ef + successor.lag - ${once.es}[successor.node]) < ${epsilon}
             AND abs(${once.lf}[successor.node] - ${once.duration}[successor.node] - ${once.es}[successor.node]) < ${epsilon}
         )] END AS next,
         node_times.node = (
           SELECT min(source.node) FROM node_times source WHERE source.critical AND ${once.indegree}[source.node] = 0
         ) AS first,
         (SELECT minutes FROM rework) AS rework
  FROM node_times`;

export const cpmQuery = (projectId: string) => sql`
  WITH RECURSIVE
  ${liveNodes(projectId)},
  ${numberedEdges(projectId)},
  ${liveEdges},
  ${graph},
  ${degrees},
  ${levelPass(FORWARD)},
  ${total},
  ${levelPass(BACKWARD)},
  ${byNumber},
  ${nodeTimes},
  ${rework}
  ${results}
`;

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
    const slack = Math.abs(ls - es) < TIME_EPSILON ? 0 : ls - es;
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
