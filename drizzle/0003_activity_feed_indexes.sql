-- Activity feed at scale (issue 5): indexes, not monthly partitions.
-- Every feed page is "one project, newest first, keyset after (created_at, id)", optionally
-- narrowed by person, entity type or action. A b-tree on (project_id[, filter column],
-- created_at DESC, id DESC) answers each of those by descending to the cursor and reading
-- the next LIMIT+1 entries: the cost depends on the page size, not on the project's history
-- or how deep the page is, and rare filter values are as cheap as common ones.
-- Monthly partitions would not make a page cheaper (it is already an index range read), yet
-- they would make "newest first across months" a merge over partitions, force created_at into
-- the primary key, and need partitions created ahead of time on both PostgreSQL and PGlite.
-- They pay off for retention (dropping old months), which nothing asks for yet.
-- The old (project_id, created_at) index is replaced: it could not order ties by id.
-- Combined filters use the most selective of these and check the rest row by row.
DROP INDEX "activity_logs_project_created_idx";--> statement-breakpoint
CREATE INDEX "activity_logs_feed_idx" ON "activity_logs" USING btree ("project_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "activity_logs_feed_user_idx" ON "activity_logs" USING btree ("project_id","user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "activity_logs_feed_entity_idx" ON "activity_logs" USING btree ("project_id","entity_type","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "activity_logs_feed_action_idx" ON "activity_logs" USING btree ("project_id","action","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
