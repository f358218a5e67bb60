ALTER TABLE "departments" ADD COLUMN "calendar" jsonb;--> statement-breakpoint
-- Working calendars (src/domain/calendar.ts holds the same rules in TypeScript; the tests hold
-- the two to the same dates). A calendar is jsonb {days: [1..7], start: "09:00", end: "17:00",
-- timeZone, holidays: ["2026-12-25"]}; NULL means continuous time, 24 hours a day, 7 days a week.

-- A duration text's working minutes: m and h as written, d one working day, w the calendar's
-- working days of a week; of a three-point estimate, the most likely value.
CREATE FUNCTION app_work_minutes(p_text text, p_calendar jsonb) RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(sum(m[1]::double precision * CASE m[2]
      WHEN 'm' THEN 1
      WHEN 'h' THEN 60
      WHEN 'd' THEN coalesce(day_minutes, 1440)
      ELSE coalesce(day_minutes * week_days, 10080) END), 0)
  FROM (SELECT extract(epoch FROM ((p_calendar->>'end')::time - (p_calendar->>'start')::time)) / 60 AS day_minutes,
               jsonb_array_length(p_calendar->'days') AS week_days) AS c,
       regexp_matches(lower(CASE WHEN position('/' IN coalesce(p_text, '')) > 0 THEN split_part(p_text, '/', 2) ELSE coalesce(p_text, '') END),
                      '(\d+(?:\.\d+)?)\s*([mhdw])', 'g') AS m
$$;
--> statement-breakpoint
-- The instant p_minutes of work after p_start: work fills each working day's interval, the
-- local date at start and at end in the calendar's zone; zero minutes take no time.
CREATE FUNCTION app_work_advance(p_start timestamptz, p_minutes double precision, p_calendar jsonb) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  zone text;
  day_start time;
  day_end time;
  work_days int[];
  holidays date[];
  day date;
  opens timestamptz;
  closes timestamptz;
  begins timestamptz;
  available double precision;
  left_minutes double precision := p_minutes;
BEGIN
  IF p_calendar IS NULL OR p_calendar = 'null'::jsonb OR p_minutes <= 0 THEN
    RETURN p_start + greatest(p_minutes, 0) * interval '1 minute';
  END IF;
  zone := p_calendar->>'timeZone';
  day_start := (p_calendar->>'start')::time;
  day_end := (p_calendar->>'end')::time;
  work_days := ARRAY(SELECT jsonb_array_elements_text(p_calendar->'days')::int);
  holidays := ARRAY(SELECT jsonb_array_elements_text(p_calendar->'holidays')::date);
  day := (p_start AT TIME ZONE zone)::date - 1;
  FOR i IN 1..7306 LOOP
    IF extract(isodow FROM day)::int = ANY (work_days) AND NOT (day = ANY (holidays)) THEN
      opens := (day + day_start) AT TIME ZONE zone;
      closes := (day + day_end) AT TIME ZONE zone;
      begins := greatest(p_start, opens);
      IF begins < closes THEN
        available := extract(epoch FROM (closes - begins)) / 60;
        IF left_minutes <= available THEN
          RETURN begins + left_minutes * interval '1 minute';
        END IF;
        left_minutes := left_minutes - available;
      END IF;
    END IF;
    day := day + 1;
  END LOOP;
  RAISE EXCEPTION 'The calendar has no working time in the next twenty years';
END
$$;
--> statement-breakpoint
-- The first working instant at or after p_start.
CREATE FUNCTION app_work_next(p_start timestamptz, p_calendar jsonb) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  zone text;
  work_days int[];
  holidays date[];
  day date;
  closes timestamptz;
BEGIN
  IF p_calendar IS NULL OR p_calendar = 'null'::jsonb THEN
    RETURN p_start;
  END IF;
  zone := p_calendar->>'timeZone';
  work_days := ARRAY(SELECT jsonb_array_elements_text(p_calendar->'days')::int);
  holidays := ARRAY(SELECT jsonb_array_elements_text(p_calendar->'holidays')::date);
  day := (p_start AT TIME ZONE zone)::date - 1;
  FOR i IN 1..7306 LOOP
    IF extract(isodow FROM day)::int = ANY (work_days) AND NOT (day = ANY (holidays)) THEN
      closes := (day + (p_calendar->>'end')::time) AT TIME ZONE zone;
      IF closes > p_start THEN
        RETURN greatest(p_start, (day + (p_calendar->>'start')::time) AT TIME ZONE zone);
      END IF;
    END IF;
    day := day + 1;
  END LOOP;
  RAISE EXCEPTION 'The calendar has no working time in the next twenty years';
END
$$;
--> statement-breakpoint
-- Planned dates of a project's steps from p_start (src/server/analysis/schedule.ts is the
-- twin): a step's earliest start is the latest finish plus wait of the steps it depends on
-- (waits are elapsed time), its finish that plus its working time in its department's
-- calendar (else the organization's). Kahn's algorithm over arrays, O(V + E); hash joins
-- whatever the row estimates (tables fresh from an import have none). Runs as the caller,
-- so Row-Level Security decides what it reads.
CREATE FUNCTION app_plan_schedule(p_project uuid, p_start timestamptz)
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
  SELECT array_agg(s.i ORDER BY s.i, t2.i), array_agg(t2.i ORDER BY s.i, t2.i), array_agg(e.lag_minutes ORDER BY s.i, t2.i)
  INTO edge_from, edge_to, edge_lag
  FROM edges e JOIN numbered s ON s.id = e.source_id JOIN numbered t2 ON t2.id = e.target_id
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
      candidate := ef[v] + edge_lag[k] * interval '1 minute';
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
