"use client";

import Link from "next/link";
import { can } from "~/domain/roles";
import type { RouterOutputs } from "~/trpc/react";
import { Icon } from "../ui/Icon";
import { RoleBadge } from "../ui/RoleBadge";
import { ProjectMenu } from "./ProjectMenu";
import { ReadOnlyBadge } from "./ReadOnlyBadge";

type Project = RouterOutputs["project"]["get"];

/** One row above the editor: where the project lives, its name, your role, the project menu. */
export function ProjectHeader({ project }: { project: Project }) {
  return (
    <header className="flex min-h-11 min-w-0 items-center gap-2 py-1.5">
      <nav aria-label="Breadcrumb" className="hidden shrink-0 items-center gap-1 text-sm text-slate-600 sm:flex">
        <Link href={`/dashboard?org=${project.organization.id}`} className="max-w-40 truncate hover:text-slate-900 hover:underline">
          {project.organization.name}
        </Link>
        <Icon name="chevronRight" className="size-3.5 shrink-0 text-slate-400" />
      </nav>
      <h1 className="min-w-0 truncate text-base font-semibold text-slate-900" title={project.name}>
        {project.name}
      </h1>
      <RoleBadge role={project.myRole} />
      {!can.editGraph(project.myRole) && <ReadOnlyBadge />}
      {project.description && (
        <p className="hidden min-w-0 flex-1 truncate text-sm text-slate-600 lg:block" title={project.description}>
          {project.description}
        </p>
      )}
      <div className="ml-auto shrink-0">
        <ProjectMenu project={project} />
      </div>
    </header>
  );
}
