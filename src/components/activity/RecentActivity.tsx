"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/react";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Skeleton } from "../ui/Skeleton";
import { ActivityItem } from "./ActivityItem";
import { useNow } from "./useNow";

/**
 * The latest entries for a side panel. Inside the editor it refreshes with every change, as
 * the editor invalidates all activity queries on each batch or activity signal.
 */
export function RecentActivity({ projectId, limit = 15 }: { projectId: string; limit?: number }) {
  const trpc = useTRPC();
  const now = useNow();
  const recent = useQuery(trpc.activity.list.queryOptions({ projectId, limit }));
  return (
    <div className="flex flex-col gap-2 p-4">
      {recent.isPending ? (
        <div role="status" aria-busy="true" aria-label="Loading activity" className="space-y-3">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </div>
      ) : recent.isError ? (
        <ErrorAlert error={recent.error} />
      ) : recent.data.items.length === 0 ? (
        <p className="text-sm text-slate-500">No activity yet. Changes to the project will show up here.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {recent.data.items.map((entry) => (
            <ActivityItem key={entry.id} entry={entry} now={now} compact />
          ))}
        </ul>
      )}
      <Link href={`/projects/${projectId}/activity`} className="self-start text-sm font-medium text-brand-700 hover:underline">
        Full activity
      </Link>
    </div>
  );
}
