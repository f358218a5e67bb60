"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { passwordSchema } from "~/domain/schemas";
import { useTRPC } from "~/trpc/react";
import { fieldForCode } from "../lib/trpc-errors";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";

type Errors = { currentPassword?: string; newPassword?: string; confirm?: string };

export function PasswordForm() {
  const trpc = useTRPC();
  const change = useMutation(trpc.user.changePassword.mutationOptions());
  const [errors, setErrors] = useState<Errors>({});
  const refused = fieldForCode(change.error, { WRONG_PASSWORD: "currentPassword" });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    const next: Errors = {
      currentPassword: currentPassword ? undefined : "Enter your current password",
      newPassword: passwordSchema.safeParse(newPassword).error?.issues[0]?.message,
      confirm: newPassword === String(data.get("confirm") ?? "") ? undefined : "The new passwords do not match",
    };
    setErrors(next);
    change.reset();
    if (Object.values(next).some(Boolean)) return;
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => form.reset() });
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-md space-y-4">
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword ?? refused.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="10 to 72 characters."
        error={errors.newPassword}
      />
      <Field label="Confirm new password" name="confirm" type="password" autoComplete="new-password" error={errors.confirm} />
      {!refused.currentPassword && <ErrorAlert error={change.error} />}
      {change.isSuccess && <Alert tone="success">Password changed. Your sessions on other devices have ended.</Alert>}
      <Button type="submit" pending={change.isPending}>
        {change.isPending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
