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

type OrgGeneralFormProps = { organizationId: string; name: string; themeColor: string; trashRetentionDays: number; readOnly: boolean };

export function OrgGeneralForm({
  organizationId,
  name: savedName,
  themeColor: savedColor,
  trashRetentionDays: savedDays,
  readOnly,
}: OrgGeneralFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(savedName);
  const [themeColor, setThemeColor] = useState(savedColor);
  const [nameError, setNameError] = useState<string | null>(null);
  const [days, setDays] = useState(String(savedDays));
  const [daysError, setDaysError] = useState<string | null>(null);
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
    const retention = Number(days);
    const daysOk = /^\d+$/.test(days.trim()) && retention >= 1 && retention <= 3650;
    setDaysError(daysOk ? null : "Enter a whole number of days from 1 to 3650");
    if (parsed.success && daysOk) update.mutate({ organizationId, name: parsed.data, themeColor, trashRetentionDays: retention });
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
      <Field
        label="Days deleted projects stay in the trash"
        hint="After this, a deleted project and its history are removed for good."
        type="number"
        inputMode="numeric"
        min={1}
        max={3650}
        value={days}
        onChange={(e) => {
          setDays(e.target.value);
          update.reset();
        }}
        disabled={readOnly}
        error={daysError}
        wrapperClassName="max-w-xs"
      />
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
