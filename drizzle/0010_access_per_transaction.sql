-- The acting user's organizations and projects, computed once per transaction instead of once
-- per statement. Row-Level Security asked app_org_ids() / app_project_ids() in every statement,
-- and each call planned and ran a join (SQL functions do not keep their plans): a one-step
-- graph batch paid for it a dozen times. Now app_load_access(user) computes both lists when
-- the request's transaction starts (src/server/db/acting.ts) and again after the user founds
-- an organization or project; the policies read them back from the transaction's settings.
-- The settings carry no more trust than app.user_id itself: both are set by the app's own
-- connection, local to the transaction.
CREATE OR REPLACE FUNCTION app_compute_org_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(organization_id), '{}') FROM organization_members WHERE user_id = app_user_id()
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_compute_project_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(p.id), '{}')
  FROM projects p
  JOIN organization_members m ON m.organization_id = p.organization_id AND m.user_id = app_user_id()
  WHERE m.role IN ('OWNER', 'ADMIN')
     OR EXISTS (SELECT 1 FROM project_members pm WHERE pm.project_id = p.id AND pm.user_id = app_user_id())
$$;
--> statement-breakpoint
-- Names the acting user (empty: nobody) and loads what they may see, for the rest of the transaction.
CREATE OR REPLACE FUNCTION app_load_access(acting text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('app.user_id', coalesce(acting, ''), true);
  PERFORM set_config('app.org_ids', app_compute_org_ids()::text, true);
  PERFORM set_config('app.project_ids', app_compute_project_ids()::text, true);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_org_ids() RETURNS uuid[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('app.org_ids', true), ''), '{}')::uuid[]
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_project_ids() RETURNS uuid[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('app.project_ids', true), ''), '{}')::uuid[]
$$;
