"use client";

import { useQuery } from "@tanstack/react-query";
import { useParams, useSearchParams } from "next/navigation";
import { useTRPC } from "~/trpc/react";

/**
 * The organization the user is looking at: the one in the path (/orgs/<id>), in `?org=`,
 * or owning the open project; otherwise the first one they belong to.
 */
export function useCurrentOrg() {
  const trpc = useTRPC();
  const params = useParams<{ orgId?: string; projectId?: string }>();
  const search = useSearchParams();
  const orgs = useQuery(trpc.org.list.queryOptions());
  const project = useQuery({
    ...trpc.project.get.queryOptions({ projectId: params.projectId ?? "" }),
    enabled: Boolean(params.projectId),
  });
  const wanted = params.orgId ?? search.get("org") ?? project.data?.organization.id;
  // While the open project loads we do not know its organization yet; guessing would flicker.
  const waitingForProject = Boolean(params.projectId) && project.isPending;
  const current = orgs.data?.find((o) => o.id === wanted) ?? (waitingForProject ? undefined : orgs.data?.[0]);
  return { orgs, current };
}
