"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { WorkingCalendar } from "~/domain/calendar";
import { useTRPC } from "~/trpc/react";
import { refreshQueries } from "../lib/refresh";
import { CalendarForm } from "./CalendarForm";

/** The organization's working calendar: the one every department without its own works in. */
export function OrgCalendarSection({
  organizationId,
  calendar,
  readOnly,
}: {
  organizationId: string;
  calendar: WorkingCalendar | null;
  readOnly: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.org.update.mutationOptions({
      onSuccess: () =>
        Promise.all([
          refreshQueries(queryClient, trpc.org.get.pathFilter()),
          refreshQueries(queryClient, trpc.calendar.pathFilter()),
          refreshQueries(queryClient, trpc.analysis.plannedDates.pathFilter()),
          refreshQueries(queryClient, trpc.analysis.simulate.pathFilter()),
        ]),
    }),
  );
  return (
    <CalendarForm
      value={calendar}
      fallback="No calendar: 24 hours a day, 7 days a week"
      ownLabel="Working hours"
      onSave={(next) => update.mutate({ organizationId, calendar: next })}
      pending={update.isPending}
      error={update.error}
      saved={update.isSuccess}
      readOnly={readOnly}
    />
  );
}
