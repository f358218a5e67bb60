"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";
import { errorMessage } from "../lib/trpc-errors";
import { Field } from "../ui/Field";
import { Spinner } from "../ui/Spinner";
import { useAnalysis } from "./AnalysisProvider";
import { when } from "./format";

const days = (n: number) =>
  n < 0.95 ? "under a day" : `${(Math.round(n * 10) / 10).toLocaleString("en")} ${Math.abs(n - 1) < 0.05 ? "day" : "days"}`;
/**
 * Planned dates: from a start, when the process finishes in the working calendars (the
 * organization's, or a department's own), and its lead time in working and calendar days.
 */
export function PlannedDatesSection() {
  const projectId = useEditorSelector((e) => e.projectId);
  const trpc = useTRPC();
  const organizationId = useQuery(trpc.project.get.queryOptions({ projectId })).data?.organizationId;
  const { start, setStart, startInstant } = useAnalysis();
  const valid = startInstant !== null;
  const plan = useQuery({
    ...trpc.analysis.plannedDates.queryOptions({ projectId, start: startInstant ?? "" }),
    enabled: valid,
    placeholderData: (previous) => previous,
  });
  return (
    <section aria-label="Planned dates" className="space-y-2">
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Planned dates</h3>
        {plan.isFetching && <Spinner className="size-3.5 text-slate-400" />}
      </div>
      <Field
        label="Start"
        type="datetime-local"
        value={start}
        onChange={(e) => setStart(e.target.value)}
        error={valid ? null : "Enter a date and time"}
      />
      {plan.error ? (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(plan.error)}
        </p>
      ) : plan.data ? (
        <div className="text-sm text-slate-700">
          <p>
            Finishes{" "}
            <span className="font-semibold text-slate-900" data-testid="planned-finish">
              {when(plan.data.finishDate)}
            </span>
          </p>
          <p className="text-xs text-slate-600" data-testid="planned-days">
            {days(plan.data.workingDays)} of work · {days(plan.data.calendarDays)} on the calendar ·{" "}
            {plan.data.criticalChain.length === 1 ? "1 step sets" : `${plan.data.criticalChain.length} steps set`} the date
          </p>
          <p className="mt-1 text-xs text-slate-500" data-testid="calendar-rule">
            {plan.data.rule}{" "}
            {organizationId && (
              <Link href={`/orgs/${organizationId}/settings#calendar`} className="text-brand-700 underline">
                Working calendar
              </Link>
            )}
          </p>
        </div>
      ) : (
        <p className="text-sm text-slate-500" role="status">
          Planning…
        </p>
      )}
    </section>
  );
}
