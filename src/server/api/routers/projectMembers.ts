import { z } from "zod";
import { emailSchema, projectRoleSchema } from "~/domain/schemas";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { inviteToProject, listProjectInvitations, revokeProjectInvitation } from "~/server/services/invitations";
import { changeProjectMemberRole, listProjectMembers, removeProjectMember } from "~/server/services/projects";

const memberInput = z.object({ userId: z.uuid("userId must be a UUID") });

export const projectMembersRouter = createTRPCRouter({
  list: projectProcedure("VIEWER").query(({ ctx }) => listProjectMembers(ctx)),

  /** Adds a member of the organization at once; invites anyone else (they join once they accept). */
  add: projectProcedure("OWNER")
    .input(z.object({ email: emailSchema, role: projectRoleSchema }))
    .mutation(({ ctx, input }) => inviteToProject(ctx, input)),

  invitations: projectProcedure("OWNER").query(({ ctx }) => listProjectInvitations(ctx)),

  revokeInvitation: projectProcedure("OWNER")
    .input(z.object({ invitationId: z.uuid("invitationId must be a UUID") }))
    .mutation(({ ctx, input }) => revokeProjectInvitation(ctx, input)),

  changeRole: projectProcedure("OWNER")
    .input(memberInput.extend({ role: projectRoleSchema }))
    .mutation(({ ctx, input }) => changeProjectMemberRole(ctx, input)),

  remove: projectProcedure("OWNER")
    .input(memberInput)
    .mutation(({ ctx, input }) => removeProjectMember(ctx, input)),
});
