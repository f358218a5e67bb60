"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { MAX_IMPORT_CHARS, MAX_IMPORT_TEXT } from "~/domain/interchange/limits";
import type { SubProcessMode } from "~/domain/interchange";
import { useTRPC } from "~/trpc/react";
import { Button } from "../ui/Button";
import { Dialog } from "../ui/Dialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { TextAreaField } from "../ui/TextAreaField";
import { ImportPreview } from "./ImportPreview";
import { ImportReport } from "./ImportReport";
import { refreshQueries } from "../lib/refresh";

type ImportDialogProps = { organizationId: string; open: boolean; onClose: () => void };

/**
 * Upload or paste an export of the old app (JSON) or BPMN 2.0 XML. Nothing is written until
 * the preview shows no problems and the person presses Import; each project then imports all
 * or nothing, and the report shows the stored counts next to the file's.
 */
export function ImportDialog({ organizationId, open, onClose }: ImportDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const [subProcesses, setSubProcesses] = useState<SubProcessMode>("flatten");
  const preview = useMutation(trpc.transfer.previewImport.mutationOptions());
  const importer = useMutation(
    trpc.transfer.importProjects.mutationOptions({
      onSuccess: () =>
        Promise.all([refreshQueries(queryClient, trpc.project.list.pathFilter()), refreshQueries(queryClient, trpc.org.list.pathFilter())]),
    }),
  );

  function check(next: string, mode = subProcesses) {
    setText(next);
    setSubProcesses(mode);
    importer.reset();
    if (next.trim()) preview.mutate({ organizationId, text: next, subProcesses: mode });
    else preview.reset();
  }

  function close() {
    setText("");
    setTooLarge(null);
    setSubProcesses("flatten");
    preview.reset();
    importer.reset();
    onClose();
  }

  const current = preview.variables?.text === text && preview.variables?.subProcesses === subProcesses;
  const ready = preview.data && preview.data.problems.length === 0 && preview.data.projects.length > 0 && current;

  return (
    <Dialog open={open} onClose={close} title="Import projects" description="A FlowMatrix or old-app JSON export, or a BPMN 2.0 diagram.">
      {importer.data ? (
        <div className="space-y-4">
          <ImportReport report={importer.data} />
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          <label className="block text-sm font-medium text-slate-700">
            File
            <input
              type="file"
              accept=".json,.bpmn,.xml,application/json,application/xml,text/xml"
              data-testid="import-file"
              className="mt-1 block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (!file) return;
                if (file.size > MAX_IMPORT_CHARS) {
                  setTooLarge(
                    `“${file.name}” is ${(file.size / 1_000_000).toFixed(1)} MB; files up to ${MAX_IMPORT_TEXT} can be imported. Split it into smaller files.`,
                  );
                  event.target.value = "";
                  return;
                }
                setTooLarge(null);
                check(await file.text());
              }}
            />
          </label>
          <TextAreaField
            label="…or paste its contents"
            rows={5}
            value={
              text.length > 100_000 ? `${text.slice(0, 2_000)}\n… (${text.length.toLocaleString("en")} characters from the file)` : text
            }
            readOnly={text.length > 100_000}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => text !== (preview.variables?.text ?? "") && check(text)}
            className="font-mono text-xs"
          />
          {tooLarge && (
            <p className="text-sm text-red-700" role="alert">
              {tooLarge}
            </p>
          )}
          {preview.isPending && (
            <p className="text-sm text-slate-500" role="status">
              Checking the file…
            </p>
          )}
          <ErrorAlert error={preview.error ?? importer.error} />
          {preview.data && preview.variables?.text === text && preview.data.subProcesses > 0 && (
            <fieldset className="rounded-lg border border-slate-200 px-3 py-2 text-sm">
              <legend className="px-1 font-medium text-slate-700">
                {preview.data.subProcesses === 1 ? "The sub-process" : `${preview.data.subProcesses} sub-processes`}
              </legend>
              {(
                [
                  ["flatten", preview.data.subProcesses === 1 ? "Flatten into its steps" : "Flatten into their steps"],
                  ["keep", preview.data.subProcesses === 1 ? "Keep as one step" : "Keep each as one step"],
                ] as const
              ).map(([mode, label]) => (
                <label key={mode} className="mr-4 inline-flex items-center gap-1.5">
                  <input type="radio" name="sub-processes" checked={subProcesses === mode} onChange={() => check(text, mode)} />
                  {label}
                </label>
              ))}
            </fieldset>
          )}
          {preview.data && current && <ImportPreview preview={preview.data} />}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            {!ready && text.trim() !== "" && preview.variables?.text !== text && (
              <Button variant="secondary" onClick={() => check(text)}>
                Check
              </Button>
            )}
            <Button disabled={!ready} pending={importer.isPending} onClick={() => importer.mutate({ organizationId, text, subProcesses })}>
              {importer.isPending ? "Importing…" : "Import"}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
