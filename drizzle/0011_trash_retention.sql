-- Projects stay in the trash for their organization's retention period (settings
-- trash_retention_days, 30 when unset), then the purge job deletes them for good, with
-- everything that hangs off them (foreign keys cascade). The job runs with nobody acting, so
-- it goes through this definer function, which can only remove what is past its retention.
CREATE OR REPLACE FUNCTION app_purge_expired_trash(batch integer)
RETURNS TABLE (id uuid, organization_id uuid, name varchar, deleted_at timestamptz)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH expired AS (
    SELECT p.id
    FROM projects p
    JOIN organizations o ON o.id = p.organization_id
    WHERE p.deleted_at IS NOT NULL
      AND p.deleted_at < now() - make_interval(days => coalesce((o.settings->>'trash_retention_days')::int, 30))
    ORDER BY p.deleted_at
    LIMIT greatest(1, least(batch, 1000))
    FOR UPDATE OF p SKIP LOCKED
  )
  DELETE FROM projects p USING expired e WHERE p.id = e.id
  RETURNING p.id, p.organization_id, p.name, p.deleted_at
$$;
