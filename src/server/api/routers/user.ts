import { z } from "zod";
import { avatarUrlSchema, passwordSchema, personNameSchema } from "~/domain/schemas";
import { authedProcedure, createTRPCRouter } from "~/server/api/trpc";
import { signOutEverywhere } from "~/server/services/sessions";
import { changePassword, deleteAccount, exportAccountData, getUser, updateProfile } from "~/server/services/users";

export const userRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => getUser(ctx)),

  updateProfile: authedProcedure
    .input(z.object({ name: personNameSchema, avatarUrl: avatarUrlSchema }))
    .mutation(({ ctx, input }) => updateProfile(ctx, input)),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1, "Enter your current password"), newPassword: passwordSchema }))
    .mutation(({ ctx, input }) => changePassword(ctx, input)),

  signOutEverywhere: authedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx)),

  /** Everything FlowMatrix holds about the signed-in person, as one JSON document. */
  exportData: authedProcedure.query(({ ctx }) => exportAccountData(ctx)),

  deleteAccount: authedProcedure
    .input(z.object({ password: z.string().min(1, "Enter your password to confirm") }))
    .mutation(({ ctx, input }) => deleteAccount(ctx, input)),
});
