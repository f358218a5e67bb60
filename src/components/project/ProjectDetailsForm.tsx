"use client";

import { useState } from "react";
import { descriptionSchema, projectNameSchema } from "~/domain/schemas";
import { fieldErrorsOf } from "../lib/trpc-errors";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";
import { TextAreaField } from "../ui/TextAreaField";

export type ProjectDetails = { name: string; description: string };

type ProjectDetailsFormProps = {
  initial?: ProjectDetails;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ProjectDetails) => void;
  onCancel?: () => void;
  disabled?: boolean;
  autoFocus?: boolean;
};

/** Name and description, validated with the server's schemas before sending. */
export function ProjectDetailsForm(props: ProjectDetailsFormProps) {
  const { initial, submitLabel, pendingLabel, pending, error, onSubmit, onCancel, disabled, autoFocus } = props;
  const [values, setValues] = useState<ProjectDetails>(initial ?? { name: "", description: "" });
  const [errors, setErrors] = useState<Partial<ProjectDetails>>({});
  const serverErrors = fieldErrorsOf(error);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const name = projectNameSchema.safeParse(values.name);
    const description = descriptionSchema.safeParse(values.description);
    setErrors({ name: name.error?.issues[0]?.message, description: description.error?.issues[0]?.message });
    if (name.success && description.success) onSubmit({ name: name.data, description: description.data });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field
        label="Name"
        name="name"
        value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })}
        required
        maxLength={255}
        disabled={disabled}
        autoFocus={autoFocus}
        error={errors.name ?? serverErrors.name}
      />
      <TextAreaField
        label="Description"
        name="description"
        value={values.description}
        onChange={(e) => setValues({ ...values, description: e.target.value })}
        rows={4}
        disabled={disabled}
        hint="Optional. What process does this project map?"
        error={errors.description ?? serverErrors.description}
      />
      {!serverErrors.name && !serverErrors.description && <ErrorAlert error={error} />}
      {!disabled && (
        <div className="flex justify-end gap-2">
          {onCancel && (
            <Button variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" pending={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        </div>
      )}
    </form>
  );
}
