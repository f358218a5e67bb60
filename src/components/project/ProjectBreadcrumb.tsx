import Link from "next/link";
import { Icon } from "../ui/Icon";

type ProjectBreadcrumbProps = {
  organization: { id: string; name: string };
  projectId: string;
  projectName: string;
  current?: string;
};

export function ProjectBreadcrumb({ organization, projectId, projectName, current }: ProjectBreadcrumbProps) {
  const crumbs = [
    { label: organization.name, href: `/dashboard?org=${organization.id}` },
    { label: projectName, href: current ? `/projects/${projectId}` : undefined },
    ...(current ? [{ label: current, href: undefined }] : []),
  ];
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-500">
        {crumbs.map((crumb, i) => (
          <li key={i} className="flex min-w-0 items-center gap-1">
            {i > 0 && <Icon name="chevronRight" className="size-3.5 shrink-0 text-slate-300" />}
            {crumb.href ? (
              <Link href={crumb.href} className="truncate hover:text-slate-900 hover:underline">
                {crumb.label}
              </Link>
            ) : (
              <span aria-current="page" className="truncate font-medium text-slate-700">
                {crumb.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
