"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/Button";
import { SelectField } from "../ui/SelectField";
import { ACTION_OPTIONS, ENTITY_TYPE_OPTIONS, type ActionFilter, type ActivityFilters as Filters, type EntityTypeFilter } from "./labels";

type ActivityFiltersProps = { projectId: string; value: Filters; onChange(next: Filters): void };

export function ActivityFilters({ projectId, value, onChange }: ActivityFiltersProps) {
  const trpc = useTRPC();
  const people = useQuery(trpc.activity.people.queryOptions({ projectId }));
  const active = Boolean(value.userId || value.entityType || value.action);
  return (
    <div role="group" aria-label="Filter activity" className="flex flex-wrap items-end gap-3">
      <SelectField
        label="Person"
        wrapperClassName="w-48"
        value={value.userId ?? ""}
        onChange={(e) => onChange({ ...value, userId: e.target.value || undefined })}
      >
        <option value="">Everyone</option>
        {people.data?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Kind"
        wrapperClassName="w-44"
        value={value.entityType ?? ""}
        onChange={(e) => onChange({ ...value, entityType: (e.target.value || undefined) as EntityTypeFilter | undefined })}
      >
        <option value="">Everything</option>
        {ENTITY_TYPE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Action"
        wrapperClassName="w-40"
        value={value.action ?? ""}
        onChange={(e) => onChange({ ...value, action: (e.target.value || undefined) as ActionFilter | undefined })}
      >
        <option value="">Any action</option>
        {ACTION_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      {active && (
        <Button variant="ghost" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
