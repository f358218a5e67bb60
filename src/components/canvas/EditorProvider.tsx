"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTRPCClient } from "~/trpc/react";
import { EditorContext, mappedSource, type EditorSource } from "./editor-context";
import { EditorStore, type GraphPayload } from "./editor-store";
import { classifySendError } from "./transport";
import { refreshQueries } from "../lib/refresh";

const noEdit = () => null;

/** One editor per project page: the store, its transport over tRPC, and live sync. */
export function EditorProvider({
  projectId,
  initial,
  readOnly,
  children,
}: {
  projectId: string;
  initial: GraphPayload;
  readOnly: boolean;
  children: React.ReactNode;
}) {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [store] = useState(
    () =>
      new EditorStore(initial, {
        send: (batch) => client.graph.applyOps.mutate({ projectId, ...batch }),
        load: () => client.graph.get.query({ projectId }),
        discard: (entryIds) => client.graph.discardHistory.mutate({ projectId, entryIds }),
        classify: classifySendError,
        newId: () => crypto.randomUUID(),
      }),
  );

  useEffect(() => {
    const tab = crypto.randomUUID();
    const subscription = client.graph.onChange.subscribe(
      { projectId, since: store.getSnapshot().revision, tab },
      {
        onData({ data: event }) {
          // Query keys start with the router name, so a topic invalidates all of its queries.
          const refresh = (topic: string) => void refreshQueries(queryClient, { queryKey: [[topic]] });
          if (event.type === "batch") {
            store.receive(event.batch);
            refresh("activity");
          } else if (event.type === "reload") void store.reload();
          else if (event.type === "viewers") store.setViewers(event.viewers);
          else {
            refresh(event.topic === "comments" ? "comment" : event.topic === "versions" ? "version" : "activity");
            if (event.topic === "comments") void store.reloadFacts();
          }
        },
      },
    );
    return () => subscription.unsubscribe();
  }, [client, projectId, queryClient, store]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (store.hasUnsavedChanges) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    const online = () => store.retry();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("online", online);
      store.dispose();
    };
  }, [store]);

  // Components read it through selectors, so each re-renders only for the parts it reads.
  const source = useMemo<EditorSource>(
    () =>
      mappedSource(store, (snap) => ({
        projectId,
        state: snap.state,
        facts: snap.facts,
        readOnly,
        selection: snap.selection,
        setSelection: store.setSelection,
        apply: readOnly ? noEdit : store.apply,
        undo: store.undo,
        redo: store.redo,
        canUndo: !readOnly && snap.canUndo,
        canRedo: !readOnly && snap.canRedo,
        saveStatus: snap.saveStatus,
        retry: store.retry,
        notice: snap.notice,
        dismissNotice: store.dismissNotice,
        conflict: readOnly ? null : snap.conflict,
        resolveConflict: store.resolveConflict,
        viewers: snap.viewers,
        focusNode: store.focusNode,
        focusRequest: snap.focusRequest,
        revision: snap.revision,
        highlight: snap.highlight,
        setHighlight: store.setHighlight,
        diff: null,
      })),
    [projectId, readOnly, store],
  );
  return <EditorContext.Provider value={source}>{children}</EditorContext.Provider>;
}
