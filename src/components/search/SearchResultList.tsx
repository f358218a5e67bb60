import type { RouterOutputs } from "~/trpc/react";
import { plural, relativeTime } from "../lib/format";
import { Icon, type IconName } from "../ui/Icon";
import { Highlighted } from "./Highlighted";

type Results = RouterOutputs["search"]["query"];
type Group = "Steps" | "Projects" | "Templates";

export type PaletteResult = { key: string; group: Group; title: string; detail: string | null; context: string; href: string };

const GROUP_ICONS: Record<Group, IconName> = { Steps: "grid", Projects: "building", Templates: "archive" };

/**
 * One list in display order, so arrow keys walk steps, then projects, then templates.
 * Templates open in their organization's gallery; built-in ones in the current organization's.
 */
export function flattenResults(results: Results, currentOrgId: string | null): PaletteResult[] {
  return [
    ...results.steps.map((s) => ({
      key: `step-${s.id}`,
      group: "Steps" as const,
      title: s.label,
      detail: s.snippet,
      context: `${s.projectName} · ${s.orgName}`,
      href: `/projects/${s.projectId}?step=${s.id}`,
    })),
    ...results.projects.map((p) => ({
      key: `project-${p.id}`,
      group: "Projects" as const,
      title: p.name,
      detail: p.snippet,
      // Projects may share a name: their size and last change tell them apart.
      context: [p.orgName, plural(p.stepCount, "step"), `updated ${relativeTime(p.updatedAt)}`, p.archived && "archived"]
        .filter(Boolean)
        .join(" · "),
      href: `/projects/${p.id}`,
    })),
    ...results.templates.map((t) => ({
      key: `template-${t.id}`,
      group: "Templates" as const,
      title: t.name,
      detail: t.snippet,
      context: t.orgName ?? "Built-in template",
      href: (t.organizationId ?? currentOrgId) ? `/orgs/${t.organizationId ?? currentOrgId}/templates?template=${t.id}` : "/dashboard",
    })),
  ];
}

type ListProps = {
  id: string;
  results: PaletteResult[];
  terms: string[];
  activeIndex: number;
  onHover(index: number): void;
  onChoose(index: number): void;
};

export function SearchResultList({ id, results, terms, activeIndex, onHover, onChoose }: ListProps) {
  const groups = (["Steps", "Projects", "Templates"] as const).filter((group) => results.some((r) => r.group === group));
  return (
    <div id={id} role="listbox" aria-label="Search results">
      {groups.map((group) => (
        <div key={group} role="group" aria-labelledby={`${id}-${group}`} className="py-1">
          <div id={`${id}-${group}`} className="px-3 py-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {group}
          </div>
          {results.map((result, index) =>
            result.group !== group ? null : (
              <div
                key={result.key}
                id={`${id}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                onMouseMove={() => onHover(index)}
                onClick={() => onChoose(index)}
                className={`flex cursor-pointer items-start gap-3 rounded-lg px-3 py-2 ${index === activeIndex ? "bg-brand-50" : ""}`}
              >
                <Icon name={GROUP_ICONS[group]} className="mt-0.5 size-4 shrink-0 text-slate-400" />
                <div className="min-w-0 flex-1">
                  <div className="truncate text-sm font-medium">
                    <Highlighted text={result.title} terms={terms} />
                  </div>
                  {result.detail && (
                    <div className="line-clamp-2 text-xs text-slate-600">
                      <Highlighted text={result.detail} terms={terms} />
                    </div>
                  )}
                  <div className="truncate text-xs text-slate-600">{result.context}</div>
                </div>
              </div>
            ),
          )}
        </div>
      ))}
    </div>
  );
}
