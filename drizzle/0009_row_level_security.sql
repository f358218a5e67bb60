-- Row-Level Security: the database's own wall between tenants, behind the application's.
--
-- Every request runs in a transaction that switches to the role flowmatrix_app and names
-- the acting user (src/server/db/acting.ts):
--   SELECT set_config('role', 'flowmatrix_app', true), set_config('app.user_id', '<uuid>', true)
-- flowmatrix_app owns no table and has no BYPASSRLS, so the policies below decide which rows
-- it sees: those of the organizations the user belongs to, and of the projects the user may
-- open (organization OWNER/ADMIN: every project; everyone else: projects they are a member
-- of), the same rule as the application's. With no user named, no tenant row is visible.
-- Roles within a tenant (who may edit, who may manage members) stay the application's rule.
--
-- The helper functions are SECURITY DEFINER: they read the membership tables as their owner
-- (who migrates the database and must bypass RLS: a superuser, or a role with BYPASSRLS),
-- so a policy never evaluates itself again. They answer only about the acting user.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'flowmatrix_app') THEN
    BEGIN
      CREATE ROLE flowmatrix_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- created meanwhile by a migration of another database on the same server
    END;
  END IF;
  -- The connecting role switches to flowmatrix_app, so it must be a member (a superuser is).
  IF NOT pg_has_role(current_user, 'flowmatrix_app', 'MEMBER') THEN
    GRANT flowmatrix_app TO CURRENT_USER;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO flowmatrix_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO flowmatrix_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO flowmatrix_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO flowmatrix_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO flowmatrix_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.user_id', true), '')::uuid
$$;
--> statement-breakpoint
-- The organizations the acting user is a member of.
CREATE OR REPLACE FUNCTION app_org_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(organization_id), '{}') FROM organization_members WHERE user_id = app_user_id()
$$;
--> statement-breakpoint
-- The projects the acting user may open: all of an organization they administer, else those they are a member of.
CREATE OR REPLACE FUNCTION app_project_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(p.id), '{}')
  FROM projects p
  JOIN organization_members m ON m.organization_id = p.organization_id AND m.user_id = app_user_id()
  WHERE m.role IN ('OWNER', 'ADMIN')
     OR EXISTS (SELECT 1 FROM project_members pm WHERE pm.project_id = p.id AND pm.user_id = app_user_id())
$$;
--> statement-breakpoint
-- The people who share an organization with the acting user (names on members, comments and activity).
CREATE OR REPLACE FUNCTION app_peer_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT other.user_id), '{}')
  FROM organization_members mine
  JOIN organization_members other ON other.organization_id = mine.organization_id
  WHERE mine.user_id = app_user_id()
$$;
--> statement-breakpoint
-- An organization the acting user has just created and that has no member yet: they may make themselves its owner.
CREATE OR REPLACE FUNCTION app_founds_organization(org uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM organizations o WHERE o.id = org AND o.created_by = app_user_id())
     AND NOT EXISTS (SELECT 1 FROM organization_members m WHERE m.organization_id = org)
$$;
--> statement-breakpoint
-- A project the acting user has just created in one of their organizations, with no member yet.
CREATE OR REPLACE FUNCTION app_founds_project(project uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
           SELECT 1 FROM projects p
           JOIN organization_members m ON m.organization_id = p.organization_id AND m.user_id = app_user_id()
           WHERE p.id = project AND p.created_by = app_user_id())
     AND NOT EXISTS (SELECT 1 FROM project_members pm WHERE pm.project_id = project)
$$;
--> statement-breakpoint
-- Sign-in, before anyone is acting: the one live account with this email, hash included.
CREATE OR REPLACE FUNCTION app_sign_in_account(account text)
RETURNS TABLE (id uuid, email varchar, name varchar, avatar_url varchar, created_at timestamptz, password_hash varchar)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.email, u.name, u.avatar_url, u.created_at, u.password_hash
  FROM users u WHERE u.email = account AND u.deleted_at IS NULL
  LIMIT 1
