"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/trpc/react";
import { ProjectDetailsForm } from "../project/ProjectDetailsForm";
import { Dialog } from "../ui/Dialog";
import { refreshQueries } from "../lib/refresh";

type NewProjectDialogProps = { organizationId: string; open: boolean; onClose: () => void };

export function NewProjectDialog({ organizationId, open, onClose }: NewProjectDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const create = useMutation(
    trpc.project.create.mutationOptions({
      // A new project opens at once: the next thing anyone does is put steps on it.
      onSuccess: async (project) => {
        await refreshQueries(queryClient, trpc.project.list.pathFilter(), trpc.org.list.pathFilter());
        router.push(`/projects/${project.id}`);
      },
    }),
  );

  function close() {
    create.reset();
    onClose();
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="New project"
      description="The project starts with your organization's default departments and stages."
    >
      <ProjectDetailsForm
        submitLabel="Create project"
        pendingLabel="Creating…"
        pending={create.isPending}
        error={create.error}
        onSubmit={(values) => create.mutate({ organizationId, ...values })}
        onCancel={close}
        autoFocus
      />
    </Dialog>
  );
}
