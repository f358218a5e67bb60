ALTER TABLE "simulation_cache" DROP CONSTRAINT "simulation_cache_inputs_key";--> statement-breakpoint
ALTER TABLE "simulation_cache" ADD COLUMN "dating" varchar(128) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "simulation_cache" ADD CONSTRAINT "simulation_cache_inputs_key" UNIQUE("project_id","revision","runs","seed","distribution","dating");