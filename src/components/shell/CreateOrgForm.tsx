"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { orgNameSchema } from "~/domain/schemas";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";
import { refreshQueries } from "../lib/refresh";

type CreateOrgFormProps = { onCreated?: () => void; onCancel?: () => void; autoFocus?: boolean };

/** Creates an organization and switches the dashboard to it. */
export function CreateOrgForm({ onCreated, onCancel, autoFocus }: CreateOrgFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useMutation(
    trpc.org.create.mutationOptions({
      onSuccess: async (org) => {
        await refreshQueries(queryClient, trpc.org.list.pathFilter());
        onCreated?.();
        router.push(`/dashboard?org=${org.id}`);
      },
    }),
  );

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = orgNameSchema.safeParse(name);
    setNameError(parsed.success ? null : (parsed.error.issues[0]?.message ?? "Enter a name"));
    if (parsed.success) create.mutate({ name: parsed.data });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field
        label="Organization name"
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="Acme Inc."
        autoComplete="organization"
        autoFocus={autoFocus}
        error={nameError}
        hint="You can rename it later in the organization settings."
      />
      <ErrorAlert error={create.error} />
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" pending={create.isPending}>
          {create.isPending ? "Creating…" : "Create organization"}
        </Button>
      </div>
    </form>
  );
}
