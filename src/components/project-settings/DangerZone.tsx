"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Section } from "../ui/Section";
import { refreshQueries } from "../lib/refresh";

type DangerZoneProps = { project: { id: string; name: string; status: "ACTIVE" | "ARCHIVED"; organization: { id: string } } };

export function DangerZone({ project }: DangerZoneProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const archived = project.status === "ARCHIVED";
  const invalidate = () =>
    Promise.all([refreshQueries(queryClient, trpc.project.pathFilter()), refreshQueries(queryClient, trpc.org.list.pathFilter())]);
  const setArchived = useMutation({
    ...(archived ? trpc.project.unarchive : trpc.project.archive).mutationOptions(),
    onSuccess: invalidate,
  });
  const remove = useMutation(
    trpc.project.delete.mutationOptions({
      onSuccess: () => {
        router.push(`/dashboard?org=${project.organization.id}`);
        // Not project.get: refetching the deleted project would flash "not found" before we leave.
        return Promise.all([
          refreshQueries(queryClient, trpc.project.list.pathFilter()),
          refreshQueries(queryClient, trpc.project.trash.pathFilter()),
          refreshQueries(queryClient, trpc.org.list.pathFilter()),
        ]);
      },
    }),
  );

  return (
    <Section id="danger" title="Danger zone" tone="danger">
      <div className="divide-y divide-slate-100">
        <div className="flex flex-wrap items-center justify-between gap-4 pb-4">
          <div className="max-w-lg">
            <h3 className="text-sm font-semibold text-slate-900">{archived ? "Unarchive project" : "Archive project"}</h3>
            <p className="mt-0.5 text-sm text-slate-500">
              {archived
                ? "Bring the project back to the active list."
                : "Hide the project from the active list. It stays readable and can be unarchived at any time."}
            </p>
          </div>
          <Button variant="secondary" onClick={() => setArchived.mutate({ projectId: project.id })} pending={setArchived.isPending}>
            {archived ? "Unarchive" : "Archive"}
          </Button>
        </div>
        <ErrorAlert error={setArchived.error} className="mb-4" />
        <div className="flex flex-wrap items-center justify-between gap-4 pt-4">
          <div className="max-w-lg">
            <h3 className="text-sm font-semibold text-slate-900">Delete project</h3>
            <p className="mt-0.5 text-sm text-slate-500">Move the project to the Trash. It can be restored from there.</p>
          </div>
          <Button
            variant="danger"
            onClick={() => {
              remove.reset();
              setConfirmingDelete(true);
            }}
          >
            Delete project
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={confirmingDelete}
        onClose={() => setConfirmingDelete(false)}
        onConfirm={() => remove.mutate({ projectId: project.id })}
        title={`Delete ${project.name}?`}
        confirmLabel="Delete project"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error}
      >
        The project moves to the organization&apos;s Trash, where an owner can restore it.
      </ConfirmDialog>
    </Section>
  );
}
