"use client";

import { useEditorSelector } from "../canvas/editor-context";
import { detailsOf, domainCodeOf, errorMessage } from "../lib/trpc-errors";

/**
 * Why the analysis could not be computed. A dependency cycle (possible only in rows written
 * around the editor, which refuses one) names its steps, each a button that shows it on the
 * canvas so the loop can be broken; anything else is the server's message.
 */
export function AnalysisError({ error }: { error: unknown }) {
  const editor = useEditorSelector((e) => ({ focusNode: e.focusNode, nodes: e.state.nodes }));
  const details = detailsOf(error);
  const cycle =
    domainCodeOf(error) === "CYCLE_DETECTED" && Array.isArray(details?.cycle)
      ? details.cycle.filter((id): id is string => typeof id === "string")
      : [];
  if (cycle.length === 0) {
    return (
      <p className="p-4 text-sm text-red-700" role="alert">
        {errorMessage(error)}
      </p>
    );
  }
  return (
    <div className="space-y-2 p-4 text-sm" role="alert">
      <p className="font-medium text-red-700">These steps depend on each other in a circle, so no lead time can be computed.</p>
      <p className="text-slate-600">Remove or make one of the connections between them a rework loop (“Feedback to”):</p>
      <ul className="flex flex-wrap gap-1.5">
        {cycle.map((id) => (
          <li key={id}>
            <button
              type="button"
              onClick={() => editor.focusNode(id)}
              className="rounded-md bg-red-50 px-2 py-1 text-red-800 ring-1 ring-red-200 ring-inset hover:bg-red-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
            >
              {editor.nodes.get(id)?.label ?? "A deleted step"}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
