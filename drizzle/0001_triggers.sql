-- projects.nodes_count / edges_count count the live (not soft-deleted) rows.
-- Statement-level triggers with transition tables: a 2,000-node import costs one
-- UPDATE per project instead of one per row.
CREATE OR REPLACE FUNCTION maintain_project_count() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  counter text := TG_ARGV[0];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format(
      'UPDATE projects p SET %1$I = p.%1$I + d.n
         FROM (SELECT project_id, count(*)::int AS n FROM new_rows WHERE deleted_at IS NULL GROUP BY project_id) d
        WHERE p.id = d.project_id', counter);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format(
      'UPDATE projects p SET %1$I = p.%1$I - d.n
         FROM (SELECT project_id, count(*)::int AS n FROM old_rows WHERE deleted_at IS NULL GROUP BY project_id) d
        WHERE p.id = d.project_id', counter);
  ELSE
    EXECUTE format(
      'UPDATE projects p SET %1$I = p.%1$I + d.n
         FROM (SELECT project_id, sum(n)::int AS n FROM (
                 SELECT project_id, count(*) FILTER (WHERE deleted_at IS NULL) AS n FROM new_rows GROUP BY project_id
                 UNION ALL
                 SELECT project_id, -count(*) FILTER (WHERE deleted_at IS NULL) FROM old_rows GROUP BY project_id
               ) x GROUP BY project_id) d
        WHERE p.id = d.project_id AND d.n <> 0', counter);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER nodes_count_insert AFTER INSERT ON nodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintain_project_count('nodes_count');
--> statement-breakpoint
CREATE TRIGGER nodes_count_update AFTER UPDATE ON nodes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintain_project_count('nodes_count');
--> statement-breakpoint
CREATE TRIGGER nodes_count_delete AFTER DELETE ON nodes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION maintain_project_count('nodes_count');
--> statement-breakpoint
CREATE TRIGGER edges_count_insert AFTER INSERT ON edges
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintain_project_count('edges_count');
--> statement-breakpoint
CREATE TRIGGER edges_count_update AFTER UPDATE ON edges
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintain_project_count('edges_count');
--> statement-breakpoint
CREATE TRIGGER edges_count_delete AFTER DELETE ON edges
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION maintain_project_count('edges_count');
--> statement-breakpoint
-- A row may only point at nodes, departments and stages of its own project: the
-- foreign keys alone would let a node in project A sit in project B's stage.
CREATE OR REPLACE FUNCTION check_node_axes_same_project() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.department_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM departments WHERE id = NEW.department_id AND project_id = NEW.project_id) THEN
    RAISE EXCEPTION 'department % does not belong to project %', NEW.department_id, NEW.project_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF NEW.stage_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM stages WHERE id = NEW.stage_id AND project_id = NEW.project_id) THEN
    RAISE EXCEPTION 'stage % does not belong to project %', NEW.stage_id, NEW.project_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER nodes_axes_same_project BEFORE INSERT OR UPDATE OF department_id, stage_id, project_id ON nodes
  FOR EACH ROW EXECUTE FUNCTION check_node_axes_same_project();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION check_edge_same_project() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM nodes WHERE id IN (NEW.source_id, NEW.target_id) AND project_id = NEW.project_id) <> 2 THEN
    RAISE EXCEPTION 'edge endpoints must belong to project %', NEW.project_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER edges_same_project BEFORE INSERT OR UPDATE OF source_id, target_id, project_id ON edges
  FOR EACH ROW EXECUTE FUNCTION check_edge_same_project();
