CREATE TABLE "process_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"external_ref" varchar(255),
	"started_at" timestamp with time zone NOT NULL,
	"plan_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"revision" bigint NOT NULL,
	"content_hash" varchar(64) NOT NULL,
	"plan" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_step_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"kind" varchar(6) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"event_id" varchar(100),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_step_events_kind" CHECK ("run_step_events"."kind" IN ('START', 'FINISH'))
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"scope" varchar(5) NOT NULL,
	"prefix" varchar(12) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_scope" CHECK ("api_tokens"."scope" IN ('READ', 'WRITE'))
);
--> statement-breakpoint
ALTER TABLE "process_runs" ADD CONSTRAINT "process_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_runs" ADD CONSTRAINT "process_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_runs" ADD CONSTRAINT "process_runs_plan_id_run_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."run_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_runs" ADD CONSTRAINT "process_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_plans" ADD CONSTRAINT "run_plans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_plans" ADD CONSTRAINT "run_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_step_events" ADD CONSTRAINT "run_step_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_step_events" ADD CONSTRAINT "run_step_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_step_events" ADD CONSTRAINT "run_step_events_run_id_process_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."process_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_step_events" ADD CONSTRAINT "run_step_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "process_runs_project_started_idx" ON "process_runs" USING btree ("project_id","started_at");--> statement-breakpoint
CREATE INDEX "process_runs_organization_id_idx" ON "process_runs" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "process_runs_plan_id_idx" ON "process_runs" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "process_runs_external_ref_key" ON "process_runs" USING btree ("project_id","external_ref") WHERE "process_runs"."external_ref" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "run_plans_content_key" ON "run_plans" USING btree ("project_id","content_hash");--> statement-breakpoint
CREATE INDEX "run_plans_organization_id_idx" ON "run_plans" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "run_step_events_run_idx" ON "run_step_events" USING btree ("run_id","node_id");--> statement-breakpoint
CREATE INDEX "run_step_events_organization_id_idx" ON "run_step_events" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "run_step_events_project_id_idx" ON "run_step_events" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "run_step_events_event_id_key" ON "run_step_events" USING btree ("run_id","event_id") WHERE "run_step_events"."event_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "api_tokens_organization_id_idx" ON "api_tokens" USING btree ("organization_id");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON run_plans, process_runs, run_step_events TO flowmatrix_app;
--> statement-breakpoint
ALTER TABLE run_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE run_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_project ON run_plans USING (project_id = ANY ((SELECT app_project_ids())::uuid[]));
--> statement-breakpoint
ALTER TABLE process_runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE process_runs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE run_step_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE run_step_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_project ON process_runs USING (project_id = ANY ((SELECT app_project_ids())::uuid[]));
--> statement-breakpoint
CREATE POLICY tenant_project ON run_step_events USING (project_id = ANY ((SELECT app_project_ids())::uuid[]));

--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON api_tokens TO flowmatrix_app;
--> statement-breakpoint
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A person sees and revokes only their own tokens.
CREATE POLICY own_token ON api_tokens USING (user_id = app_user_id());
--> statement-breakpoint
-- The REST API's sign-in: who a token stands for, before anyone is acting. Only a live token of
-- a live account that is still a member of the token's organization answers; its last use is
-- kept to the minute.
CREATE OR REPLACE FUNCTION app_token_owner(p_hash text)
RETURNS TABLE (token_id uuid, user_id uuid, organization_id uuid, scope varchar)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
    UPDATE api_tokens t SET last_used_at = now()
    FROM users u, organization_members m
    WHERE t.token_hash = p_hash AND t.revoked_at IS NULL
      AND u.id = t.user_id AND u.deleted_at IS NULL
      AND m.organization_id = t.organization_id AND m.user_id = t.user_id
      AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = t.organization_id AND o.deleted_at IS NULL)
    RETURNING t.id, t.user_id, t.organization_id, t.scope;
END
$$;
