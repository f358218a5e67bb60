import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { appRouter } from "~/server/api/root";
import { createTRPCContext } from "~/server/api/trpc";
import { makeQueryClient } from "./query-client";

/**
 * Server components fetch through the router itself (no HTTP) into one query client per
 * request, and HydrateClient hands those answers to the browser's queries with the page, so
 * they render at once instead of after a round trip each.
 */
export const getQueryClient = cache(() => {
  const client = makeQueryClient();
  // A refusal here is the browser's to show; retrying would only hold the page back.
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } });
  return client;
});

export const serverTrpc = createTRPCOptionsProxy({
  ctx: async () => createTRPCContext({ headers: await headers() }),
  router: appRouter,
  queryClient: getQueryClient,
});

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
