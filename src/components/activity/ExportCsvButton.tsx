"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPCClient } from "~/trpc/react";
import { errorMessage } from "../lib/trpc-errors";
import { Button } from "../ui/Button";
import type { ActivityFilters } from "./labels";

function download(filename: string, text: string) {
  // A byte-order mark so spreadsheet apps read the names as UTF-8.
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Downloads the feed as filtered on screen (editors and up). */
export function ExportCsvButton({ projectId, filters }: { projectId: string; filters: ActivityFilters }) {
  const client = useTRPCClient();
  const exportCsv = useMutation({
    mutationFn: () => client.activity.exportCsv.query({ projectId, ...filters }),
    onSuccess: (result) => download(result.filename, result.csv),
  });
  const note = exportCsv.error
    ? errorMessage(exportCsv.error)
    : exportCsv.data?.truncated
      ? `Exported the newest ${exportCsv.data.rows.toLocaleString("en")} entries; narrow the filters for older ones.`
      : null;
  return (
    <div className="flex items-center gap-3">
      {note && (
        <p role={exportCsv.error ? "alert" : "status"} className={`text-sm ${exportCsv.error ? "text-red-600" : "text-slate-500"}`}>
          {note}
        </p>
      )}
      <Button variant="secondary" pending={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
        {exportCsv.isPending ? "Exporting…" : "Export CSV"}
      </Button>
    </div>
  );
}
