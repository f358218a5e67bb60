import { z } from "zod";
import { emailSchema, orgRoleSchema } from "~/domain/schemas";
import { createTRPCRouter, orgProcedure } from "~/server/api/trpc";
import { inviteToOrganization, listOrganizationInvitations, revokeOrganizationInvitation } from "~/server/services/invitations";
import { changeMemberRole, leaveOrganization, listMembers, removeMember } from "~/server/services/organizations";

const memberInput = z.object({ userId: z.uuid("userId must be a UUID") });

export const orgMembersRouter = createTRPCRouter({
  list: orgProcedure("MEMBER").query(({ ctx }) => listMembers(ctx)),

  /** Invites the address (an account or not): they join once they accept. */
  add: orgProcedure("ADMIN")
    .input(z.object({ email: emailSchema, role: orgRoleSchema }))
    .mutation(({ ctx, input }) => inviteToOrganization(ctx, input)),

  invitations: orgProcedure("ADMIN").query(({ ctx }) => listOrganizationInvitations(ctx)),

  revokeInvitation: orgProcedure("ADMIN")
    .input(z.object({ invitationId: z.uuid("invitationId must be a UUID") }))
    .mutation(({ ctx, input }) => revokeOrganizationInvitation(ctx, input)),

  changeRole: orgProcedure("ADMIN")
    .input(memberInput.extend({ role: orgRoleSchema }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx, input)),

  remove: orgProcedure("ADMIN")
    .input(memberInput)
    .mutation(({ ctx, input }) => removeMember(ctx, input)),

  leave: orgProcedure("MEMBER").mutation(({ ctx }) => leaveOrganization(ctx)),
});
