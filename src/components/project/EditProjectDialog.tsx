"use client";

import { Dialog } from "../ui/Dialog";
import { ProjectDetailsForm } from "./ProjectDetailsForm";
import { useUpdateProject } from "./useUpdateProject";

type EditProjectDialogProps = {
  project: { id: string; name: string; description: string | null };
  open: boolean;
  onClose: () => void;
};

export function EditProjectDialog({ project, open, onClose }: EditProjectDialogProps) {
  const update = useUpdateProject(onClose);

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
