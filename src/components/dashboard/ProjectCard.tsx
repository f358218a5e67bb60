import Link from "next/link";
import type { RouterOutputs } from "~/trpc/react";
import { absoluteTime, plural, relativeTime } from "../lib/format";
import { Badge } from "../ui/Badge";
import { Card } from "../ui/Card";
import { RoleBadge } from "../ui/RoleBadge";
import { ProgressBar } from "./ProgressBar";
import { ProjectCardMenu } from "./ProjectCardMenu";

type Project = RouterOutputs["project"]["list"]["items"][number];

export function ProjectCard({ project }: { project: Project }) {
  return (
    <Card
      data-testid="project-card"
      className="relative flex w-full flex-col p-5 transition-shadow focus-within:ring-2 focus-within:ring-brand-500 hover:border-slate-300 hover:shadow-md"
    >
      <div className="flex items-start justify-between gap-3">
        <h2 className="min-w-0 text-base font-semibold text-slate-900">
          {/* The link stretches over the whole card so it is one big target. */}
          <Link href={`/projects/${project.id}`} className="break-words after:absolute after:inset-0 focus:outline-none">
            {project.name}
          </Link>
        </h2>
        <div className="flex shrink-0 items-center gap-1.5">
          {project.status === "ARCHIVED" && <Badge tone="amber">Archived</Badge>}
          <RoleBadge role={project.myRole} />
          <ProjectCardMenu project={project} />
        </div>
      </div>
      <p className={`mt-2 line-clamp-2 min-h-10 text-sm ${project.description ? "text-slate-600" : "text-slate-500 italic"}`}>
        {project.description || "No description"}
      </p>
      <p className="mt-4 text-sm text-slate-600 tabular-nums">
        {plural(project.nodesCount, "step")} · {plural(project.edgesCount, "connection")}
      </p>
      <ProgressBar percent={project.completedPercent} className="mt-3" />
      <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-500">
        Updated{" "}
        <time dateTime={project.updatedAt.toISOString()} title={absoluteTime(project.updatedAt)}>
          {relativeTime(project.updatedAt)}
        </time>
      </p>
    </Card>
  );
}
