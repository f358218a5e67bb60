-- Undo/redo stacks per person and project (issue: undo survives a reload). Rows are written in
-- the transaction of the batch that moves them; tenant scoping is by organization_id/project_id
-- like every other project table, checked by the procedures (the schema has no RLS policies).
CREATE TYPE "public"."history_stack" AS ENUM('UNDO', 'REDO');--> statement-breakpoint
CREATE TABLE "undo_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"stack" "history_stack" NOT NULL,
	"entry_id" varchar(100) NOT NULL,
	"revision" bigint NOT NULL,
	"ops" jsonb NOT NULL,
	"inverse" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "undo_entries_project_entry_key" UNIQUE("project_id","entry_id")
);
--> statement-breakpoint
ALTER TABLE "undo_entries" ADD CONSTRAINT "undo_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "undo_entries" ADD CONSTRAINT "undo_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "undo_entries" ADD CONSTRAINT "undo_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "undo_entries_stack_idx" ON "undo_entries" USING btree ("project_id","user_id","stack","revision");--> statement-breakpoint
CREATE INDEX "undo_entries_organization_id_idx" ON "undo_entries" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "undo_entries_user_id_idx" ON "undo_entries" USING btree ("user_id");