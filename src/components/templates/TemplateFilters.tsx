"use client";

import { SearchField } from "../ui/SearchField";
import { CATEGORY_LABELS, type TemplateCategory } from "./categories";

export type Filters = { category: TemplateCategory | null; tag: string | null; search: string };

type TemplateFiltersProps = {
  filters: Filters;
  onChange: (filters: Filters) => void;
  categories: TemplateCategory[];
  tags: string[];
};

const chip = (active: boolean) =>
  `rounded-full px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500 ${
    active ? "bg-brand-600 text-white shadow-sm" : "bg-white text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50"
  }`;

export function TemplateFilters({ filters, onChange, categories, tags }: TemplateFiltersProps) {
  return (
    <div role="search" className="mb-6 space-y-4">
      <SearchField
        label="Search templates"
        value={filters.search}
        onChange={(search) => onChange({ ...filters, search })}
        placeholder="Search by name…"
        className="max-w-sm"
      />
      <div role="group" aria-label="Category" className="flex flex-wrap gap-2">
        <button
          type="button"
          aria-pressed={filters.category === null}
          className={chip(filters.category === null)}
          onClick={() => onChange({ ...filters, category: null })}
        >
          All
        </button>
        {categories.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={filters.category === c}
            className={chip(filters.category === c)}
            onClick={() => onChange({ ...filters, category: c })}
          >
            {CATEGORY_LABELS[c]}
          </button>
        ))}
      </div>
      {tags.length > 0 && (
        <div role="group" aria-label="Tags" className="flex flex-wrap items-center gap-1.5">
          <span className="mr-1 text-xs font-medium tracking-wide text-slate-500 uppercase">Tags</span>
          {tags.map((tag) => {
            const active = filters.tag === tag;
            return (
              <button
                key={tag}
                type="button"
                aria-pressed={active}
                onClick={() => onChange({ ...filters, tag: active ? null : tag })}
                className={`rounded-full px-2 py-0.5 text-xs font-medium focus-visible:outline-2 focus-visible:outline-brand-500 ${
                  active ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-600 hover:bg-slate-200"
                }`}
              >
                #{tag}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
