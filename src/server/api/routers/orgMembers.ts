import { z } from "zod";
import { emailSchema, orgRoleSchema } from "~/domain/schemas";
import { createTRPCRouter, orgProcedure } from "~/server/api/trpc";
import { addMember, changeMemberRole, leaveOrganization, listMembers, removeMember } from "~/server/services/organizations";

const memberInput = z.object({ userId: z.uuid("userId must be a UUID") });

export const orgMembersRouter = createTRPCRouter({
  list: orgProcedure("MEMBER").query(({ ctx }) => listMembers(ctx.db, ctx.organizationId)),

  add: orgProcedure("ADMIN")
    .input(z.object({ email: emailSchema, role: orgRoleSchema }))
    .mutation(({ ctx, input }) => addMember({ db: ctx.db, access: ctx, input })),

  changeRole: orgProcedure("ADMIN")
    .input(memberInput.extend({ role: orgRoleSchema }))
    .mutation(({ ctx, input }) => changeMemberRole({ db: ctx.db, access: ctx, input })),

  remove: orgProcedure("ADMIN")
    .input(memberInput)
    .mutation(({ ctx, input }) => removeMember({ db: ctx.db, access: ctx, input })),

  leave: orgProcedure("MEMBER").mutation(({ ctx }) => leaveOrganization({ db: ctx.db, access: ctx })),
});
