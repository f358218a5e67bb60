"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { axisListSchema } from "~/domain/schemas";
import { useTRPC } from "~/trpc/react";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";
import { AxisListEditor, type AxisRow } from "./AxisListEditor";
import { refreshQueries } from "../lib/refresh";

type Axis = { name: string; color: string };
type AxesFormProps = { organizationId: string; departments: Axis[]; stages: Axis[]; readOnly: boolean };

const PALETTE = ["#3b82f6", "#10b981", "#f59e0b", "#8b5cf6", "#ef4444", "#14b8a6", "#64748b", "#ec4899"];

let keySeq = 0;
const toRows = (list: Axis[]): AxisRow[] => list.map((a) => ({ key: `axis-${++keySeq}`, ...a }));
const toAxes = (rows: AxisRow[]): Axis[] => rows.map(({ name, color }) => ({ name: name.trim(), color }));

function validate(rows: AxisRow[]): string | null {
  const parsed = axisListSchema.safeParse(toAxes(rows));
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Check the names and colours");
}

export function AxesForm({ organizationId, departments: savedDepartments, stages: savedStages, readOnly }: AxesFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [departments, setDepartments] = useState(() => toRows(savedDepartments));
  const [stages, setStages] = useState(() => toRows(savedStages));
  const [errors, setErrors] = useState<{ departments: string | null; stages: string | null }>({ departments: null, stages: null });
  const update = useMutation(trpc.org.update.mutationOptions({ onSuccess: () => refreshQueries(queryClient, trpc.org.get.pathFilter()) }));

  const edit = (set: (rows: AxisRow[]) => void) => (rows: AxisRow[]) => {
    set(rows);
    update.reset();
  };
  const addRow = (rows: AxisRow[], set: (rows: AxisRow[]) => void, noun: string) =>
    edit(set)([...rows, { key: `axis-${++keySeq}`, name: `New ${noun}`, color: PALETTE[rows.length % PALETTE.length]! }]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const next = { departments: validate(departments), stages: validate(stages) };
    setErrors(next);
    if (!next.departments && !next.stages) {
      update.mutate({ organizationId, departments: toAxes(departments), stages: toAxes(stages) });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="grid gap-8 lg:grid-cols-2">
        <AxisListEditor
          title="Departments (rows)"
          noun="Department"
          rows={departments}
          onChange={edit(setDepartments)}
          onAdd={() => addRow(departments, setDepartments, "department")}
          readOnly={readOnly}
          error={errors.departments}
        />
        <AxisListEditor
          title="Stages (columns)"
          noun="Stage"
          rows={stages}
          onChange={edit(setStages)}
          onAdd={() => addRow(stages, setStages, "stage")}
          readOnly={readOnly}
          error={errors.stages}
        />
      </div>
      <ErrorAlert error={update.error} className="mt-5" />
      {update.isSuccess && (
        <Alert tone="success" className="mt-5">
          Default axes saved. New projects will start with these departments and stages.
        </Alert>
      )}
      {!readOnly && (
        <Button type="submit" className="mt-5" pending={update.isPending}>
          {update.isPending ? "Saving…" : "Save axes"}
        </Button>
      )}
    </form>
  );
}
