"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { avatarUrlSchema, personNameSchema } from "~/domain/schemas";
import { useTRPC } from "~/trpc/react";
import { fieldErrorsOf } from "../lib/trpc-errors";
import { Alert } from "../ui/Alert";
import { Avatar } from "../ui/Avatar";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";
import { refreshQueries } from "../lib/refresh";

type ProfileFormProps = { user: { name: string; email: string; avatarUrl: string | null } };

export function ProfileForm({ user }: ProfileFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [avatarUrl, setAvatarUrl] = useState(user.avatarUrl ?? "");
  const [errors, setErrors] = useState<{ name?: string; avatarUrl?: string }>({});
  const update = useMutation(
    trpc.user.updateProfile.mutationOptions({ onSuccess: () => refreshQueries(queryClient, trpc.user.me.pathFilter()) }),
  );
  const serverErrors = fieldErrorsOf(update.error);
  const previewUrl = avatarUrlSchema.safeParse(avatarUrl.trim()).data ?? null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsedName = personNameSchema.safeParse(name);
    const parsedUrl = avatarUrlSchema.safeParse(avatarUrl.trim());
    setErrors({ name: parsedName.error?.issues[0]?.message, avatarUrl: parsedUrl.error?.issues[0]?.message });
    if (parsedName.success && parsedUrl.success) update.mutate({ name: parsedName.data, avatarUrl: avatarUrl.trim() });
  }

  const edit = (set: (value: string) => void) => (event: React.ChangeEvent<HTMLInputElement>) => {
    set(event.target.value);
    update.reset();
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="flex items-center gap-4">
        <Avatar name={name || user.name} url={previewUrl} size={64} />
        <div className="min-w-0 text-sm">
          <p className="font-medium text-slate-900">{name || user.name}</p>
          <p className="text-slate-500">{user.email}</p>
        </div>
      </div>
      <Field
        label="Name"
        value={name}
        onChange={edit(setName)}
        autoComplete="name"
        error={errors.name ?? serverErrors.name}
        wrapperClassName="max-w-md"
      />
      <Field
        label="Avatar URL"
        type="url"
        value={avatarUrl}
        onChange={edit(setAvatarUrl)}
        placeholder="https://…"
        hint="A link to a square image. Leave empty to show your initials."
        error={errors.avatarUrl ?? serverErrors.avatarUrl}
        wrapperClassName="max-w-md"
      />
      {!serverErrors.name && !serverErrors.avatarUrl && <ErrorAlert error={update.error} />}
      {update.isSuccess && <Alert tone="success">Profile saved.</Alert>}
      <Button type="submit" pending={update.isPending}>
        {update.isPending ? "Saving…" : "Save profile"}
      </Button>
    </form>
  );
}
