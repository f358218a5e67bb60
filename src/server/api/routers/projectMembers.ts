import { z } from "zod";
import { emailSchema, projectRoleSchema } from "~/domain/schemas";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { actorOf } from "~/server/services/activity";
import {
  addProjectMember,
  changeProjectMemberRole,
  listProjectMembers,
  removeProjectMember,
} from "~/server/services/projects";

const memberInput = z.object({ userId: z.uuid("userId must be a UUID") });

export const projectMembersRouter = createTRPCRouter({
  list: projectProcedure("VIEWER").query(({ ctx }) => listProjectMembers(ctx.db, ctx.project.id)),

  add: projectProcedure("OWNER")
    .input(z.object({ email: emailSchema, role: projectRoleSchema }))
    .mutation(({ ctx, input }) => addProjectMember({ db: ctx.db, actor: actorOf(ctx), access: ctx, input })),

  changeRole: projectProcedure("OWNER")
    .input(memberInput.extend({ role: projectRoleSchema }))
    .mutation(({ ctx, input }) => changeProjectMemberRole({ db: ctx.db, actor: actorOf(ctx), access: ctx, input })),

  remove: projectProcedure("OWNER")
    .input(memberInput)
    .mutation(({ ctx, input }) => removeProjectMember({ db: ctx.db, actor: actorOf(ctx), access: ctx, input })),
});
