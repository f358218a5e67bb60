"use client";

import { Icon } from "../../ui/Icon";
import { useEditorSelector } from "../editor-context";

type EntityHeaderProps = { kind: string; title: React.ReactNode; deleteLabel: string; onDelete: () => void };

export function EntityHeader({ kind, title, deleteLabel, onDelete }: EntityHeaderProps) {
  const readOnly = useEditorSelector((e) => e.readOnly);
  return (
    <header className="flex items-start gap-2 border-b border-slate-200 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="text-xs font-medium text-slate-500">{kind}</p>
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      </div>
      {!readOnly && (
        <button
          type="button"
          onClick={onDelete}
          aria-label={deleteLabel}
          title={deleteLabel}
          className="-mr-1 rounded-md p-1.5 text-slate-400 hover:bg-red-50 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-red-500"
        >
          <Icon name="trash" className="size-4" />
        </button>
      )}
    </header>
  );
}
