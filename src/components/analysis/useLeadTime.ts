"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "~/trpc/react";
import { refreshQueries } from "../lib/refresh";

/**
 * Lead time, automation candidates and the Monte Carlo lead time for the editor's project,
 * refetched as soon as the confirmed revision moves, so changing a duration works as a what-if.
 * The previous answer stays on screen while the next one is computed. `start` dates the Monte
 * Carlo runs where working calendars are set (the planned dates' start).
 */
export function useLeadTime(projectId: string, revision: number, { simulate, start }: { simulate: boolean; start?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const leadTime = useQuery({ ...trpc.analysis.leadTime.queryOptions({ projectId }), placeholderData: (previous) => previous });
  const candidates = useQuery({
    ...trpc.analysis.automationCandidates.queryOptions({ projectId, limit: 5 }),
    placeholderData: (previous) => previous,
  });
  // Only while someone looks at it (the panel's section, or the criticality overlay): on a large
  // project thousands of runs cost real server time, and every edit would pay it again.
  const simulation = useQuery({
    ...trpc.analysis.simulate.queryOptions({ projectId, start }),
    placeholderData: (previous) => previous,
    enabled: simulate,
  });
  useEffect(() => {
    void refreshQueries(queryClient, trpc.analysis.pathFilter());
  }, [queryClient, revision, trpc]);
  return { leadTime, candidates, simulation };
}
