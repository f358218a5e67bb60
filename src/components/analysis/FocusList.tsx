"use client";

import { useEditorSelector } from "../canvas/editor-context";

type Item = { nodeId: string; title: string; badge: React.ReactNode; detail: string };

/** A list of steps; choosing one centres the canvas on it and selects it. */
export function FocusList({ title, items, empty }: { title: string; items: Item[]; empty: string }) {
  const editor = useEditorSelector((e) => ({ focusNode: e.focusNode }));
  return (
    <section aria-label={title}>
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="space-y-1">
          {items.map((item) => (
            <li key={item.nodeId}>
              <button
                type="button"
                onClick={() => editor.focusNode(item.nodeId)}
                className="w-full rounded-md px-2 py-1.5 text-left hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="truncate text-sm font-medium text-slate-800">{item.title}</span>
                  {item.badge}
                </span>
                <span className="mt-0.5 block text-xs text-slate-500">{item.detail}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
