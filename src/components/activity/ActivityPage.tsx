"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { can } from "~/domain/roles";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { isNotFound } from "../lib/trpc-errors";
import { ProjectBreadcrumb } from "../project/ProjectBreadcrumb";
import { ProjectNotFound } from "../project/ProjectNotFound";
import { PageHeader } from "../shell/PageHeader";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Skeleton } from "../ui/Skeleton";
import { ActivityFeed } from "./ActivityFeed";
import { ActivityFilters } from "./ActivityFilters";
import { ExportCsvButton } from "./ExportCsvButton";
import type { ActivityFilters as Filters } from "./labels";
import { useLiveActivity } from "./useLiveActivity";

export function ActivityPage({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId }));
  if (project.isPending) return <Skeleton className="h-96 w-full" />;
  if (project.error) return isNotFound(project.error) ? <ProjectNotFound /> : <ErrorAlert error={project.error} />;
  return <LoadedActivityPage project={project.data} />;
}

function LoadedActivityPage({ project }: { project: RouterOutputs["project"]["get"] }) {
  const [filters, setFilters] = useState<Filters>({});
  useLiveActivity(project.id, project.revision);
  return (
    <>
      <PageHeader
        eyebrow={
          <ProjectBreadcrumb organization={project.organization} projectId={project.id} projectName={project.name} current="Activity" />
        }
        title="Activity"
        description="Every change to this project, newest first."
        actions={can.editGraph(project.myRole) && <ExportCsvButton projectId={project.id} filters={filters} />}
      />
      <div className="space-y-4">
        <ActivityFilters projectId={project.id} value={filters} onChange={setFilters} />
        <ActivityFeed projectId={project.id} filters={filters} onClearFilters={() => setFilters({})} />
      </div>
    </>
  );
}
