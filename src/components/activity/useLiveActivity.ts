"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { refreshQueries } from "../lib/refresh";

/**
 * Refetches the activity queries whenever the project changes, for pages without the editor
 * (which already does this for everything under it). Rides the graph's live stream from the
 * current revision: graph batches and "touch activity" signals both mean new rows.
 */
export function useLiveActivity(projectId: string, revision: number) {
  // Only where the stream starts: it resumes by itself, so a newer revision must not restart it.
  const [since] = useState(revision);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();

  useEffect(() => {
    const refresh = () => void refreshQueries(queryClient, trpc.activity.pathFilter());
    const subscription = client.graph.onChange.subscribe(
      { projectId, since, tab: crypto.randomUUID() },
      {
        onData({ data: event }) {
          if (event.type === "batch" || event.type === "reload" || (event.type === "touch" && event.topic === "activity")) refresh();
        },
      },
    );
    return () => subscription.unsubscribe();
  }, [client, projectId, queryClient, trpc, since]);
}
