"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { ProjectDetailsForm } from "../project/ProjectDetailsForm";
import { Alert } from "../ui/Alert";

type ProjectGeneralFormProps = { project: { id: string; name: string; description: string | null } };

export function ProjectGeneralForm({ project }: ProjectGeneralFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.project.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.project.pathFilter()) }),
  );
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
