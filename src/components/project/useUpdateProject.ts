"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { refreshQueries } from "../lib/refresh";

/** project.update that refreshes every project query once it has saved. */
export function useUpdateProject(onSaved?: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.project.update.mutationOptions({
      onSuccess: async () => {
        await refreshQueries(queryClient, trpc.project.pathFilter());
        onSaved?.();
      },
    }),
  );
}
