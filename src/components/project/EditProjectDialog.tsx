"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { Dialog } from "../ui/Dialog";
import { ProjectDetailsForm } from "./ProjectDetailsForm";

type EditProjectDialogProps = {
  project: { id: string; name: string; description: string | null };
  open: boolean;
  onClose: () => void;
};

export function EditProjectDialog({ project, open, onClose }: EditProjectDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.project.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.project.pathFilter());
        onClose();
      },
    }),
  );

  function close() {
    update.reset();
    onClose();
  }

  return (
    <Dialog open={open} onClose={close} title="Edit project details">
      <ProjectDetailsForm
        initial={{ name: project.name, description: project.description ?? "" }}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        pending={update.isPending}
        error={update.error}
        onSubmit={(values) => update.mutate({ projectId: project.id, ...values })}
        onCancel={close}
        autoFocus
      />
    </Dialog>
  );
}
