"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { signUpInput } from "~/domain/schemas";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrorsOf, fieldForCode } from "../lib/trpc-errors";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";

type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

export function SignupForm({ from }: { from: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    const parsed = signUpInput.safeParse({ name: form.get("name"), email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error).fieldErrors;
      setFieldErrors({ name: flat.name?.[0], email: flat.email?.[0], password: flat.password?.[0] });
      return;
    }
    setFieldErrors({});
    try {
      await signUp.mutateAsync(parsed.data);
    } catch (e) {
      setFieldErrors({ ...fieldErrorsOf(e), ...fieldForCode(e, { EMAIL_TAKEN: "email" }) });
      setError(errorMessage(e));
      return;
    }
    setSigningIn(true);
    const res = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
    if (!res || res.error) {
      setSigningIn(false);
      setError("Your account was created, but signing in failed. Please sign in.");
      return;
    }
    router.replace(from);
    router.refresh();
  }

  const pending = signUp.isPending || signingIn;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && !Object.values(fieldErrors).some(Boolean) && <Alert>{error}</Alert>}
      <Field label="Name" name="name" autoComplete="name" required autoFocus error={fieldErrors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="10 to 72 characters."
        error={fieldErrors.password}
      />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
