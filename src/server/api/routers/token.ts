import { z } from "zod";
import { authedProcedure, createTRPCRouter, orgProcedure } from "~/server/api/trpc";
import { createToken, listTokens, revokeToken, TOKEN_SCOPES } from "~/server/services/tokens";

export const tokenRouter = createTRPCRouter({
  /** The caller's live tokens (never the tokens themselves). */
  list: authedProcedure.query(({ ctx }) => listTokens(ctx)),

  /** A token for the REST API in this organization; the answer is the only time it is shown. */
  create: orgProcedure("MEMBER")
    .input(
      z.object({
        name: z.string().trim().min(1, "Name the token after what uses it").max(100, "The name must be at most 100 characters"),
        scope: z.enum(TOKEN_SCOPES, "The scope is READ or WRITE"),
      }),
    )
    .mutation(({ ctx, input }) => createToken(ctx, input)),

  revoke: authedProcedure.input(z.object({ tokenId: z.uuid("Not a token id") })).mutation(({ ctx, input }) => revokeToken(ctx, input)),
});
