"use client";

import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
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

const subscribe = () => () => {};

/**
 * The page hands the project and (when small) its graph to the browser's cache with the HTML
 * (src/trpc/prefetch.tsx), so right after hydration the editor renders from it with no
 * request. The first render in the browser matches the server's skeleton, as hydration needs.
 */
export function ProjectView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const project = useQuery(trpc.project.get.queryOptions({ projectId }));
  if (!hydrated || project.isPending) return <ProjectSkeleton />;
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
