"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/Button";
import { Dialog } from "../ui/Dialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";

/** "Export my data" (a JSON file) and "Delete my account" (confirmed with the password). */
export function AccountDataSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState("");
  const remove = useMutation(
    trpc.user.deleteAccount.mutationOptions({
      onSuccess: () => signOut({ callbackUrl: "/login" }),
    }),
  );

  async function download() {
    setExporting(true);
    setExportError(null);
    try {
      const data = await queryClient.fetchQuery({ ...trpc.user.exportData.queryOptions(), staleTime: 0 });
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `flowmatrix-my-data-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

  function close() {
    setConfirming(false);
    setPassword("");
    remove.reset();
  }

  return (
    <div className="max-w-xl space-y-6">
      <div className="space-y-3">
        <p className="text-sm text-slate-600">
          One JSON file with your account, the organizations and projects you belong to, your sessions, and every comment and change you
          made.
        </p>
        <ErrorAlert error={exportError} />
        <Button variant="secondary" pending={exporting} onClick={() => void download()}>
          {exporting ? "Preparing…" : "Export my data"}
        </Button>
      </div>
      <div className="space-y-3 border-t border-slate-100 pt-6">
        <p className="text-sm text-slate-600">
          Deleting your account signs you out everywhere and removes you from every organization and project. Your comments and changes stay
          where they are, shown as by a former member. If you are the last owner of an organization, make someone else an owner first.
        </p>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Delete my account
        </Button>
      </div>
      <Dialog open={confirming} onClose={close} title="Delete your account?" description="This cannot be undone.">
        <form
          noValidate
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            remove.mutate({ password });
          }}
        >
          <Field
            label="Your password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              remove.reset();
            }}
            autoFocus
          />
          <ErrorAlert error={remove.error} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" pending={remove.isPending || remove.isSuccess}>
              {remove.isPending || remove.isSuccess ? "Deleting…" : "Delete my account"}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
