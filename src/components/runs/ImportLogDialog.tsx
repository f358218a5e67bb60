"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { csvColumns, type CsvMapping, type ImportProgress } from "~/domain/eventlog";
import { MAX_IMPORT_CHARS, MAX_IMPORT_TEXT } from "~/domain/interchange/limits";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";
import { refreshQueries } from "../lib/refresh";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Dialog } from "../ui/Dialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { SelectField } from "../ui/SelectField";

type Role = keyof CsvMapping;
const ROLES: { role: Role; label: string; optional: boolean; guess: RegExp }[] = [
  { role: "caseId", label: "Case id", optional: false, guess: /^(case|case ?id|caseid|case:concept:name|order|ticket)$/i },
  { role: "activity", label: "Activity", optional: false, guess: /^(activity|task|step|event|concept:name)$/i },
  { role: "start", label: "Start time (optional)", optional: true, guess: /^(start|start ?time|started|begin)/i },
  {
    role: "complete",
    label: "Completion time",
    optional: false,
    guess: /^(complete|completed|completion|end|end ?time|timestamp|time|time:timestamp|done)/i,
  },
  { role: "resource", label: "Resource (optional)", optional: true, guess: /^(resource|user|who|org:resource|agent)$/i },
];

function guessMapping(columns: string[]): CsvMapping {
  const pick = (guess: RegExp) => columns.find((c) => guess.test(c.trim())) ?? "";
  const found = Object.fromEntries(ROLES.map((r) => [r.role, pick(r.guess)])) as Record<Role, string>;
  return { ...found, start: found.start || null, resource: found.resource || null };
}

/**
 * Imports an event log (CSV with a column mapping, or XES) as runs: a check first (cases,
 * events, each activity's step, every bad row by line), then one import of all the cases.
 */
