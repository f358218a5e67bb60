import { z } from "zod";
import { calendarSchema } from "~/domain/calendar";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { projectCalendars, setDepartmentCalendar } from "~/server/services/calendars";

export const calendarRouter = createTRPCRouter({
  /** The organization's calendar and each department's own, for the project's departments. */
  forProject: projectProcedure("VIEWER").query(({ ctx }) => projectCalendars(ctx)),

  /** A department's own calendar; null goes back to the organization's. */
  setDepartment: projectProcedure("EDITOR")
    .input(z.object({ departmentId: z.uuid("Not a department id"), calendar: calendarSchema.nullable() }))
    .mutation(({ ctx, input }) => setDepartmentCalendar(ctx, input)),
});
