"use client";

import { Icon } from "../../ui/Icon";
import { useEditorSelector } from "../editor-context";
import { EdgeInspector } from "./EdgeInspector";
import { InspectorHint } from "./InspectorHint";
import { MultiSelection } from "./MultiSelection";
import { NodeInspector } from "./NodeInspector";

/** Details of the selected step or connection; fills the side column it is placed in (~320px). */
export function Inspector() {
  const editor = useEditorSelector((e) => ({ readOnly: e.readOnly, selection: e.selection, state: e.state }));
  const { state, selection } = editor;
  // A selected row can vanish under us (deleted remotely or undone); show what is still there.
  const nodes = selection.nodes.filter((id) => state.nodes.has(id));
  const edges = selection.edges.filter((id) => state.edges.has(id));
  const node = nodes.length === 1 && edges.length === 0 ? state.nodes.get(nodes[0]!) : undefined;
  const edge = edges.length === 1 && nodes.length === 0 ? state.edges.get(edges[0]!) : undefined;

  return (
    <aside
      aria-label="Inspector"
      data-testid="inspector"
      // With nothing selected the hint has no control in it, so the scrolling panel itself
      // takes focus: keyboard users can still scroll it.
      tabIndex={node || edge ? undefined : 0}
      className="flex min-h-0 flex-1 flex-col overflow-y-auto bg-white focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500"
    >
      {editor.readOnly && (
        <p role="note" className="flex items-center gap-2 border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs text-slate-600">
          <Icon name="lock" className="size-3.5 shrink-0" />
          You can view this project but not edit it.
        </p>
      )}
      {node ? (
        <NodeInspector key={node.id} node={node} />
      ) : edge ? (
        <EdgeInspector key={edge.id} edge={edge} />
      ) : nodes.length + edges.length > 1 ? (
        <MultiSelection nodes={nodes} edges={edges} />
      ) : (
        <InspectorHint />
      )}
    </aside>
  );
}
