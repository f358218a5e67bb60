"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/react";
import { useState } from "react";
import { absoluteTime, plural, relativeTime } from "../lib/format";
import { PageHeader } from "../shell/PageHeader";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Card } from "../ui/Card";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { EmptyState } from "../ui/EmptyState";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Icon } from "../ui/Icon";
import { Skeleton } from "../ui/Skeleton";
import { refreshQueries } from "../lib/refresh";

export function TrashList({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const org = useQuery(trpc.org.get.queryOptions({ organizationId }));
  const trash = useQuery(trpc.project.trash.queryOptions({ organizationId }));
  const restore = useMutation(
    trpc.project.restore.mutationOptions({
      onSuccess: () =>
        Promise.all([refreshQueries(queryClient, trpc.project.pathFilter()), refreshQueries(queryClient, trpc.org.list.pathFilter())]),
    }),
  );
  const [emptying, setEmptying] = useState(false);
  const empty = useMutation(
    trpc.project.emptyTrash.mutationOptions({
      onSuccess: async () => {
        setEmptying(false);
        await refreshQueries(queryClient, trpc.project.trash.pathFilter());
      },
    }),
  );
  const restored = restore.isSuccess ? restore.data : null;
  const isOwner = org.data?.myRole === "OWNER";
  const count = trash.data?.length ?? 0;
  const retentionDays = org.data?.settings.trash_retention_days ?? 30;

  return (
    <>
      <PageHeader
        eyebrow={org.data?.name ?? "Organization"}
        title="Trash"
        description={`Deleted projects stay here for ${retentionDays} day${retentionDays === 1 ? "" : "s"}, then they are removed for good (an owner or admin sets this in the organization's settings). You see the ones you own.`}
        actions={
          isOwner && count > 0 ? (
            <Button
              variant="dangerOutline"
              onClick={() => {
                empty.reset();
                setEmptying(true);
              }}
            >
              <Icon name="trash" />
              Empty trash
            </Button>
          ) : undefined
        }
      />
      {empty.isSuccess && (
        <Alert tone="success" className="mb-4">
          {plural(empty.data.deleted, "project")} deleted for good.
        </Alert>
      )}
      <ConfirmDialog
        open={emptying}
        onClose={() => setEmptying(false)}
        onConfirm={() => empty.mutate({ organizationId })}
        title="Empty the trash?"
        confirmLabel={`Delete ${plural(count, "project")} for good`}
        pendingLabel="Deleting…"
        pending={empty.isPending}
        error={empty.error}
      >
        {`${plural(count, "project")}, with their steps, history, versions and comments, will be deleted for good. This cannot be undone.`}
      </ConfirmDialog>
      {restored && (
        <Alert tone="success" className="mb-4">
          Restored{" "}
          <Link href={`/projects/${restored.id}`} className="font-medium underline">
            {restored.name}
          </Link>
          .
        </Alert>
      )}
      <ErrorAlert error={restore.error ?? trash.error} className="mb-4" />
      {trash.isPending ? (
        <Skeleton className="h-48 w-full" />
      ) : trash.data?.length === 0 ? (
        <EmptyState icon="trash" title="Trash is empty">
          Deleted projects show up here, and can be restored.
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" aria-label="Deleted projects">
            {trash.data?.map((project) => (
              <li key={project.id} data-testid="trash-item" className="flex flex-wrap items-center gap-4 px-5 py-4">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-slate-900">{project.name}</p>
                  <p className="mt-0.5 text-sm text-slate-500">
                    Deleted{" "}
                    {project.deletedAt && (
                      <time dateTime={project.deletedAt.toISOString()} title={absoluteTime(project.deletedAt)}>
                        {relativeTime(project.deletedAt)}
                      </time>
                    )}
                    {project.deletedByName && <> by {project.deletedByName}</>} · {plural(project.nodesCount, "step")} ·{" "}
                    {plural(project.edgesCount, "connection")}
                    {project.deletedAt && <> · {removalNote(project.deletedAt, retentionDays)}</>}
                  </p>
                </div>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => restore.mutate({ projectId: project.id })}
                  pending={restore.isPending && restore.variables.projectId === project.id}
                  disabled={restore.isPending}
                >
                  <Icon name="restore" />
                  Restore<span className="sr-only"> {project.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}

/** "removed in 12 days", counted from when it was deleted and the organization's retention. */
function removalNote(deletedAt: Date, retentionDays: number): string {
  const left = Math.ceil((deletedAt.getTime() + retentionDays * 86_400_000 - Date.now()) / 86_400_000);
  if (left <= 0) return "removed at the next clean-up";
  return `removed in ${left} day${left === 1 ? "" : "s"}`;
}
