"use client";

import { useId, useMemo, useState } from "react";
import { calendarSchema, DEFAULT_CALENDAR, WEEKDAYS, type WorkingCalendar } from "~/domain/calendar";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";
import { SelectField } from "../ui/SelectField";
import { TextAreaField } from "../ui/TextAreaField";

type CalendarFormProps = {
  /** The saved calendar; null when none is set. */
  value: WorkingCalendar | null;
  /** What "no calendar of its own" means here: "24 hours a day, 7 days a week" or "the organization's calendar". */
  fallback: string;
  /** The choice of setting working hours. */
  ownLabel?: string;
  onSave: (calendar: WorkingCalendar | null) => void;
  pending: boolean;
  error: unknown;
  readOnly?: boolean;
  saved?: boolean;
};

function zones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...all])].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/**
 * Working days, hours, time zone and holidays, or none ("24 hours a day" / the organization's).
 * Checked with the same schema the server applies, so every mistake is named before saving.
 */
export function CalendarForm({
  value,
  fallback,
  ownLabel = "Working hours of its own",
  onSave,
  pending,
  error,
  readOnly = false,
  saved = false,
}: CalendarFormProps) {
  const [own, setOwn] = useState(value !== null);
  const [draft, setDraft] = useState<WorkingCalendar>(value ?? { ...DEFAULT_CALENDAR, timeZone: localZone() });
  const [holidays, setHolidays] = useState((value?.holidays ?? []).join("\n"));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const zoneList = useMemo(() => zones(draft.timeZone), [draft.timeZone]);
  const name = useId();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!own) {
      setProblems({});
      return onSave(null);
    }
    const candidate = { ...draft, holidays: holidays.split(/[\s,;]+/).filter(Boolean) };
    const parsed = calendarSchema.safeParse(candidate);
    if (!parsed.success) {
      setProblems(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setProblems({});
    onSave(parsed.data);
  }

  const set = (patch: Partial<WorkingCalendar>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Working calendar">
      <fieldset className="space-y-1.5 text-sm" disabled={readOnly}>
        <legend className="sr-only">Working time</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name={name} checked={!own} onChange={() => setOwn(false)} />
          {fallback}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name={name} checked={own} onChange={() => setOwn(true)} />
          {ownLabel}
        </label>
      </fieldset>
      {own && (
        <div className="space-y-4 rounded-lg border border-slate-200 p-3">
          <fieldset disabled={readOnly}>
            <legend className="mb-1 text-sm font-medium text-slate-700">Working days</legend>
            <div className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
              {WEEKDAYS.map((day, i) => (
                <label key={day} className="inline-flex items-center gap-1.5">
                  <input
                    type="checkbox"
                    checked={draft.days.includes(i + 1)}
                    onChange={(e) =>
                      set({ days: e.target.checked ? [...draft.days, i + 1].sort() : draft.days.filter((d) => d !== i + 1) })
                    }
                  />
                  {day}
                </label>
              ))}
            </div>
            {problems.days && (
              <p className="mt-1 text-sm text-red-700" role="alert">
                {problems.days}
              </p>
            )}
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field
              label="Starts at"
              type="time"
              value={draft.start}
              onChange={(e) => set({ start: e.target.value })}
              error={problems.start}
              disabled={readOnly}
            />
            <Field
              label="Ends at"
              type="time"
              value={draft.end}
              onChange={(e) => set({ end: e.target.value })}
              error={problems.end}
              disabled={readOnly}
            />
            <SelectField
              label="Time zone"
              value={draft.timeZone}
              onChange={(e) => set({ timeZone: e.target.value })}
              error={problems.timeZone}
              disabled={readOnly}
            >
              {zoneList.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, " ")}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            label="Holidays"
            hint="One date per line, like 2026-12-25"
            rows={3}
            value={holidays}
            onChange={(e) => setHolidays(e.target.value)}
            error={problems.holidays}
            disabled={readOnly}
            className="font-mono text-xs"
          />
        </div>
      )}
      <ErrorAlert error={error} />
      {!readOnly && (
        <div className="flex items-center gap-3">
          <Button type="submit" pending={pending}>
            {pending ? "Saving…" : "Save calendar"}
          </Button>
          {saved && (
            <span role="status" className="text-sm text-emerald-700">
              Saved
            </span>
          )}
        </div>
      )}
    </form>
  );
}
