-- Search (issue 6): one query finds steps, projects and templates by words, word prefixes
-- (as you type) and misspellings. Index families:
--
-- 1. Full-text: a GIN index on a weighted tsvector of title + tags (weight A) and description
--    (weight B). The 'simple' configuration (lower-casing, no stemming, no stop words) because
--    labels are short, multilingual and full of product names; a stemmer would conflate
--    unrelated terms and drop "to"/"in" from labels people type verbatim. GIN answers
--    `@@ to_tsquery('simple', 'invo:*')` prefix queries from the index without a recheck.
-- 2. Trigram: a GIN gin_trgm_ops index on lower(title), so `lower(title) % lower(query)`
--    finds "custmer onbording" for "Customer onboarding", and answers LIKE '%word%' (every
--    word in the title). GIN: lookups and LIKE are faster than with GiST, and projects and
--    templates are small enough to score every trigram candidate.
-- 3. Steps only, for typos: a GiST gist_trgm_ops index on the same lower(label). GiST can
--    return labels in order of trigram distance (`ORDER BY q <<-> lower(label) LIMIT 50`),
--    so a misspelled common word walks to its 50 nearest labels instead of re-scoring the
--    thousands of labels that share a few trigrams with it, which GIN would hand back.
--
-- The tsvector is computed by search_document() in both the index and the query, so the
-- two can never drift apart. It is declared IMMUTABLE although array_to_string() is only
-- STABLE: that function is STABLE because of arbitrary element types' output functions,
-- and text[] elements print as themselves under every setting. Its COST is set high (parsing
-- a description is far dearer than an operator) so that the planner answers
-- "first N matches" through the GIN index instead of a sequential scan that would parse
-- every row's text until N matches turn up (disastrous for a rare word).
-- Step indexes are partial on deleted_at IS NULL: search never returns deleted steps, and the
-- trash does not grow the hot index. No tsvector column is stored: indexes over expressions
-- need no schema change, no trigger and no backfill, and ranking only reads short titles.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_document(title text, tags text[], body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10000
  AS $$
    SELECT setweight(to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || coalesce(array_to_string(tags, ' '), '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(body, '')), 'B')
  $$;--> statement-breakpoint
CREATE INDEX "nodes_search_fts_idx" ON "nodes" USING gin (search_document("label", "ontology_tags", "description")) WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "nodes_search_trgm_idx" ON "nodes" USING gin (lower("label") gin_trgm_ops) WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "nodes_search_trgm_knn_idx" ON "nodes" USING gist (lower("label") gist_trgm_ops) WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "projects_search_fts_idx" ON "projects" USING gin (search_document("name", NULL, "description"));--> statement-breakpoint
CREATE INDEX "projects_search_trgm_idx" ON "projects" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "templates_search_fts_idx" ON "templates" USING gin (search_document("name", "tags", "description"));--> statement-breakpoint
CREATE INDEX "templates_search_trgm_idx" ON "templates" USING gin (lower("name") gin_trgm_ops);
