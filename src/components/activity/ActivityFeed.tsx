"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/Button";
import { EmptyState } from "../ui/EmptyState";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Skeleton } from "../ui/Skeleton";
import { ActivityItem, type ActivityEntry } from "./ActivityItem";
import type { ActivityFilters } from "./labels";
import { useNow } from "./useNow";

const dayFormat = new Intl.DateTimeFormat("en", { weekday: "long", month: "long", day: "numeric" });

function dayLabel(date: Date, now: number): string {
  const day = (d: Date | number) => new Date(d).toDateString();
  if (day(date) === day(now)) return "Today";
  if (day(date) === day(now - 24 * 3600 * 1000)) return "Yesterday";
  return dayFormat.format(date);
}

/** Consecutive entries of one calendar day, newest day first. */
function byDay(entries: ActivityEntry[], now: number) {
  const groups: { label: string; entries: ActivityEntry[] }[] = [];
  for (const entry of entries) {
    const label = dayLabel(entry.at, now);
    if (groups.at(-1)?.label === label) groups.at(-1)!.entries.push(entry);
    else groups.push({ label, entries: [entry] });
  }
  return groups;
}

export function ActivityFeed({
  projectId,
  filters,
  onClearFilters,
}: {
  projectId: string;
  filters: ActivityFilters;
  onClearFilters(): void;
}) {
  const trpc = useTRPC();
  const now = useNow();
  const feed = useInfiniteQuery(
    trpc.activity.list.infiniteQueryOptions({ projectId, limit: 30, ...filters }, { getNextPageParam: (last) => last.nextCursor }),
  );

  if (feed.isPending) {
    return (
      <div
        role="status"
        aria-busy="true"
        aria-label="Loading activity"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      >
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex gap-3">
            <Skeleton className="size-8 rounded-full" />
            <div className="flex-1 space-y-2">
              <Skeleton className="h-4 w-2/3" />
              <Skeleton className="h-3 w-1/4" />
            </div>
          </div>
        ))}
      </div>
    );
  }
  // A failed "load more" or background refresh keeps the rows already shown.
  if (!feed.data) return <ErrorAlert error={feed.error} />;

  const entries = feed.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    const filtered = Boolean(filters.userId || filters.entityType || filters.action);
    return filtered ? (
      <EmptyState
        icon="search"
        title="Nothing matches these filters"
        action={
          <Button variant="secondary" onClick={onClearFilters}>
            Clear filters
          </Button>
        }
      >
        Try another person, kind or action.
      </EmptyState>
    ) : (
      <EmptyState icon="restore" title="No activity yet">
        Every change to this project will be listed here: who made it, and what it was before.
      </EmptyState>
    );
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      {byDay(entries, now).map((group) => (
        <section key={group.label} aria-label={group.label} className="border-b border-slate-100 px-5 pt-3 pb-1 last:border-b-0">
          <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{group.label}</h2>
          <ul className="divide-y divide-slate-100">
            {group.entries.map((entry) => (
              <ActivityItem key={entry.id} entry={entry} now={now} />
            ))}
          </ul>
        </section>
      ))}
      {feed.hasNextPage && (
        <div className="flex justify-center border-t border-slate-100 p-3">
          <Button variant="secondary" pending={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
            {feed.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
      {feed.isFetchNextPageError && <ErrorAlert error={feed.error} className="m-3" />}
    </div>
  );
}
