"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { Dialog } from "../ui/Dialog";
import type { TemplateSummary } from "./categories";
import { TemplateForm } from "./TemplateForm";
import { refreshQueries } from "../lib/refresh";

type Props = { organizationId: string; template: TemplateSummary | null; onClose: () => void };

export function EditTemplateDialog({ organizationId, template, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.template.update.mutationOptions({
      onSuccess: async () => {
        await refreshQueries(queryClient, trpc.template.pathFilter());
        onClose();
      },
    }),
  );
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Dialog open={template !== null} onClose={close} title="Edit template">
      {template && (
        <TemplateForm
          key={template.id}
          initial={{ name: template.name, description: template.description ?? "", category: template.category, tags: template.tags }}
          submitLabel="Save changes"
          pending={update.isPending}
          error={update.error}
          onSubmit={(values) => update.mutate({ organizationId, templateId: template.id, ...values })}
          onCancel={close}
        />
      )}
    </Dialog>
  );
}

export function DeleteTemplateDialog({ organizationId, template, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.template.delete.mutationOptions({
      onSuccess: async () => {
        await refreshQueries(queryClient, trpc.template.pathFilter());
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      open={template !== null}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() => template && remove.mutate({ organizationId, templateId: template.id })}
      title="Delete template"
      confirmLabel="Delete template"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.error}
    >
      “{template?.name}” disappears from the gallery. Projects already created from it are not affected.
    </ConfirmDialog>
  );
}
