"use client";

import { useState } from "react";
import { can } from "~/domain/roles";
import type { RouterOutputs } from "~/trpc/react";
import { plural } from "../lib/format";
import { useDebouncedValue } from "../lib/useDebouncedValue";
import { PageHeader } from "../shell/PageHeader";
import { Button } from "../ui/Button";
import { ButtonLink } from "../ui/ButtonLink";
import { Icon } from "../ui/Icon";
import { RoleBadge } from "../ui/RoleBadge";
import { ImportButton } from "../transfer/ImportButton";
import { NewProjectDialog } from "./NewProjectDialog";
import { ProjectGrid } from "./ProjectGrid";
import { ProjectToolbar, type ProjectFilters } from "./ProjectToolbar";

type Org = RouterOutputs["org"]["list"][number];

/** "5 active, 1 archived", or "5 projects" when none is archived (the list shows active ones by default). */
export function projectCounts(total: number, archived: number) {
  return archived > 0 ? `${total - archived} active, ${archived} archived` : plural(total, "project");
}

export function OrgDashboard({ org }: { org: Org }) {
  const [filters, setFilters] = useState<ProjectFilters>({ sort: "updated", status: "ACTIVE", search: "" });
  const [creating, setCreating] = useState(false);
  const search = useDebouncedValue(filters.search.trim());

  const openDialog = () => setCreating(true);

  return (
    <>
      <PageHeader
        eyebrow={
          <span className="inline-flex items-center gap-2">
            <span aria-hidden="true" className="h-3 w-1 rounded-full" style={{ background: org.themeColor }} />
            Organization
            <RoleBadge role={org.myRole} />
          </span>
        }
        title={org.name}
        description={
          // Members only see the projects shared with them, so the organization total would mislead.
          can.manageOrganization(org.myRole)
            ? `${projectCounts(org.projectCount, org.archivedCount)} · ${plural(org.memberCount, "member")}`
            : plural(org.memberCount, "member")
        }
        actions={
          <>
            <ButtonLink href={`/orgs/${org.id}/templates`} data-testid="start-from-template">
              <Icon name="grid" />
              Start from a template
            </ButtonLink>
            <ImportButton organizationId={org.id} />
            <Button onClick={openDialog}>
              <Icon name="plus" />
              New project
            </Button>
          </>
        }
      />
      <ProjectToolbar filters={filters} onChange={setFilters} />
      <ProjectGrid
        organizationId={org.id}
        sort={filters.sort}
        status={filters.status}
        search={search}
        emptyAction={
          <Button onClick={openDialog}>
            <Icon name="plus" />
            Create your first project
          </Button>
        }
      />
      <NewProjectDialog organizationId={org.id} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
