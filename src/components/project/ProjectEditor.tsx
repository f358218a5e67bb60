"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { AnalysisProvider } from "../analysis/AnalysisProvider";
import { EditorProvider } from "../canvas/EditorProvider";
import { FocusStepFromUrl } from "../search/FocusStepFromUrl";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Skeleton } from "../ui/Skeleton";
import { CanvasArea } from "../versions/CanvasArea";
import { VersionViewProvider } from "../versions/VersionViewContext";
import { SidePanel } from "./SidePanel";
import { ToolbarArea } from "./ToolbarArea";

/** The matrix editor: toolbar above, canvas in the middle, inspector on the right. */
export function ProjectEditor({ projectId, readOnly }: { projectId: string; readOnly: boolean }) {
  const trpc = useTRPC();
  // The editor owns the graph after the first load; live sync keeps it current from there.
  const graph = useQuery({ ...trpc.graph.get.queryOptions({ projectId }), staleTime: Infinity, refetchOnWindowFocus: false });
  if (graph.isPending) return <Skeleton className="h-[calc(100dvh-13rem)] min-h-[520px] w-full rounded-xl" />;
  if (graph.error) return <ErrorAlert error={graph.error} />;
  return (
    <EditorProvider projectId={projectId} initial={graph.data} readOnly={readOnly}>
      <FocusStepFromUrl />
      <AnalysisProvider>
        <VersionViewProvider>
          <section
            aria-label="Process matrix editor"
            className="flex h-[calc(100dvh-13rem)] min-h-[520px] flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
          >
            <ToolbarArea />
            <div className="flex min-h-0 flex-1">
              <div className="relative min-w-0 flex-1">
                <CanvasArea />
              </div>
              <SidePanel />
            </div>
          </section>
        </VersionViewProvider>
      </AnalysisProvider>
    </EditorProvider>
  );
}
