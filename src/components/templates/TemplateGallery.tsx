"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { can } from "~/domain/roles";
import { useTRPC } from "~/trpc/react";
import { useDebouncedValue } from "../lib/useDebouncedValue";
import { PageHeader } from "../shell/PageHeader";
import { Button } from "../ui/Button";
import { EmptyState } from "../ui/EmptyState";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Skeleton } from "../ui/Skeleton";
import { CATEGORIES, type TemplateSummary } from "./categories";
import { DeleteTemplateDialog, EditTemplateDialog } from "./ManageTemplateDialogs";
import { TemplateCard } from "./TemplateCard";
import { TemplateFilters, type Filters } from "./TemplateFilters";
import { UseTemplateDialog } from "./UseTemplateDialog";

const NO_FILTERS: Filters = { category: null, tag: null, search: "" };

export function TemplateGallery({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [using, setUsing] = useState<TemplateSummary | null>(null);
  const [editing, setEditing] = useState<TemplateSummary | null>(null);
  const [deleting, setDeleting] = useState<TemplateSummary | null>(null);
  const search = useDebouncedValue(filters.search.trim());
  // Chosen in the search palette: that template's card is marked and scrolled to.
  const highlighted = useSearchParams().get("template");
  const org = useQuery(trpc.org.get.queryOptions({ organizationId }));
  // Everything, for the category and tag choices; the filtered list is what is shown.
  const all = useQuery(trpc.template.list.queryOptions({ organizationId }));
  const shown = useQuery(
    trpc.template.list.queryOptions(
      { organizationId, category: filters.category ?? undefined, tag: filters.tag ?? undefined, search: search || undefined },
      { placeholderData: (previous) => previous },
    ),
  );
  const { categories, tags } = useMemo(() => {
    const list = all.data ?? [];
    return {
      categories: CATEGORIES.filter((c) => list.some((t) => t.category === c)),
      tags: [...new Set(list.flatMap((t) => t.tags))].sort(),
    };
  }, [all.data]);
  const manages = org.data ? can.manageOrganization(org.data.myRole) : false;
  const own = shown.data?.filter((t) => !t.builtin) ?? [];
  const builtin = shown.data?.filter((t) => t.builtin) ?? [];
  const filtered = filters.category !== null || filters.tag !== null || search !== "";
  const toggleTag = (tag: string) => setFilters({ ...filters, tag: filters.tag === tag ? null : tag });

  const grid = (list: TemplateSummary[], label: string) => (
    <ul aria-label={label} className="grid gap-5 sm:grid-cols-2 xl:grid-cols-3">
      {list.map((t) => (
        <TemplateCard
          key={t.id}
          template={t}
          highlighted={t.id === highlighted}
          activeTag={filters.tag}
          onTag={toggleTag}
          onUse={() => setUsing(t)}
          onEdit={manages && !t.builtin ? () => setEditing(t) : undefined}
          onDelete={manages && !t.builtin ? () => setDeleting(t) : undefined}
        />
      ))}
    </ul>
  );

  return (
    <>
      <PageHeader
        eyebrow={org.data?.name ?? "Organization"}
        title="Templates"
        description="Start a project from a proven process, or from one your organization saved."
      />
      <TemplateFilters filters={filters} onChange={setFilters} categories={categories} tags={tags} />
      <ErrorAlert error={shown.error} className="mb-4" />
      {shown.isPending ? (
        <div className="grid gap-5 sm:grid-cols-2 xl:grid-cols-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-80 w-full" />
          ))}
        </div>
      ) : shown.data?.length === 0 ? (
        <EmptyState
          icon="search"
          title="No templates match"
          action={
            filtered && (
              <Button variant="secondary" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </Button>
            )
          }
        >
          Try another category, tag or name.
        </EmptyState>
      ) : (
        <div className="space-y-10">
          <section aria-labelledby="own-templates">
            <h2 id="own-templates" className="mb-3 text-lg font-semibold text-slate-900">
              Your organization’s templates
            </h2>
            {own.length > 0 ? (
              grid(own, "Organization templates")
            ) : (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">
                {filtered
                  ? "None of your templates match."
                  : "None yet. Open a project and choose “Save as template” to reuse its process here."}
              </p>
            )}
          </section>
          {builtin.length > 0 && (
            <section aria-labelledby="builtin-templates">
              <h2 id="builtin-templates" className="mb-3 text-lg font-semibold text-slate-900">
                Built-in templates
              </h2>
              {grid(builtin, "Built-in templates")}
            </section>
          )}
        </div>
      )}
      <UseTemplateDialog organizationId={organizationId} template={using} onClose={() => setUsing(null)} />
      <EditTemplateDialog organizationId={organizationId} template={editing} onClose={() => setEditing(null)} />
      <DeleteTemplateDialog organizationId={organizationId} template={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
