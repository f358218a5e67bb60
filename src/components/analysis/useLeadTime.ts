"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "~/trpc/react";

/**
 * Lead time and automation candidates for the editor's project, refetched as soon as the
 * confirmed revision moves, so changing a duration works as a what-if.
 */
export function useLeadTime(projectId: string, revision: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const leadTime = useQuery({ ...trpc.analysis.leadTime.queryOptions({ projectId }), placeholderData: (previous) => previous });
  const candidates = useQuery({
    ...trpc.analysis.automationCandidates.queryOptions({ projectId, limit: 5 }),
    placeholderData: (previous) => previous,
  });
  useEffect(() => {
    void queryClient.invalidateQueries(trpc.analysis.pathFilter());
  }, [queryClient, revision, trpc]);
  return { leadTime, candidates };
}
