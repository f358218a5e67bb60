"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpBatchStreamLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { inferRouterOutputs, inferSubscriptionOutput } from "@trpc/server";
import { useState } from "react";
import superjson from "superjson";
import { CLIENT_BATCH_ITEMS } from "./limits";
import type { AppRouter } from "~/server/api/root";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;
/** One event of the live graph stream: `data` is the event, `id` the revision a reconnect resumes from. */
export type LiveEnvelope = inferSubscriptionOutput<AppRouter["graph"]["onChange"]>;

/** Procedures that stream their answer as they work (progress, then the result). */
const STREAMED = new Set(["run.importLog"]);

let browserQueryClient: QueryClient | undefined;

function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
          false: splitLink({
            condition: (op) => STREAMED.has(op.path),
            true: httpBatchStreamLink({ url: "/api/trpc", transformer: superjson, maxItems: 1 }),
            false: httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: CLIENT_BATCH_ITEMS }),
          }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
