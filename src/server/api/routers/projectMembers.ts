import { z } from "zod";
import { emailSchema, projectRoleSchema } from "~/domain/schemas";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { addProjectMember, changeProjectMemberRole, listProjectMembers, removeProjectMember } from "~/server/services/projects";

const memberInput = z.object({ userId: z.uuid("userId must be a UUID") });

export const projectMembersRouter = createTRPCRouter({
  list: projectProcedure("VIEWER").query(({ ctx }) => listProjectMembers(ctx)),

  add: projectProcedure("OWNER")
    .input(z.object({ email: emailSchema, role: projectRoleSchema }))
    .mutation(({ ctx, input }) => addProjectMember(ctx, input)),

  changeRole: projectProcedure("OWNER")
    .input(memberInput.extend({ role: projectRoleSchema }))
    .mutation(({ ctx, input }) => changeProjectMemberRole(ctx, input)),

  remove: projectProcedure("OWNER")
    .input(memberInput)
    .mutation(({ ctx, input }) => removeProjectMember(ctx, input)),
});
