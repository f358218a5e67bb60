"use client";

import { useEffect, useRef } from "react";
import { formatMinutes } from "~/domain/duration";
import { plural } from "../lib/format";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { Icon } from "../ui/Icon";
import { CATEGORY_LABELS, type TemplateSummary } from "./categories";
import { TemplatePreview } from "./TemplatePreview";

type TemplateCardProps = {
  template: TemplateSummary;
  /** The one asked for by the address (?template=): ringed and scrolled into view. */
  highlighted?: boolean;
  activeTag: string | null;
  onTag: (tag: string) => void;
  onUse: () => void;
  /** Present for the organization's own templates when the viewer may manage them. */
  onEdit?: () => void;
  onDelete?: () => void;
};

export function TemplateCard({ template, highlighted = false, activeTag, onTag, onUse, onEdit, onDelete }: TemplateCardProps) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: "center" });
  }, [highlighted]);
  return (
    <li
      ref={ref}
      data-testid="template-card"
      aria-label={template.name}
      aria-current={highlighted || undefined}
      className={`flex flex-col overflow-hidden rounded-lg border bg-white shadow-sm ${
        highlighted ? "border-brand-500 ring-2 ring-brand-500 ring-offset-2" : "border-slate-200"
      }`}
    >
      <div className="h-48 overflow-hidden border-b border-slate-100 bg-slate-50 p-2">
        <TemplatePreview preview={template.preview} title={template.name} />
      </div>
      <div className="flex flex-1 flex-col p-4">
        <div className="flex items-start justify-between gap-2">
          <h3 className="font-semibold text-slate-900">{template.name}</h3>
          <Badge tone={template.builtin ? "brand" : "violet"} className="shrink-0">
            {CATEGORY_LABELS[template.category]}
          </Badge>
        </div>
        {template.description && <p className="mt-1 line-clamp-3 text-sm text-slate-600">{template.description}</p>}
        <p className="mt-2 text-xs text-slate-500">
          {plural(template.stepCount, "step")} · lead time {formatMinutes(template.leadTimeMinutes)} · used{" "}
          {plural(template.usageCount, "time")}
        </p>
        {template.tags.length > 0 && (
          <ul className="mt-3 flex flex-wrap gap-1" aria-label="Tags">
            {template.tags.map((tag) => (
              <li key={tag}>
                <button
                  type="button"
                  onClick={() => onTag(tag)}
                  aria-pressed={activeTag === tag}
                  className={`rounded-full px-2 py-0.5 text-xs font-medium focus-visible:outline-2 focus-visible:outline-brand-500 ${
                    activeTag === tag ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-600 hover:bg-slate-200"
                  }`}
                >
                  #{tag}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-auto flex items-center gap-2 pt-4">
          <Button size="sm" onClick={onUse}>
            Use template
          </Button>
          {onEdit && (
            <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${template.name}`} className="ml-auto">
              <Icon name="pencil" className="size-4" />
            </Button>
          )}
          {onDelete && (
            <Button size="sm" variant="dangerGhost" onClick={onDelete} aria-label={`Delete ${template.name}`}>
              <Icon name="trash" className="size-4" />
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}
