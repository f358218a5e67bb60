import { sql, type SQL } from "drizzle-orm";
import { rows, type DbOrTx } from "~/server/db";
import type { ServiceContext } from "../context";
import { fuzzyText, MIN_FUZZY_LENGTH, prefixTsQuery, searchTerms, snippetOf, transposedTsQuery } from "./text";

export type StepHit = {
  id: string;
  label: string;
  snippet: string | null;
  projectId: string;
  projectName: string;
  orgName: string;
  score: number;
};
/** `stepCount` and `updatedAt` tell projects of the same name apart. */
export type ProjectHit = {
  id: string;
  name: string;
  snippet: string | null;
  orgName: string;
  archived: boolean;
  stepCount: number;
  updatedAt: Date;
  score: number;
};
/** `organizationId`/`orgName` null for built-in templates. */
export type TemplateHit = {
  id: string;
  name: string;
  snippet: string | null;
  organizationId: string | null;
  orgName: string | null;
  score: number;
};
export type SearchResults = { steps: StepHit[]; projects: ProjectHit[]; templates: TemplateHit[] };

/**
 * `text`: the whole query, lower-cased; `fuzzy`: the same when long enough for trigrams;
 * `transposed`: the words query also matching each word with two adjacent letters swapped.
 */
type Query = {
  userId: string;
  terms: string[];
  tsq: string;
  transposed: string | null;
  text: string;
  fuzzy: string | null;
  limit: number;
};

/**
 * Steps, projects and templates the user can open, best first, each kind matched by words
 * and by typo-tolerant title similarity, answered by the indexes of migration 0004.
 */
export async function search({ db, actor }: ServiceContext, input: { q: string; limit: number }): Promise<SearchResults> {
  const terms = searchTerms(input.q);
  const tsq = prefixTsQuery(terms);
  if (!tsq) return { steps: [], projects: [], templates: [] };
  const fuzzyQ = fuzzyText(input.q);
  const query: Query = {
    userId: actor.userId,
    terms,
    tsq,
    transposed: transposedTsQuery(terms),
    text: fuzzyQ,
    fuzzy: fuzzyQ.length >= MIN_FUZZY_LENGTH ? fuzzyQ : null,
    limit: input.limit,
  };
  // One after the other: a transaction or PGlite runs one statement at a time anyway.
  const steps = await searchSteps(db, query);
  const projects = await searchProjects(db, query);
  const templates = await searchTemplates(db, query);
  return {
    steps: steps.map(({ description, ...hit }) => ({ ...hit, snippet: snippetOf(description, terms) })),
    // Raw rows: timestamps come back as strings on one driver and Dates on the other.
    projects: projects.map(({ description, ...hit }) => ({
      ...hit,
      updatedAt: new Date(hit.updatedAt),
      snippet: snippetOf(description, terms),
    })),
    templates: templates.map(({ description, ...hit }) => ({ ...hit, snippet: snippetOf(description, terms) })),
  };
}

/**
 * How each kind is matched and ranked. `fts`: the indexed document (title, tags, description)
 * contains every word, the last as a prefix. `either` adds, for projects and templates,
 * trigram similarity of the query to the whole title (`%`, pg_trgm's default threshold 0.3)
 * or to some part of it (`<%`, 0.6), which tolerates typos in short and long titles.
 * The score only reads the short title and tags, never the description (re-parsing
 * descriptions of thousands of candidates is what would make broad queries slow):
 * closeness of the title to the query (0..1, the better of whole-title and best-part
 * similarity), +0.3 when a tag equals a query word, +0.5 for an exact title and +0.25 for
 * a title starting with the query. Description-only matches therefore rank last.
 */
