"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createPortal } from "react-dom";
import { describeCalendar } from "~/domain/calendar";
import { useTRPC } from "~/trpc/react";
import { refreshQueries } from "../lib/refresh";
import { Dialog } from "../ui/Dialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Skeleton } from "../ui/Skeleton";
import { CalendarForm } from "./CalendarForm";

type Props = { projectId: string; departmentId: string; name: string; open: boolean; onClose: () => void };

/**
 * A department's working calendar, from its lane menu. Portalled to the page: inside the flow
 * the canvas would take its clicks and keys for its own.
 */
export function DepartmentCalendarDialog({ projectId, departmentId, name, open, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const calendars = useQuery({ ...trpc.calendar.forProject.queryOptions({ projectId }), enabled: open });
  const save = useMutation(
    trpc.calendar.setDepartment.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          refreshQueries(queryClient, trpc.calendar.pathFilter()),
          refreshQueries(queryClient, trpc.analysis.plannedDates.pathFilter()),
          refreshQueries(queryClient, trpc.analysis.simulate.pathFilter()),
        ]);
        onClose();
      },
    }),
  );
  if (!open) return null;
  const own = calendars.data?.departments.find((d) => d.id === departmentId);
  const organization = calendars.data?.organization ?? null;
  return createPortal(
    <div className="nodrag nopan nowheel" onKeyDown={(e) => e.stopPropagation()}>
      <Dialog
        open
        onClose={onClose}
        title={`Working calendar of ${name}`}
        description="Durations of this department's steps count in its working time."
      >
        {calendars.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : calendars.error ? (
          <ErrorAlert error={calendars.error} />
        ) : (
          <CalendarForm
            value={own?.calendar ?? null}
            fallback={`The organization's calendar (${describeCalendar(organization)})`}
            onSave={(calendar) => save.mutate({ projectId, departmentId, calendar })}
            pending={save.isPending}
            error={save.error}
          />
        )}
      </Dialog>
    </div>,
    document.body,
  );
}
