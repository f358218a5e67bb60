"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { AnalysisProvider } from "../analysis/AnalysisProvider";
import { EditorProvider } from "../canvas/EditorProvider";
import { RunProvider } from "../runs/RunProvider";
import { FocusStepFromUrl } from "../search/FocusStepFromUrl";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Skeleton } from "../ui/Skeleton";
import { CanvasArea } from "../versions/CanvasArea";
import { VersionViewProvider } from "../versions/VersionViewContext";
import { useFullScreen } from "./FullScreen";
import { SidePanel } from "./SidePanel";
import { ToolbarArea } from "./ToolbarArea";

/** The matrix editor: toolbar above, canvas in the middle, inspector on the right (below on phones). */
export function ProjectEditor({ projectId, readOnly }: { projectId: string; readOnly: boolean }) {
  const trpc = useTRPC();
  const fullScreen = useFullScreen();
  // The editor owns the graph after the first load; live sync keeps it current from there.
  const graph = useQuery({ ...trpc.graph.get.queryOptions({ projectId }), staleTime: Infinity, refetchOnWindowFocus: false });
  if (graph.isPending) return <Skeleton className="min-h-0 w-full flex-1 rounded-xl" />;
  if (graph.error) return <ErrorAlert error={graph.error} />;
  return (
    <EditorProvider projectId={projectId} initial={graph.data} readOnly={readOnly}>
      <FocusStepFromUrl />
      <AnalysisProvider>
        <RunProvider>
          <VersionViewProvider>
            <section
              aria-label="Process matrix editor"
              data-full-screen={fullScreen.on || undefined}
              className={`flex min-h-0 flex-col overflow-hidden bg-white ${
                fullScreen.on ? "fixed inset-0 z-40" : "flex-1 rounded-xl border border-slate-200 shadow-sm"
              }`}
            >
              <ToolbarArea />
              <div className="relative flex min-h-0 flex-1 max-md:flex-col">
                <div className="relative min-w-0 flex-1">
                  <CanvasArea />
                </div>
                <SidePanel />
              </div>
            </section>
          </VersionViewProvider>
        </RunProvider>
      </AnalysisProvider>
    </EditorProvider>
  );
}
