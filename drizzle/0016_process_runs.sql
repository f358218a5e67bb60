CREATE TABLE "process_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"external_ref" varchar(255),
	"started_at" timestamp with time zone NOT NULL,
	"revision" bigint NOT NULL,
	"plan" jsonb NOT NULL,
	"created_by" uuid,
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
ALTER TABLE "process_runs" ADD CONSTRAINT "process_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_runs" ADD CONSTRAINT "process_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_runs" ADD CONSTRAINT "process_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_step_events" ADD CONSTRAINT "run_step_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_step_events" ADD CONSTRAINT "run_step_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_step_events" ADD CONSTRAINT "run_step_events_run_id_process_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."process_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_step_events" ADD CONSTRAINT "run_step_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "process_runs_project_started_idx" ON "process_runs" USING btree ("project_id","started_at");--> statement-breakpoint
CREATE INDEX "process_runs_organization_id_idx" ON "process_runs" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "process_runs_external_ref_key" ON "process_runs" USING btree ("project_id","external_ref") WHERE "process_runs"."external_ref" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "run_step_events_run_idx" ON "run_step_events" USING btree ("run_id","node_id");--> statement-breakpoint
CREATE INDEX "run_step_events_organization_id_idx" ON "run_step_events" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "run_step_events_project_id_idx" ON "run_step_events" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "run_step_events_event_id_key" ON "run_step_events" USING btree ("run_id","event_id") WHERE "run_step_events"."event_id" IS NOT NULL;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON process_runs, run_step_events TO flowmatrix_app;
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
