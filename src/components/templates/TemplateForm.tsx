"use client";

import { useState } from "react";
import { fieldErrorsOf } from "../lib/trpc-errors";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";
import { SelectField } from "../ui/SelectField";
import { TextAreaField } from "../ui/TextAreaField";
import { CATEGORIES, CATEGORY_LABELS, type TemplateCategory } from "./categories";

export type TemplateValues = { name: string; description: string; category: TemplateCategory; tags: string[] };

type TemplateFormProps = {
  initial: TemplateValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: TemplateValues) => void;
  onCancel: () => void;
};

const splitTags = (text: string) =>
  text
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);

/** Name, description, category and comma-separated tags of a template. */
export function TemplateForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: TemplateFormProps) {
  const [values, setValues] = useState({ ...initial, tags: initial.tags.join(", ") });
  const [nameError, setNameError] = useState<string>();
  const serverErrors = fieldErrorsOf(error);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const name = values.name.trim();
    setNameError(name ? undefined : "Name is required");
    if (name) onSubmit({ ...values, name, description: values.description.trim(), tags: splitTags(values.tags) });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field
        label="Name"
        name="name"
        value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })}
        maxLength={255}
        autoFocus
        error={nameError ?? serverErrors.name}
      />
      <TextAreaField
        label="Description"
        name="description"
        value={values.description}
        onChange={(e) => setValues({ ...values, description: e.target.value })}
        rows={3}
        hint="Optional. When should someone start from this template?"
        error={serverErrors.description}
      />
      <SelectField
        label="Category"
        name="category"
        value={values.category}
        onChange={(e) => setValues({ ...values, category: e.target.value as TemplateCategory })}
      >
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c]}
          </option>
        ))}
      </SelectField>
      <Field
        label="Tags"
        name="tags"
        value={values.tags}
        onChange={(e) => setValues({ ...values, tags: e.target.value })}
        placeholder="e.g. onboarding, finance"
        hint="Separate tags with commas."
        error={serverErrors.tags}
      />
      <ErrorAlert error={serverErrors.name ? null : error} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
