"use client";

import { useQuery } from "@tanstack/react-query";
import { can } from "~/domain/roles";
import { useTRPC } from "~/trpc/react";
import { isNotFound } from "../lib/trpc-errors";
import { PageHeader } from "../shell/PageHeader";
import { ProjectBreadcrumb } from "../project/ProjectBreadcrumb";
import { ProjectNotFound } from "../project/ProjectNotFound";
import { ButtonLink } from "../ui/ButtonLink";
import { EmptyState } from "../ui/EmptyState";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Section } from "../ui/Section";
import { Skeleton } from "../ui/Skeleton";
import { DangerZone } from "./DangerZone";
import { ProjectGeneralForm } from "./ProjectGeneralForm";
import { ProjectMembers } from "./ProjectMembers";

export function ProjectSettings({ projectId, currentUserId }: { projectId: string; currentUserId: string }) {
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId }));
  if (project.isPending) return <Skeleton className="h-96 w-full" />;
  if (project.error) return isNotFound(project.error) ? <ProjectNotFound /> : <ErrorAlert error={project.error} />;

  const data = project.data;
  const header = (
    <PageHeader
      eyebrow={<ProjectBreadcrumb organization={data.organization} projectId={data.id} projectName={data.name} current="Settings" />}
      title="Project settings"
    />
  );
  if (!can.manageProject(data.myRole)) {
    return (
      <>
        {header}
        <EmptyState
          icon="lock"
          title="Only project owners can change settings"
          action={<ButtonLink href={`/projects/${data.id}`}>Back to project</ButtonLink>}
        >
          Ask an owner of {data.name} if something here needs to change.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <div className="space-y-6">
        <Section id="general" title="General">
          <ProjectGeneralForm project={data} />
        </Section>
        <Section id="members" title="Members" description="Organization owners and admins can always open every project.">
          <ProjectMembers projectId={data.id} currentUserId={currentUserId} />
        </Section>
        <DangerZone project={data} />
      </div>
    </>
  );
}
