"use client";

import { SearchField } from "../ui/SearchField";
import { SelectField } from "../ui/SelectField";

export type ProjectFilters = {
  sort: "updated" | "created" | "name";
  status: "ACTIVE" | "ARCHIVED" | "ALL";
  search: string;
};

type ProjectToolbarProps = { filters: ProjectFilters; onChange: (filters: ProjectFilters) => void };

export function ProjectToolbar({ filters, onChange }: ProjectToolbarProps) {
  return (
    <div role="search" className="mb-6 flex flex-wrap items-end gap-3">
      <SearchField
        label="Search projects"
        value={filters.search}
        onChange={(search) => onChange({ ...filters, search })}
        placeholder="Search projects…"
        className="min-w-56 flex-1 sm:max-w-sm"
      />
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
