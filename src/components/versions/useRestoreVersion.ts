"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { diffGraphs, isEmptyDiff, restoreOps } from "~/domain/diff";
import { toSnapshot, type GraphSnapshot } from "~/domain/graph";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";
import { errorMessage } from "../lib/trpc-errors";
import { useLatest } from "../lib/useStableCallback";
import { refreshQueries } from "../lib/refresh";

type Pending = { versionId: string; target: GraphSnapshot; sawSaving: boolean };

/**
 * Restores a version through the editor, so it is one undo step like any edit: the server
 * first snapshots the graph ("Before restoring vN"), then the restore batch, computed from
 * the graph on screen, goes through the editor store (optimistic, compare-and-set, live
 * synced), and once the server has it a "Restored from vN" version closes it. If the batch
 * is refused (someone changed a step in between) the store says why and no closing version
 * is written.
 */
export function useRestoreVersion() {
  const editor = useEditorSelector((e) => ({ apply: e.apply, projectId: e.projectId, saveStatus: e.saveStatus, state: e.state }));
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { projectId } = editor;
  // The restore awaits the server in between, then must act on the graph as it is by then.
  const latest = useLatest(editor);
  const pending = useRef<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => refreshQueries(queryClient, trpc.version.pathFilter());

  const restore = async (versionId: string): Promise<boolean> => {
    setError(null);
    if (latest.current.saveStatus !== "saved") {
      setError("Your last edits are still being saved. Try again in a moment.");
      return false;
    }
    setBusy(true);
    try {
      const version = await queryClient.fetchQuery(trpc.version.get.queryOptions({ projectId, versionId }));
      if (restoreOps(toSnapshot(latest.current.state), version.graph).length === 0) {
        setError(`The graph already is v${version.versionNumber}.`);
        return false;
      }
      await client.version.prepareRestore.mutate({ projectId, versionId });
      void refresh();
      const failed = latest.current.apply(restoreOps(toSnapshot(latest.current.state), version.graph));
      if (failed) {
        setError(failed.message);
        return false;
      }
      pending.current = { versionId, target: version.graph, sawSaving: false };
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const { saveStatus, state } = editor;
  useEffect(() => {
    const restoring = pending.current;
    if (!restoring) return;
    if (saveStatus !== "saved") {
      restoring.sawSaving = true;
      return;
    }
    const landed = isEmptyDiff(diffGraphs(toSnapshot(state), restoring.target));
    if (!landed && !restoring.sawSaving) return;
    pending.current = null;
    if (!landed) return;
    client.version.save
      .mutate({ projectId, restoredFrom: restoring.versionId })
      .then(() => refreshQueries(queryClient, trpc.version.pathFilter()))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [saveStatus, state, client, projectId, queryClient, trpc]);

  return { restore, busy, error, clearError: () => setError(null) };
}
