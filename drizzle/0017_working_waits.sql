-- Waits marked as working time: app_plan_schedule advances them in the target step's calendar.
-- Planned dates of a project's steps from p_start (src/server/analysis/schedule.ts is the
-- twin): a step's earliest start is the latest finish plus wait of the steps it depends on,
-- its finish that plus its working time in its department's calendar (else the
-- organization's). A wait is elapsed time, or working time in the target step's calendar
-- when the connection says so (properties.lag_working). Kahn's algorithm over arrays, O(V + E); hash joins
-- whatever the row estimates (tables fresh from an import have none). Runs as the caller,
-- so Row-Level Security decides what it reads.
CREATE OR REPLACE FUNCTION app_plan_schedule(p_project uuid, p_start timestamptz)
RETURNS TABLE (node_id uuid, earliest timestamptz, planned_start timestamptz, planned_finish timestamptz)
LANGUAGE plpgsql STABLE SET enable_nestloop = off AS $$
DECLARE
  organization_calendar jsonb;
  ids uuid[];
  durations double precision[];
  calendars jsonb[];
  n int;
  edge_from int[];
  edge_to int[];
  edge_lag double precision[];
  edge_working boolean[];
  first_out int[];
  indegree int[];
  es timestamptz[];
  ef timestamptz[];
  queue int[] := '{}';
  head int := 1;
  v int;
  t int;
  candidate timestamptz;
BEGIN
  SELECT nullif(o.settings->'calendar', 'null'::jsonb) INTO organization_calendar
  FROM projects p JOIN organizations o ON o.id = p.organization_id WHERE p.id = p_project;
  SELECT array_agg(x.id ORDER BY x.id), array_agg(app_work_minutes(x.avg_time, x.calendar) ORDER BY x.id), array_agg(x.calendar ORDER BY x.id)
  INTO ids, durations, calendars
  FROM (SELECT nd.id, nd.attributes->>'avg_time' AS avg_time, coalesce(d.calendar, organization_calendar) AS calendar
        FROM nodes nd LEFT JOIN departments d ON d.id = nd.department_id
        WHERE nd.project_id = p_project AND nd.deleted_at IS NULL) AS x;
  n := coalesce(array_length(ids, 1), 0);
  IF n = 0 THEN
    RETURN;
  END IF;
  WITH numbered AS (SELECT u.id, u.i::int AS i FROM unnest(ids) WITH ORDINALITY AS u(id, i))
  SELECT array_agg(s.i ORDER BY s.i, t2.i), array_agg(t2.i ORDER BY s.i, t2.i),
         array_agg(CASE WHEN w.working THEN app_work_minutes(e.properties->>'lag_time', calendars[t2.i]) ELSE e.lag_minutes END ORDER BY s.i, t2.i),
         array_agg(w.working ORDER BY s.i, t2.i)
  INTO edge_from, edge_to, edge_lag, edge_working
  FROM edges e JOIN numbered s ON s.id = e.source_id JOIN numbered t2 ON t2.id = e.target_id
       CROSS JOIN LATERAL (SELECT coalesce((e.properties->>'lag_working')::boolean, false) AS working) AS w
  WHERE e.project_id = p_project AND e.deleted_at IS NULL AND e.relation_type <> 'FEEDBACK_TO';
  edge_from := coalesce(edge_from, '{}');
  -- first_out[v] .. first_out[v + 1] - 1: the edges leaving v (edges sorted by source).
  first_out := array_fill(0, ARRAY[n + 1]);
  indegree := array_fill(0, ARRAY[n]);
  FOR k IN 1..coalesce(array_length(edge_from, 1), 0) LOOP
    first_out[edge_from[k] + 1] := first_out[edge_from[k] + 1] + 1;
    indegree[edge_to[k]] := indegree[edge_to[k]] + 1;
  END LOOP;
  first_out[1] := first_out[1] + 1;
  FOR k IN 2..n + 1 LOOP
    first_out[k] := first_out[k] + first_out[k - 1];
  END LOOP;
  es := array_fill(p_start, ARRAY[n]);
  ef := array_fill(NULL::timestamptz, ARRAY[n]);
  FOR k IN 1..n LOOP
    IF indegree[k] = 0 THEN
      queue := queue || k;
    END IF;
  END LOOP;
  WHILE head <= coalesce(array_length(queue, 1), 0) LOOP
    v := queue[head];
    head := head + 1;
    ef[v] := app_work_advance(es[v], durations[v], calendars[v]);
    FOR k IN first_out[v]..first_out[v + 1] - 1 LOOP
      t := edge_to[k];
      IF edge_working[k] THEN
        candidate := app_work_advance(ef[v], edge_lag[k], calendars[t]);
      ELSE
        candidate := ef[v] + edge_lag[k] * interval '1 minute';
      END IF;
      IF candidate > es[t] THEN
        es[t] := candidate;
      END IF;
      indegree[t] := indegree[t] - 1;
      IF indegree[t] = 0 THEN
        queue := queue || t;
      END IF;
    END LOOP;
  END LOOP;
  RETURN QUERY
    SELECT ids[i], es[i], CASE WHEN durations[i] > 0 THEN app_work_next(es[i], calendars[i]) ELSE es[i] END, ef[i]
    FROM generate_subscripts(ids, 1) AS i;
END
$$;
