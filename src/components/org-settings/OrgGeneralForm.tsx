"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { orgNameSchema } from "~/domain/schemas";
import { useTRPC } from "~/trpc/react";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";
import { refreshQueries } from "../lib/refresh";

type OrgGeneralFormProps = { organizationId: string; name: string; themeColor: string; readOnly: boolean };

export function OrgGeneralForm({ organizationId, name: savedName, themeColor: savedColor, readOnly }: OrgGeneralFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(savedName);
  const [themeColor, setThemeColor] = useState(savedColor);
  const [nameError, setNameError] = useState<string | null>(null);
  const update = useMutation(
    trpc.org.update.mutationOptions({
      onSuccess: () =>
        Promise.all([refreshQueries(queryClient, trpc.org.get.pathFilter()), refreshQueries(queryClient, trpc.org.list.pathFilter())]),
    }),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = orgNameSchema.safeParse(name);
    setNameError(parsed.success ? null : (parsed.error.issues[0]?.message ?? "Enter a name"));
    if (parsed.success) update.mutate({ organizationId, name: parsed.data, themeColor });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field
        label="Organization name"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          update.reset();
        }}
        disabled={readOnly}
        error={nameError}
        wrapperClassName="max-w-md"
      />
      <div className="flex items-end gap-3">
        <Field
          label="Theme colour"
          type="color"
          value={themeColor}
          onChange={(e) => {
            setThemeColor(e.target.value);
            update.reset();
          }}
          disabled={readOnly}
          className="h-10 w-16 cursor-pointer p-1"
        />
        <span className="pb-2.5 font-mono text-sm text-slate-500">{themeColor}</span>
      </div>
      <ErrorAlert error={update.error} />
      {update.isSuccess && <Alert tone="success">Organization details saved.</Alert>}
      {!readOnly && (
        <Button type="submit" pending={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </Button>
      )}
    </form>
  );
}
