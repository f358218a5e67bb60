"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { diffKinds, unionGraph } from "~/domain/diff";
import { formatMinutes } from "~/domain/duration";
import { useTRPC } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";
import { MatrixCanvas } from "../canvas/MatrixCanvas";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Spinner } from "../ui/Spinner";
import { ChangeList } from "./ChangeList";
import { StaticEditor } from "./StaticEditor";
import { VersionBanner } from "./VersionBanner";
import type { VersionView } from "./VersionViewContext";

/** A read-only canvas in place of the editor: one saved version, or two compared. */
export function VersionCanvas({ view }: { view: VersionView }) {
  return (
    <div className="flex h-full flex-col" data-testid="version-canvas">
      {view.kind === "view" ? <LookBack versionId={view.versionId} /> : <Compare from={view.from} to={view.to} />}
    </div>
  );
}

function Loading({ error }: { error: unknown }) {
  return (
    <>
      <VersionBanner>{error ? "Could not open this version" : "Opening version…"}</VersionBanner>
      <div className="flex flex-1 items-center justify-center p-6">{error ? <ErrorAlert error={error} /> : <Spinner />}</div>
    </>
  );
}

function LookBack({ versionId }: { versionId: string }) {
  const projectId = useEditorSelector((e) => e.projectId);
  const trpc = useTRPC();
  const version = useQuery(trpc.version.get.queryOptions({ projectId, versionId }));
  if (!version.data) return <Loading error={version.error} />;
  const v = version.data;
  return (
    <>
      <VersionBanner>
        <strong>Viewing v{v.versionNumber} (read-only)</strong>
        {v.comment && <span className="truncate text-amber-900">“{v.comment}”</span>}
        <span className="text-amber-800">
          {v.nodesCount} steps · {v.edgesCount} connections
          {v.leadTimeMinutes !== null && <> · lead time {formatMinutes(v.leadTimeMinutes)}</>}
        </span>
      </VersionBanner>
      <div className="relative min-h-0 flex-1">
        <StaticEditor projectId={projectId} graph={v.graph} revision={v.revision} diff={null}>
          <MatrixCanvas />
        </StaticEditor>
      </div>
    </>
  );
}

/** "+3 −1 steps", "no steps added or removed". */
function delta(counts: { added: number; removed: number }, noun: string): string {
  const parts = [counts.added && `+${counts.added}`, counts.removed && `−${counts.removed}`].filter(Boolean);
  return parts.length ? `${parts.join(" ")} ${noun}` : `no ${noun} added or removed`;
}

function Compare({ from, to }: { from: string; to: string | "current" }) {
  const { projectId, revision } = useEditorSelector((e) => ({ projectId: e.projectId, revision: e.revision }));
  const trpc = useTRPC();
  const comparison = useQuery(trpc.version.compare.queryOptions({ projectId, from, to }));
  const { refetch } = comparison;
  // "now" moves with every edit, by anyone.
  useEffect(() => {
    if (to === "current") void refetch();
  }, [to, revision, refetch]);
  const data = comparison.data;
  const union = useMemo(() => data && unionGraph(data.before, data.after), [data]);
  const kinds = useMemo(() => data && diffKinds(data.diff), [data]);
  if (!data || !union || !kinds) return <Loading error={comparison.error} />;

  const { counts } = data;
  const name = (side: { versionNumber: number | null }) => (side.versionNumber === null ? "now" : `v${side.versionNumber}`);
  const others = [counts.nodes.changed && `${counts.nodes.changed} changed`, counts.nodes.moved && `${counts.nodes.moved} moved`].filter(
    Boolean,
  );
  return (
    <>
      <VersionBanner>
        <strong data-testid="compare-title">
          Comparing {name(data.from)} → {name(data.to)}
        </strong>
        <span data-testid="compare-summary">
          {[
            delta(counts.nodes, "steps"),
            ...others,
            delta(counts.edges, "connections"),
            `lead time ${formatMinutes(data.from.leadTimeMinutes)} → ${formatMinutes(data.to.leadTimeMinutes)}`,
          ].join(" · ")}
        </span>
      </VersionBanner>
      <div className="flex min-h-0 flex-1">
        <StaticEditor projectId={projectId} graph={union} revision={data.to.revision} diff={kinds}>
          <div className="relative min-w-0 flex-1">
            <MatrixCanvas />
          </div>
          <ChangeList comparison={data} />
        </StaticEditor>
      </div>
    </>
  );
}
