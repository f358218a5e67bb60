"use client";

import { useMutation } from "@tanstack/react-query";
import { can, type ProjectRole } from "~/domain/roles";
import { useTRPCClient } from "~/trpc/react";
import { errorMessage } from "../lib/trpc-errors";
import { buttonClass } from "../ui/button-styles";
import { Menu } from "../ui/Menu";
import { MenuItem } from "../ui/MenuItem";
import { downloadFile } from "./download";

type Format = "json" | "csv" | "bpmn";

const FORMATS: { format: Format; label: string }[] = [
  { format: "json", label: "JSON (re-importable)" },
  { format: "csv", label: "CSV of steps with analysis" },
  { format: "bpmn", label: "BPMN 2.0 XML" },
];

/** Downloads the project as a file; editors and up (exports are an editor right). */
export function ExportMenu({ projectId, role }: { projectId: string; role: ProjectRole }) {
  const client = useTRPCClient();
  const exportFile = useMutation({
    mutationFn: (format: Format) =>
      format === "json"
        ? client.transfer.exportJson.mutate({ projectId })
        : format === "csv"
          ? client.transfer.exportCsv.mutate({ projectId })
          : client.transfer.exportBpmn.mutate({ projectId }),
    onSuccess: downloadFile,
  });
  if (!can.editGraph(role)) return null;
  return (
    <div className="flex items-center gap-2">
      {exportFile.error && (
        <p role="alert" className="text-sm text-red-600">
          {errorMessage(exportFile.error)}
        </p>
      )}
      <Menu
        label="Export"
        align="right"
        triggerTestId="export-menu"
        triggerClassName={buttonClass("secondary", "md")}
        trigger={exportFile.isPending ? "Exporting…" : "Export"}
      >
        {(close) =>
          FORMATS.map(({ format, label }) => (
            <MenuItem
              key={format}
              onSelect={() => {
                close();
                exportFile.mutate(format);
              }}
            >
              {label}
            </MenuItem>
          ))
        }
      </Menu>
    </div>
  );
}
