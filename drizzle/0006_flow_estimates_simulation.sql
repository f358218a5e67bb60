-- Where the time goes (work vs waiting, %C&A, external steps) and Monte Carlo lead time:
-- three-point estimates keep their optimistic / pessimistic ends beside the most likely minutes
-- (null for a single value), projects choose the sampling distribution, and simulation results
-- are cached per revision and inputs. Tenant scoping is by organization_id/project_id as before.
CREATE TABLE "simulation_cache" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"revision" bigint NOT NULL,
	"runs" integer NOT NULL,
	"seed" bigint NOT NULL,
	"distribution" varchar(16) NOT NULL,
	"result" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "simulation_cache_inputs_key" UNIQUE("project_id","revision","runs","seed","distribution")
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "estimate_distribution" varchar(16) DEFAULT 'PERT' NOT NULL;--> statement-breakpoint
ALTER TABLE "edges" ADD COLUMN "lag_low_minutes" double precision;--> statement-breakpoint
ALTER TABLE "edges" ADD COLUMN "lag_high_minutes" double precision;--> statement-breakpoint
ALTER TABLE "nodes" ADD COLUMN "duration_low_minutes" double precision;--> statement-breakpoint
ALTER TABLE "nodes" ADD COLUMN "duration_high_minutes" double precision;--> statement-breakpoint
ALTER TABLE "simulation_cache" ADD CONSTRAINT "simulation_cache_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "simulation_cache" ADD CONSTRAINT "simulation_cache_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "simulation_cache_organization_id_idx" ON "simulation_cache" USING btree ("organization_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_estimate_distribution" CHECK ("projects"."estimate_distribution" IN ('PERT', 'TRIANGULAR'));--> statement-breakpoint
ALTER TABLE "edges" ADD CONSTRAINT "edges_lag_range_ordered" CHECK (("edges"."lag_low_minutes" IS NULL) = ("edges"."lag_high_minutes" IS NULL) AND ("edges"."lag_low_minutes" IS NULL OR (0 <= "edges"."lag_low_minutes" AND "edges"."lag_low_minutes" <= "edges"."lag_minutes" AND "edges"."lag_minutes" <= "edges"."lag_high_minutes")));--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_duration_range_ordered" CHECK (("nodes"."duration_low_minutes" IS NULL) = ("nodes"."duration_high_minutes" IS NULL) AND ("nodes"."duration_low_minutes" IS NULL OR (0 <= "nodes"."duration_low_minutes" AND "nodes"."duration_low_minutes" <= "nodes"."duration_minutes" AND "nodes"."duration_minutes" <= "nodes"."duration_high_minutes")));--> statement-breakpoint
-- Triggers are events, not work: they are no longer automation candidates and score 0.
UPDATE "nodes" SET "ai_score" = 0 WHERE "type" = 'TRIGGER';--> statement-breakpoint
UPDATE "ai_analysis_cache" SET "score" = 0 FROM "nodes" WHERE "nodes"."id" = "ai_analysis_cache"."node_id" AND "nodes"."type" = 'TRIGGER';
