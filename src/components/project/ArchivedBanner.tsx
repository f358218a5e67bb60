"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Icon } from "../ui/Icon";
import { refreshQueries } from "../lib/refresh";

export function ArchivedBanner({ projectId, canUnarchive }: { projectId: string; canUnarchive: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unarchive = useMutation(
    trpc.project.unarchive.mutationOptions({ onSuccess: () => refreshQueries(queryClient, trpc.project.pathFilter()) }),
  );
  return (
    <div data-testid="archived-banner" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <div className="flex flex-wrap items-center gap-3">
        <Icon name="archive" className="size-5 shrink-0 text-amber-600" />
        <p className="flex-1">
          <strong className="font-semibold">Archived.</strong> This project is kept for reference and hidden from the active list.
        </p>
        {canUnarchive && (
          <Button variant="secondary" size="sm" onClick={() => unarchive.mutate({ projectId })} pending={unarchive.isPending}>
            Unarchive
          </Button>
        )}
      </div>
      <ErrorAlert error={unarchive.error} className="mt-3" />
    </div>
  );
}