$$;
--> statement-breakpoint
-- Adding a member by email: the live account it names (id and name only), for a signed-in user.
CREATE OR REPLACE FUNCTION app_account_by_email(account text) RETURNS TABLE (id uuid, name varchar)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.name FROM users u
  WHERE app_user_id() IS NOT NULL AND u.email = account AND u.deleted_at IS NULL
  LIMIT 1
$$;
--> statement-breakpoint
-- Project addresses are unique per organization, including projects the acting member may not open.
CREATE OR REPLACE FUNCTION app_taken_project_slugs(org uuid, pattern text) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT slug::text FROM projects WHERE organization_id = org AND org = ANY (app_org_ids()) AND slug LIKE pattern
$$;
--> statement-breakpoint
-- Organization addresses are unique across tenants: the taken ones starting like a new name (the slug only).
CREATE OR REPLACE FUNCTION app_taken_organization_slugs(pattern text) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT slug::text FROM organizations WHERE app_user_id() IS NOT NULL AND slug LIKE pattern
$$;
--> statement-breakpoint
-- Live projects of an organization the acting user belongs to, seen or not (the organization's project limit).
CREATE OR REPLACE FUNCTION app_live_project_count(org uuid) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT count(*)::int FROM projects
  WHERE organization_id = org AND deleted_at IS NULL AND org = ANY (app_org_ids())
$$;
--> statement-breakpoint
-- A template was used: built-in templates belong to no tenant, so no tenant may write them otherwise.
CREATE OR REPLACE FUNCTION app_count_template_use(template uuid) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE templates SET usage_count = usage_count + 1
  WHERE id = template AND (organization_id IS NULL OR organization_id = ANY (app_org_ids()))
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organizations', 'organization_members', 'projects', 'project_members', 'departments', 'stages',
    'nodes', 'edges', 'project_versions', 'comments', 'activity_logs', 'operation_batches', 'undo_entries',
    'ai_analysis_cache', 'lead_time_cache', 'simulation_cache', 'templates', 'users', 'sessions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
  -- Everything that hangs off a project.
  FOREACH t IN ARRAY ARRAY['departments', 'stages', 'nodes', 'edges', 'project_versions', 'comments', 'activity_logs',
    'operation_batches', 'undo_entries', 'ai_analysis_cache', 'lead_time_cache', 'simulation_cache', 'project_members'] LOOP
    EXECUTE format('CREATE POLICY tenant_project ON %I USING (project_id = ANY ((SELECT app_project_ids())::uuid[]))', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY tenant_organization ON organizations USING (id = ANY ((SELECT app_org_ids())::uuid[]));
--> statement-breakpoint
CREATE POLICY found_organization ON organizations FOR INSERT WITH CHECK (created_by = app_user_id());
--> statement-breakpoint
CREATE POLICY tenant_organization ON organization_members USING (organization_id = ANY ((SELECT app_org_ids())::uuid[]));
--> statement-breakpoint
CREATE POLICY found_organization ON organization_members FOR INSERT
  WITH CHECK (user_id = app_user_id() AND role = 'OWNER' AND app_founds_organization(organization_id));
--> statement-breakpoint
CREATE POLICY tenant_project ON projects USING (id = ANY ((SELECT app_project_ids())::uuid[]));
--> statement-breakpoint
CREATE POLICY create_project ON projects FOR INSERT
  WITH CHECK (created_by = app_user_id() AND organization_id = ANY ((SELECT app_org_ids())::uuid[]));
--> statement-breakpoint
CREATE POLICY found_project ON project_members FOR INSERT
  WITH CHECK (user_id = app_user_id() AND role = 'OWNER' AND app_founds_project(project_id));
--> statement-breakpoint
CREATE POLICY built_in ON templates FOR SELECT USING (organization_id IS NULL);
--> statement-breakpoint
CREATE POLICY tenant_organization ON templates USING (organization_id = ANY ((SELECT app_org_ids())::uuid[]));
--> statement-breakpoint
CREATE POLICY own_account ON users USING (id = app_user_id());
--> statement-breakpoint
CREATE POLICY peer ON users FOR SELECT USING (id = ANY ((SELECT app_peer_ids())::uuid[]));
--> statement-breakpoint
CREATE POLICY own_session ON sessions USING (user_id = app_user_id());
