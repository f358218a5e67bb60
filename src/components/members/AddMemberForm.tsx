"use client";

import { useId, useState } from "react";
import { emailSchema } from "~/domain/schemas";
import { roleLabel } from "../lib/format";
import { domainCodeOf, fieldForCode } from "../lib/trpc-errors";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";
import { SelectField } from "../ui/SelectField";

type AddMemberFormProps = {
  roles: readonly string[];
  defaultRole: string;
  isRoleAllowed?: (role: string) => boolean;
  pending: boolean;
  error: unknown;
  /** Resolves true when the member was added, so the form can clear itself. */
  onAdd: (email: string, role: string) => Promise<boolean>;
  hint?: string;
  title?: string;
  submitLabel?: string;
  pendingLabel?: string;
  /** What the last add did ("Invitation ready for ..."), shown under the form. */
  notice?: React.ReactNode;
};

export function AddMemberForm(props: AddMemberFormProps) {
  const { roles, defaultRole, isRoleAllowed = () => true, pending, error, onAdd, hint, notice } = props;
  const { title = "Add member", submitLabel = "Add member", pendingLabel = "Adding…" } = props;
  const headingId = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState(defaultRole);
  const [emailError, setEmailError] = useState<string | null>(null);
  // The address the last refusal was about: editing it clears the refusal from the field.
  const [sent, setSent] = useState<string | null>(null);

  const aboutEmail = fieldForCode(error, { ALREADY_MEMBER: "email" }).email;
  const refusedEmail = sent === email.trim().toLowerCase() ? aboutEmail : undefined;
  const full = domainCodeOf(error) === "LIMIT_REACHED";

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = emailSchema.safeParse(email);
    setEmailError(parsed.success ? null : (parsed.error.issues[0]?.message ?? "Enter an email address"));
    if (!parsed.success) return;
    setSent(parsed.data);
    if (await onAdd(parsed.data, role)) setEmail("");
  }

  return (
    <form aria-labelledby={headingId} onSubmit={submit} noValidate className="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      {hint && <p className="mt-0.5 text-sm text-slate-500">{hint}</p>}
      <div className="mt-3 flex flex-wrap items-start gap-3">
        <Field
          label="Email address"
          type="email"
          name="email"
          autoComplete="off"
          placeholder="colleague@company.com"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={emailError ?? refusedEmail}
          wrapperClassName="min-w-56 flex-1"
        />
        <SelectField label="Role" name="role" value={role} onChange={(e) => setRole(e.target.value)} wrapperClassName="w-40">
          {roles.map((r) => (
            <option key={r} value={r} disabled={!isRoleAllowed(r)}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" pending={pending} className="sm:mt-[26px]">
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
      {!aboutEmail && <ErrorAlert error={error} className="mt-3" />}
      {notice && !error && (
        <Alert tone="success" className="mt-3">
          {notice}
        </Alert>
      )}
      {full && <p className="mt-2 text-sm text-slate-600">To add someone, first remove a member who no longer needs access.</p>}
    </form>
  );
}
