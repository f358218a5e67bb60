"use client";

import { useId } from "react";
import { inputClass, labelClass } from "../ui/field-styles";
import { Icon } from "../ui/Icon";
import { SelectField } from "../ui/SelectField";

export type ProjectFilters = {
  sort: "updated" | "created" | "name";
  status: "ACTIVE" | "ARCHIVED" | "ALL";
  search: string;
};

type ProjectToolbarProps = { filters: ProjectFilters; onChange: (filters: ProjectFilters) => void };

export function ProjectToolbar({ filters, onChange }: ProjectToolbarProps) {
  const searchId = useId();
  return (
    <div role="search" className="mb-6 flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1 space-y-1.5 sm:max-w-sm">
        <label htmlFor={searchId} className={labelClass}>
          Search projects
        </label>
        <div className="relative">
          <Icon name="search" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
          <input
            id={searchId}
            type="search"
            value={filters.search}
            onChange={(e) => onChange({ ...filters, search: e.target.value })}
            placeholder="Search projects…"
            className={`${inputClass} pl-9`}
          />
        </div>
      </div>
      <SelectField
        label="Sort by"
        wrapperClassName="w-48"
        value={filters.sort}
        onChange={(e) => onChange({ ...filters, sort: e.target.value as ProjectFilters["sort"] })}
      >
        <option value="updated">Recently updated</option>
        <option value="created">Recently created</option>
        <option value="name">Name</option>
      </SelectField>
      <SelectField
        label="Status"
        wrapperClassName="w-36"
        value={filters.status}
        onChange={(e) => onChange({ ...filters, status: e.target.value as ProjectFilters["status"] })}
      >
        <option value="ACTIVE">Active</option>
        <option value="ARCHIVED">Archived</option>
        <option value="ALL">All</option>
      </SelectField>
    </div>
  );
}
