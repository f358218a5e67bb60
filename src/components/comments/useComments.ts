"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { can } from "~/domain/roles";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { refreshQueries } from "../lib/refresh";

export type Thread = RouterOutputs["comment"]["list"][number];
export type CommentItem = Thread["root"];
export type StatusFilter = "open" | "resolved" | "all";

/** Whether the signed-in person may write comments here (COMMENTER and up, project not archived). */
export function useCanComment(projectId: string): boolean {
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ projectId }));
  return !!project.data && can.comment(project.data.myRole) && project.data.status !== "ARCHIVED";
}

export function useThreads(projectId: string, status: StatusFilter) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.comment.list.queryOptions({ projectId, status }), placeholderData: (previous) => previous });
}

/**
 * The four comment writes. Each refetches the lists at once; other viewers (and this tab's
 * comment counts on the canvas) follow through the live "comments" touch.
 */
export function useCommentMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () => refreshQueries(queryClient, trpc.comment.pathFilter());
  return {
    create: useMutation(trpc.comment.create.mutationOptions({ onSuccess })),
    edit: useMutation(trpc.comment.edit.mutationOptions({ onSuccess })),
    remove: useMutation(trpc.comment.delete.mutationOptions({ onSuccess })),
    setResolved: useMutation(trpc.comment.setResolved.mutationOptions({ onSuccess })),
  };
}

/** The current time, refreshed every minute so "5 minutes ago" keeps moving. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
