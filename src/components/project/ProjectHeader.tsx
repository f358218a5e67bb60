"use client";

import { useState } from "react";
import { can } from "~/domain/roles";
import type { RouterOutputs } from "~/trpc/react";
import { SaveAsTemplateButton } from "../templates/SaveAsTemplateButton";
import { ExportMenu } from "../transfer/ExportMenu";
import { Button } from "../ui/Button";
import { ButtonLink } from "../ui/ButtonLink";
import { Icon } from "../ui/Icon";
import { RoleBadge } from "../ui/RoleBadge";
import { EditProjectDialog } from "./EditProjectDialog";
import { ProjectBreadcrumb } from "./ProjectBreadcrumb";
import { ReadOnlyBadge } from "./ReadOnlyBadge";

type Project = RouterOutputs["project"]["get"];

export function ProjectHeader({ project }: { project: Project }) {
  const [editing, setEditing] = useState(false);
  const editable = can.editGraph(project.myRole);
  return (
    <header className="mb-4">
      <ProjectBreadcrumb organization={project.organization} projectId={project.id} projectName={project.name} />
      <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{project.name}</h1>
            <RoleBadge role={project.myRole} />
            {!editable && <ReadOnlyBadge />}
          </div>
          {project.description && <p className="mt-1 max-w-3xl text-sm text-slate-600">{project.description}</p>}
        </div>
        <div className="flex gap-2">
          <ButtonLink href={`/projects/${project.id}/activity`}>
            <Icon name="restore" />
            Activity
          </ButtonLink>
          {editable && (
            <Button variant="secondary" onClick={() => setEditing(true)} data-testid="edit-project-button">
              <Icon name="pencil" />
              Edit details
            </Button>
          )}
          <SaveAsTemplateButton project={project} />
          <ExportMenu projectId={project.id} role={project.myRole} />
          {can.manageProject(project.myRole) && (
            <ButtonLink href={`/projects/${project.id}/settings`} data-testid="project-settings-link">
              <Icon name="settings" />
              Settings
            </ButtonLink>
          )}
        </div>
      </div>
      {editable && <EditProjectDialog project={project} open={editing} onClose={() => setEditing(false)} />}
    </header>
  );
}
