"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { projectNameSchema } from "~/domain/schemas";
import { useTRPC } from "~/trpc/react";
import { fieldErrorsOf } from "../lib/trpc-errors";
import { Button } from "../ui/Button";
import { Dialog } from "../ui/Dialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";
import type { TemplateSummary } from "./categories";
import { refreshQueries } from "../lib/refresh";

type UseTemplateDialogProps = { organizationId: string; template: TemplateSummary | null; onClose: () => void };

/** Asks for the new project's name, creates it from the template and opens it. */
export function UseTemplateDialog({ organizationId, template, onClose }: UseTemplateDialogProps) {
  return (
    <Dialog
      open={template !== null}
      onClose={onClose}
      title="Use template"
      description={template && <>A new project with the steps, lanes and dependencies of “{template.name}”.</>}
    >
      {template && <UseTemplateForm key={template.id} organizationId={organizationId} template={template} onClose={onClose} />}
    </Dialog>
  );
}

function UseTemplateForm({
  organizationId,
  template,
  onClose,
}: {
  organizationId: string;
  template: TemplateSummary;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState(template.name);
  const [nameError, setNameError] = useState<string>();
  const use = useMutation(
    trpc.template.use.mutationOptions({
      onSuccess: async (project) => {
        await Promise.all([
          refreshQueries(queryClient, trpc.project.list.pathFilter()),
          refreshQueries(queryClient, trpc.org.list.pathFilter()),
          refreshQueries(queryClient, trpc.template.list.pathFilter()),
        ]);
        router.push(`/projects/${project.id}`);
      },
    }),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = projectNameSchema.safeParse(name);
    setNameError(parsed.error?.issues[0]?.message);
    if (parsed.success) use.mutate({ organizationId, templateId: template.id, name: parsed.data });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field
        label="Project name"
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={255}
        autoFocus
        error={nameError ?? fieldErrorsOf(use.error).name}
      />
      <ErrorAlert error={use.error} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={use.isPending || use.isSuccess}>
          {use.isPending || use.isSuccess ? "Creating…" : "Create project"}
        </Button>
      </div>
    </form>
  );
}
