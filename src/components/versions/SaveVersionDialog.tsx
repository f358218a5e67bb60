"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/Button";
import { Dialog } from "../ui/Dialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { TextAreaField } from "../ui/TextAreaField";
import { refreshQueries } from "../lib/refresh";

export function SaveVersionDialog({ projectId, open, onClose }: { projectId: string; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const save = useMutation(
    trpc.version.save.mutationOptions({
      onSuccess: async () => {
        await refreshQueries(queryClient, trpc.version.list.pathFilter());
        setComment("");
        onClose();
      },
    }),
  );
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Save version"
      description="Keeps the graph as it is now, so you can look back at it, compare with it or restore it."
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ projectId, comment });
        }}
      >
        <TextAreaField
          label="Comment"
          hint="What this version is, e.g. “Agreed with legal”."
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={500}
          autoFocus
        />
        <ErrorAlert error={save.error} className="mt-4" />
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" pending={save.isPending}>
            {save.isPending ? "Saving…" : "Save version"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
