"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Dialog } from "../ui/Dialog";
import { TemplateForm } from "./TemplateForm";
import { refreshQueries } from "../lib/refresh";

type Project = RouterOutputs["project"]["get"];

/** "Save as template" from the project menu, for editors and up. */
export function SaveAsTemplateDialog({ project, open, onClose }: { project: Project; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.template.saveFromProject.mutationOptions({
      onSuccess: () => refreshQueries(queryClient, trpc.template.pathFilter()),
    }),
  );
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Save as template"
      description="Your organization can start new projects from this process: its lanes, steps and dependencies, with progress reset."
    >
      {save.isSuccess ? (
        <div className="space-y-4">
          <Alert tone="success">
            Saved “{save.data.name}”.{" "}
            <Link href={`/orgs/${project.organization.id}/templates`} className="font-medium underline">
              Open the template gallery
            </Link>
          </Alert>
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <TemplateForm
          initial={{ name: project.name, description: project.description ?? "", category: "CUSTOM", tags: [] }}
          submitLabel="Save template"
          pending={save.isPending}
          error={save.error}
          onSubmit={(values) => save.mutate({ projectId: project.id, ...values })}
          onCancel={close}
        />
      )}
    </Dialog>
  );
}
