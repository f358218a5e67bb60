import { z } from "zod";
import { authedProcedure, createTRPCRouter } from "~/server/api/trpc";
import { search } from "~/server/services/search";

export const searchRouter = createTRPCRouter({
  /** Steps, projects and templates the caller can open, across all their organizations. */
  query: authedProcedure
    .input(z.object({ q: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(50).default(8) }))
    .query(({ ctx, input }) => search(ctx, input)),
});