export function ImportLogDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const editor = useEditorSelector((e) => ({ projectId: e.projectId, state: e.state }));
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; text: string; format: "csv" | "xes" } | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [mapping, setMapping] = useState<CsvMapping | null>(null);
  const [choices, setChoices] = useState<Record<string, string | null>>({});
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const preview = useMutation(trpc.run.previewLog.mutationOptions());
  const client = useTRPCClient();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // The import streams how far it has got, then its answer.
  const importer = useMutation({
    mutationFn: async (input: Parameters<typeof client.run.importLog.mutate>[0]) => {
      setProgress(null);
      for await (const item of await client.run.importLog.mutate(input)) {
        if (item.result !== undefined) return item.result;
        setProgress(item.progress);
      }
      throw new Error("The import stopped before it finished; nothing was imported");
    },
    onSuccess: () => refreshQueries(queryClient, trpc.run.pathFilter()),
  });

  const input = () => ({
    projectId: editor.projectId,
    text: file!.text,
    format: file!.format,
    mapping: mapping ?? undefined,
    activities: choices,
  });

  function reset() {
    setFile(null);
    setColumns([]);
    setMapping(null);
    setChoices({});
    setTooLarge(null);
    preview.reset();
    importer.reset();
  }

  async function choose(chosen: File | undefined) {
    reset();
    if (!chosen) return;
    if (chosen.size > MAX_IMPORT_CHARS)
      return setTooLarge(`“${chosen.name}” is larger than ${MAX_IMPORT_TEXT}; split the log into smaller files.`);
    const text = await chosen.text();
    const format = text.trimStart().startsWith("<") ? "xes" : "csv";
    setFile({ name: chosen.name, text, format });
    if (format === "csv") {
      const found = csvColumns(text);
      setColumns(found);
      setMapping(guessMapping(found));
    } else preview.mutate({ projectId: editor.projectId, text, format });
  }

  const steps = [...editor.state.nodes.values()].sort((a, b) => a.label.localeCompare(b.label));
  const ready = preview.data && preview.data.problemCount === 0 && preview.data.events > 0;

  return (
    <Dialog
      open={open}
      onClose={() => {
        reset();
        onClose();
      }}
      title="Import an event log"
      description="Each case becomes a run; each activity is matched to a step. Nothing is written until you import."
    >
      {importer.data ? (
        <div className="space-y-3">
          <Alert tone="success">
            Imported {importer.data.cases.toLocaleString("en")} {importer.data.cases === 1 ? "case" : "cases"} with{" "}
            {importer.data.events.toLocaleString("en")} step times
            {importer.data.ignored > 0 && `; ${importer.data.ignored.toLocaleString("en")} events of activities left out`}. The Analysis tab
            sets them beside the estimates.
          </Alert>
          <div className="flex justify-end">
            <Button
              onClick={() => {
                reset();
                onClose();
              }}
            >
              Done
            </Button>
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          <label className="block text-sm font-medium text-slate-700">
            Log file (CSV or XES)
            <input
              type="file"
              accept=".csv,.txt,.xes,.xml,text/csv,application/xml"
              data-testid="log-file"
              className="mt-1 block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
              onChange={(e) => void choose(e.target.files?.[0])}
            />
          </label>
          {tooLarge && (
            <p role="alert" className="text-sm text-red-700">
              {tooLarge}
            </p>
          )}
          {file?.format === "csv" && mapping && (
            <fieldset className="grid gap-3 sm:grid-cols-2">
              <legend className="mb-1 text-sm font-medium text-slate-700">Which column is which</legend>
              {ROLES.map((r) => (
                <SelectField
                  key={r.role}
                  label={r.label}
                  value={mapping[r.role] ?? ""}
                  onChange={(e) => {
                    setMapping({ ...mapping, [r.role]: e.target.value || (r.optional ? null : "") });
                    preview.reset();
                  }}
                >
                  <option value="">{r.optional ? "None" : "Choose a column"}</option>
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </SelectField>
              ))}
            </fieldset>
          )}
          {preview.isPending && (
            <p role="status" className="text-sm text-slate-500">
              Checking the log…
            </p>
          )}
          <ErrorAlert error={preview.error ?? importer.error} />
          {preview.data && (
            <div className="space-y-3">
              <p className="text-sm text-slate-700" data-testid="log-preview">
                {preview.data.cases.toLocaleString("en")} cases, {preview.data.events.toLocaleString("en")} events
              </p>
              {preview.data.problemCount > 0 && (
                <Alert tone="error">
                  <p className="font-medium">
                    {preview.data.problemCount.toLocaleString("en")} bad {preview.data.problemCount === 1 ? "row" : "rows"} to fix before
                    importing:
                  </p>
                  <ul data-testid="log-problems" className="mt-1 max-h-40 list-disc overflow-y-auto pl-4 font-mono text-xs">
                    {preview.data.problems.map((p, i) => (
                      <li key={i}>
                        line {p.line}: {p.message}
                      </li>
                    ))}
                  </ul>
                </Alert>
              )}
              {preview.data.activities.length > 0 && (
                <div className="max-h-56 overflow-auto rounded-lg border border-slate-200">
                  <table className="w-full text-left text-sm" data-testid="log-activities">
                    <caption className="sr-only">Activities of the log and their steps</caption>
                    <thead className="bg-slate-50 text-xs text-slate-500">
                      <tr>
                        <th className="px-3 py-2 font-medium">Activity</th>
                        <th className="px-3 py-2 text-right font-medium">Events</th>
                        <th className="px-3 py-2 font-medium">Step</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {preview.data.activities.map((a) => (
                        <tr key={a.activity}>
                          <th scope="row" className="px-3 py-1.5 font-medium break-words">
                            {a.activity}
                            {a.how === "fuzzy" && <span className="block text-xs font-normal text-amber-700">close name: check</span>}
                          </th>
                          <td className="px-3 py-1.5 text-right tabular-nums">{a.events.toLocaleString("en")}</td>
                          <td className="px-3 py-1.5">
                            <select
                              aria-label={`Step for ${a.activity}`}
                              value={(a.activity in choices ? choices[a.activity] : a.stepId) ?? ""}
                              onChange={(e) => {
                                setChoices({ ...choices, [a.activity]: e.target.value || null });
                              }}
                              className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
                            >
                              <option value="">Leave out</option>
                              {steps.map((s) => (
                                <option key={s.id} value={s.id}>
                                  {s.label}
                                </option>
                              ))}
                            </select>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          )}
          {importer.isPending && <ImportProgressBar progress={progress} />}
          <div className="flex justify-end gap-2">
            {file && (
              <Button variant="secondary" onClick={() => preview.mutate(input())} pending={preview.isPending} disabled={importer.isPending}>
                {preview.data ? "Check again" : "Check"}
              </Button>
            )}
            <Button disabled={!ready} pending={importer.isPending} onClick={() => importer.mutate(input())}>
              {importer.isPending ? "Importing…" : "Import"}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

/** How far the import has got: sending and checking the log, then the step times written out of all. */
function ImportProgressBar({ progress }: { progress: ImportProgress | null }) {
  const writing = progress?.phase === "writing" && progress.total > 0 ? progress : null;
  const share = writing ? writing.written / writing.total : null;
  const text = writing
    ? `Writing step times: ${writing.written.toLocaleString("en")} of ${writing.total.toLocaleString("en")}`
    : progress
      ? "Checking the log…"
      : "Sending the log…";
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-600" aria-live="polite" data-testid="import-progress-text">
        {text}
      </p>
      <div
        role="progressbar"
        aria-label="Importing the log"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share === null ? undefined : Math.round(share * 100)}
        aria-valuetext={text}
        className="h-1.5 overflow-hidden rounded-full bg-slate-100"
      >
        {share === null ? (
          <div className="h-full w-1/3 animate-pulse rounded-full bg-brand-500" />
        ) : (
          <div className="h-full rounded-full bg-brand-500 transition-[width]" style={{ width: `${Math.max(2, share * 100)}%` }} />
        )}
      </div>
    </div>
  );
}
