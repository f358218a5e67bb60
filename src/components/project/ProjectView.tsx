"use client";

import { useQuery } from "@tanstack/react-query";
import { can } from "~/domain/roles";
import { useTRPC } from "~/trpc/react";
import { isNotFound } from "../lib/trpc-errors";
import { ErrorAlert } from "../ui/ErrorAlert";
import { ArchivedBanner } from "./ArchivedBanner";
import { FullScreenProvider } from "./FullScreen";
import { ProjectEditor } from "./ProjectEditor";
import { ProjectHeader } from "./ProjectHeader";
import { ProjectNotFound } from "./ProjectNotFound";
import { ProjectSkeleton } from "./ProjectSkeleton";

export function ProjectView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId }));
  if (project.isPending) return <ProjectSkeleton />;
  if (project.error) return isNotFound(project.error) ? <ProjectNotFound /> : <ErrorAlert error={project.error} />;

  const data = project.data;
  return (
    <FullScreenProvider>
      <ProjectHeader project={data} />
      {data.status === "ARCHIVED" && <ArchivedBanner canUnarchive={data.myRole === "OWNER"} projectId={data.id} />}
      <ProjectEditor projectId={data.id} readOnly={!can.editGraph(data.myRole) || data.status === "ARCHIVED"} />
    </FullScreenProvider>
  );
}