function matching(q: Query, title: SQL, tags: SQL, body: SQL) {
  const lowerTitle = sql`lower(${title})`;
  const fts = sql`search_document(${title}, ${tags}, ${body}) @@ to_tsquery('simple', ${q.tsq})`;
  // Swapped letters ("onbaording"): the words query over every one-swap spelling, on the same index.
  const transposed = q.transposed ? sql`search_document(${title}, ${tags}, ${body}) @@ to_tsquery('simple', ${q.transposed})` : null;
  const fuzzy = q.fuzzy
    ? sql`(${lowerTitle} % ${q.fuzzy} OR ${q.fuzzy} <% ${lowerTitle}${transposed ? sql` OR ${transposed}` : sql``})`
    : transposed;
  const { text } = q;
  const termArray = sql`ARRAY[${sql.join(
    q.terms.map((term) => sql`${term}`),
    sql`, `,
  )}]::text[]`;
  const closeness = sql`greatest(similarity(${lowerTitle}, ${text}), word_similarity(${text}, ${lowerTitle}))`;
  const score = sql`(${closeness}
    + CASE WHEN coalesce(${tags} && ${termArray}, false) THEN 0.3 ELSE 0 END
    + CASE WHEN ${lowerTitle} = ${text} THEN 0.5 WHEN starts_with(${lowerTitle}, ${text}) THEN 0.25 ELSE 0 END)::float8`;
  return { fts, transposed, either: fuzzy ? sql`(${fts} OR ${fuzzy})` : fts, score, closeness };
}

/** Organizations the user belongs to (live ones only) and their role there. */
const memberships = (userId: string) => sql`
  SELECT om.organization_id, om.role, o.name AS org_name
  FROM organization_members om
  JOIN organizations o ON o.id = om.organization_id AND o.deleted_at IS NULL
  WHERE om.user_id = ${userId}`;

/**
 * Live projects the user can open: all of their organization when OWNER/ADMIN there, else
 * the ones they are a project member of (the rule requireProjectAccess applies). Archived
 * projects open read-only, so they stay searchable; deleted ones do not.
 */
const visibleProjects = (userId: string) => sql`
  SELECT p.id, p.organization_id, p.name, p.description, p.status, p.nodes_count, p.updated_at, m.org_name
  FROM (${memberships(userId)}) m
  JOIN projects p ON p.organization_id = m.organization_id AND p.deleted_at IS NULL
  WHERE m.role IN ('OWNER', 'ADMIN')
     OR EXISTS (SELECT 1 FROM project_members pm WHERE pm.project_id = p.id AND pm.user_id = ${userId})`;

type Described<T> = T & { description: string | null };

/** Candidates per kind of match for steps; the final ranking happens among these. */
const POOL = 50;

/**
 * Steps, where common words can match tens of thousands of rows: small candidate pools, each
 * answered by one GIN index scan, are unioned and only they are scored.
 * - title: every word occurs in the label (LIKE '%word%', from the trigram index), shortest
 *   labels first: among labels that contain the query, the shortest is the closest one, and
 *   length needs no trigram maths, so even thousands of matches sort cheaply.
 * - document: the full-text match on title, tags and description, the first POOL found (in
 *   no order, so the scan stops early): it brings in tag and description matches, which rank
 *   below title matches anyway.
 * - fuzzy, in a second query only when those found fewer than `limit` steps (a typo):
 *   the labels nearest to the query by trigram distance (`<->`), read in distance order
 *   from the GiST index (whole-label distance walks the index about five times faster than
 *   word-similarity distance `<<->` here), so a typo costs a nearest-neighbour walk instead of
 *   scoring every label that shares a few trigrams with it (thousands for common words).
 *   Labels less close than FUZZY_MIN_CLOSENESS are dropped after scoring.
 * Separate scans rather than one OR, which would re-check every row against all conditions
 * (re-parsing descriptions). Descriptions are fetched for the final rows only.
 */
async function searchSteps(db: DbOrTx, q: Query) {
  const exact = await stepsFrom(db, q, "exact");
  if (exact.length >= q.limit || !q.fuzzy) return exact;
  const byId = new Map(exact.map((hit) => [hit.id, hit]));
  for (const hit of await stepsFrom(db, q, "fuzzy")) if (!byId.has(hit.id)) byId.set(hit.id, hit);
  return [...byId.values()]
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
    .slice(0, q.limit);
}

