import { z } from "zod";
import { avatarUrlSchema, passwordSchema, personNameSchema } from "~/domain/schemas";
import { authedProcedure, createTRPCRouter } from "~/server/api/trpc";
import { signOutEverywhere } from "~/server/services/sessions";
import { changePassword, getUser, updateProfile } from "~/server/services/users";

export const userRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => getUser(ctx)),

  updateProfile: authedProcedure
    .input(z.object({ name: personNameSchema, avatarUrl: avatarUrlSchema }))
    .mutation(({ ctx, input }) => updateProfile(ctx, input)),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1, "Enter your current password"), newPassword: passwordSchema }))
    .mutation(({ ctx, input }) => changePassword(ctx, input)),

  signOutEverywhere: authedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx)),
});
