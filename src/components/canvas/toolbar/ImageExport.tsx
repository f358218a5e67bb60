"use client";

import { useQuery } from "@tanstack/react-query";
import { getNodesBounds, getViewportForBounds, type Node } from "@xyflow/react";
import { toPng, toSvg } from "html-to-image";
import { useState } from "react";
import { absolutePosition, layoutMatrix, NODE_HEIGHT, NODE_WIDTH } from "~/domain/matrix";
import { slugify } from "~/domain/schemas";
import { useTRPC } from "~/trpc/react";
import { Icon } from "../../ui/Icon";
import { Menu } from "../../ui/Menu";
import { MenuItem } from "../../ui/MenuItem";
import { useEditorSelector } from "../editor-context";
import { laneCounts, laneNodes } from "../flow-elements";

const MAX_SIDE = 4096;
const PADDING = 24;

type Format = "png" | "svg";

/**
 * "Export image": the canvas as shown (lanes, steps, connections, highlights), drawn from the
 * rendered viewport the way React Flow's download-image example does, framed to the bounds of
 * every node including the lanes rather than to the current scroll position.
 */
export function ImageExport() {
  const editor = useEditorSelector((e) => ({ projectId: e.projectId, state: e.state }));
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId: editor.projectId }));
  const [error, setError] = useState<string | null>(null);

  async function exportImage(format: Format) {
    const viewportElement = document.querySelector<HTMLElement>(".react-flow__viewport");
    if (!viewportElement) return;
    const { state } = editor;
    const layout = layoutMatrix({ departments: state.departments.values(), stages: state.stages.values(), nodes: state.nodes.values() });
    const steps: Node[] = [...state.nodes.values()].map((n) => ({
      id: n.id,
      position: absolutePosition(layout, n),
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      data: {},
    }));
    const lanes = laneNodes({ layout, counts: laneCounts(state), readOnly: true, renamingLane: null });
    const bounds = getNodesBounds([...lanes, ...steps]);
    // Full size up to a sensible pixel count; huge matrices are scaled down to fit.
    const scale = Math.min(1, MAX_SIDE / (bounds.width + 2 * PADDING), MAX_SIDE / (bounds.height + 2 * PADDING));
    const width = Math.round((bounds.width + 2 * PADDING) * scale);
    const height = Math.round((bounds.height + 2 * PADDING) * scale);
    const viewport = getViewportForBounds(bounds, width, height, 0.05, 2, `${PADDING * scale}px`);
    const options = {
      backgroundColor: "#ffffff",
      // The "Add stage/department" buttons are editing affordances, not part of the process.
      filter: (node: HTMLElement) => !node.classList?.contains("react-flow__node-addLane"),
      width,
      height,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
      },
    };
    try {
      setError(null);
      const dataUrl = format === "png" ? await toPng(viewportElement, options) : await toSvg(viewportElement, options);
      const link = document.createElement("a");
      link.download = `${slugify(project.data?.name ?? "") || "flowmatrix"}.${format}`;
      link.href = dataUrl;
      link.click();
    } catch {
      setError("The image could not be created. Please try again.");
    }
  }

  const choose = (close: () => void, format: Format) => {
    close();
    void exportImage(format);
  };

  return (
    <div className="flex items-center gap-1 border-l border-slate-200 pl-2">
      <Menu
        label="Export image"
        triggerTestId="export-image-button"
        triggerClassName="h-8 gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
        trigger={
          <>
            <span className="max-sm:sr-only">Export image</span>
            <span aria-hidden className="sm:hidden">
              Image
            </span>
            <Icon name="chevronDown" className="size-3.5 text-slate-400" />
          </>
        }
      >
        {(close) => (
          <>
            <MenuItem onSelect={() => choose(close, "png")}>PNG image</MenuItem>
            <MenuItem onSelect={() => choose(close, "svg")}>SVG image</MenuItem>
          </>
        )}
      </Menu>
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </div>
  );
}
