import { signUpInput } from "~/domain/schemas";
import { createTRPCRouter, publicProcedure } from "~/server/api/trpc";
import { signUp } from "~/server/services/users";

export const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx, input)),
});
