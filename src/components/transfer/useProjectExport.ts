"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPCClient } from "~/trpc/react";
import { downloadFile } from "./download";

export type ExportFormat = "json" | "csv" | "bpmn";

export const EXPORT_FORMATS: { format: ExportFormat; label: string }[] = [
  { format: "json", label: "JSON (re-importable)" },
  { format: "csv", label: "CSV of steps with analysis" },
  { format: "bpmn", label: "BPMN 2.0 XML" },
];

/** Downloads the project as a file (an editor right; the caller shows the choices only to editors). */
export function useProjectExport(projectId: string) {
  const client = useTRPCClient();
  return useMutation({
    mutationFn: (format: ExportFormat) =>
      format === "json"
        ? client.transfer.exportJson.mutate({ projectId })
        : format === "csv"
          ? client.transfer.exportCsv.mutate({ projectId })
          : client.transfer.exportBpmn.mutate({ projectId }),
    onSuccess: downloadFile,
  });
}
