"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/Button";
import { EmptyState } from "../ui/EmptyState";
import { ErrorAlert } from "../ui/ErrorAlert";
import { ProjectCard } from "./ProjectCard";
import { ProjectCardSkeleton } from "./ProjectCardSkeleton";
import type { ProjectFilters } from "./ProjectToolbar";

type ProjectGridProps = Omit<ProjectFilters, "search"> & {
  organizationId: string;
  search: string;
  emptyAction: React.ReactNode;
};

const GRID = "grid gap-4 sm:grid-cols-2 lg:grid-cols-3";

export function ProjectGrid({ organizationId, sort, status, search, emptyAction }: ProjectGridProps) {
  const trpc = useTRPC();
  const projects = useInfiniteQuery(
    trpc.project.list.infiniteQueryOptions(
      { organizationId, sort, status, search: search || undefined, limit: 12 },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );

  if (projects.isPending) {
    return (
      <div className={GRID} aria-busy="true" aria-label="Loading projects">
        {Array.from({ length: 6 }, (_, i) => (
          <ProjectCardSkeleton key={i} />
        ))}
      </div>
    );
  }
  if (projects.error) return <ErrorAlert error={projects.error} />;

  const items = projects.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    if (search) {
      return (
        <EmptyState icon="search" title="No matching projects">
          Nothing matches “{search}”. Try another search or status.
        </EmptyState>
      );
    }
    if (status === "ARCHIVED") {
      return (
        <EmptyState icon="archive" title="No archived projects">
          Projects you archive are kept here for reference.
        </EmptyState>
      );
    }
    return (
      <EmptyState title="No projects yet" action={emptyAction}>
        Create a project to map a process across your departments and stages.
      </EmptyState>
    );
  }

  return (
    <>
      <ul className={GRID} aria-label="Projects">
        {items.map((project) => (
          <li key={project.id} className="flex">
            <ProjectCard project={project} />
          </li>
        ))}
      </ul>
      {projects.hasNextPage && (
        <div className="mt-8 flex justify-center">
          <Button variant="secondary" onClick={() => void projects.fetchNextPage()} pending={projects.isFetchingNextPage}>
            {projects.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </>
  );
}
