"use client";

import { ProjectDetailsForm } from "../project/ProjectDetailsForm";
import { useUpdateProject } from "../project/useUpdateProject";
import { Alert } from "../ui/Alert";

type ProjectGeneralFormProps = { project: { id: string; name: string; description: string | null } };

export function ProjectGeneralForm({ project }: ProjectGeneralFormProps) {
  const update = useUpdateProject();
  return (
    <>
      {update.isSuccess && (
        <Alert tone="success" className="mb-4">
          Project details saved.
        </Alert>
      )}
      <ProjectDetailsForm
        initial={{ name: project.name, description: project.description ?? "" }}
        submitLabel="Save"
        pendingLabel="Saving…"
        pending={update.isPending}
        error={update.error}
        onSubmit={(values) => update.mutate({ projectId: project.id, ...values })}
      />
    </>
  );
}