/** How close (0..1) a title must be to count as a typo-tolerant match. */
const FUZZY_MIN_CLOSENESS = 0.4;

async function stepsFrom(db: DbOrTx, q: Query, kind: "exact" | "fuzzy") {
  const { fts, transposed, score, closeness } = matching(q, sql`n.label`, sql`n.ontology_tags`, sql`n.description`);
  const pool = (condition: SQL, order: SQL | null) => sql`(
    SELECT n.id FROM nodes n
    WHERE n.deleted_at IS NULL AND ${condition}
      AND (n.project_id, n.organization_id) IN (SELECT id, organization_id FROM visible)
    ${order ? sql`ORDER BY ${order}` : sql``}
    LIMIT ${POOL})`;
  const pools: SQL[] = [];
  if (kind === "exact") {
    pools.push(pool(fts, null));
    const likeTerms = q.terms.filter((term) => term.length >= 3);
    if (likeTerms.length > 0) {
      const contains = sql.join(
        likeTerms.map((term) => sql`lower(n.label) LIKE ${`%${term}%`}`),
        sql` AND `,
      );
      pools.push(pool(contains, sql`length(n.label), n.id`));
    }
  } else {
    pools.push(pool(sql`TRUE`, sql`${q.fuzzy} <-> lower(n.label)`));
    if (transposed) pools.push(pool(transposed, null));
  }
  const result = await db.execute(sql`
    WITH visible AS MATERIALIZED (${visibleProjects(q.userId)}),
    candidates AS (${sql.join(pools, sql` UNION `)})
    SELECT n.id, n.label, n.description, n.project_id AS "projectId", v.name AS "projectName", v.org_name AS "orgName", ${score} AS score
    FROM candidates c
    JOIN nodes n ON n.id = c.id
    JOIN visible v ON v.id = n.project_id
    ${kind === "fuzzy" ? sql`WHERE ${closeness} >= ${FUZZY_MIN_CLOSENESS}${transposed ? sql` OR ${transposed}` : sql``}` : sql``}
    ORDER BY score DESC, n.label, n.id
    LIMIT ${q.limit}`);
  return rows<Described<Omit<StepHit, "snippet">>>(result);
}

async function searchProjects(db: DbOrTx, q: Query) {
  const { either: where, score } = matching(q, sql`v.name`, sql`NULL::text[]`, sql`v.description`);
  const result = await db.execute(sql`
    SELECT v.id, v.name, v.description, v.org_name AS "orgName", v.status = 'ARCHIVED' AS archived,
      v.nodes_count::int AS "stepCount", v.updated_at AS "updatedAt", ${score} AS score
    FROM (${visibleProjects(q.userId)}) v
    WHERE ${where}
    ORDER BY score DESC, v.name, v.id
    LIMIT ${q.limit}`);
  return rows<Described<Omit<ProjectHit, "snippet">>>(result);
}

/** Built-in templates (no organization) for everyone, an organization's own for its members. */
async function searchTemplates(db: DbOrTx, q: Query) {
  const { either: where, score } = matching(q, sql`t.name`, sql`t.tags`, sql`t.description`);
  const result = await db.execute(sql`
    SELECT t.id, t.name, t.description, t.organization_id AS "organizationId", m.org_name AS "orgName", ${score} AS score
    FROM templates t
    LEFT JOIN (${memberships(q.userId)}) m ON m.organization_id = t.organization_id
    WHERE t.deleted_at IS NULL AND (t.organization_id IS NULL OR m.organization_id IS NOT NULL) AND ${where}
    ORDER BY score DESC, t.name, t.id
    LIMIT ${q.limit}`);
  return rows<Described<Omit<TemplateHit, "snippet">>>(result);
}
