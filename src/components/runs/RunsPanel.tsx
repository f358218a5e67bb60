"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatMinutes } from "~/domain/duration";
import type { RunEventKind } from "~/domain/runs";
import { useTRPC } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";
import { refreshQueries } from "../lib/refresh";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Field } from "../ui/Field";
import { Spinner } from "../ui/Spinner";
import { ImportLogDialog } from "./ImportLogDialog";
import { runWords } from "./RunMarker";
import { useRunView } from "./RunProvider";

const pad = (n: number) => String(n).padStart(2, "0");
/** A datetime-local value (the browser's time zone) for an instant. */
function localInput(at = new Date()): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
const when = (iso: string) => new Date(iso).toLocaleString("en", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/**
 * Process runs: start one, show it on the map (each step done, in progress or not started,
 * and how late against the plan it started on), and record when the selected step started
 * and finished.
 */
export function RunsPanel() {
  const view = useRunView();
  return <div className="space-y-5 p-4">{view.runId ? <ActiveRun /> : <RunList />}</div>;
}

function RunList() {
  const editor = useEditorSelector((e) => ({ projectId: e.projectId, readOnly: e.readOnly }));
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const view = useRunView();
  const runs = useQuery(trpc.run.list.queryOptions({ projectId: editor.projectId }));
  const [name, setName] = useState("");
  const [reference, setReference] = useState("");
  const [startedAt, setStartedAt] = useState(() => localInput());
  const [importing, setImporting] = useState(false);
  const start = useMutation(
    trpc.run.start.mutationOptions({
      onSuccess: async (run) => {
        await refreshQueries(queryClient, trpc.run.list.pathFilter());
        setName("");
        setReference("");
        view.show(run.id);
      },
    }),
  );
  return (
    <>
      <section aria-label="Runs" className="space-y-2">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Runs</h3>
        {runs.isPending ? (
          <p className="text-sm text-slate-500" role="status">
            Loading runs…
          </p>
        ) : runs.error ? (
          <ErrorAlert error={runs.error} />
        ) : runs.data.length === 0 ? (
          <p className="text-sm text-slate-600">
            No runs yet. A run is one real pass through the process: start one, then mark each step as it starts and finishes to see where
            it runs late against the plan.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {runs.data.map((run) => (
              <li key={run.id}>
                <button
                  type="button"
                  onClick={() => view.show(run.id)}
                  className="w-full px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
                >
                  <span className="font-medium text-slate-900">{run.name}</span>
                  {run.externalRef && <span className="ml-1 text-xs text-slate-500">({run.externalRef})</span>}
                  <span className="block text-xs text-slate-500">
                    Started {when(run.startedAt)} · {run.stepCount} steps
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {!editor.readOnly && (
        <form
          aria-label="Start a run"
          className="space-y-3 rounded-lg border border-slate-200 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            start.mutate({
              projectId: editor.projectId,
              name: name.trim(),
              externalRef: reference.trim() || null,
              startedAt: new Date(startedAt).toISOString(),
            });
          }}
        >
          <h3 className="text-sm font-semibold text-slate-800">Start a run</h3>
          <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Order 1001" required />
          <Field label="Reference (optional)" value={reference} onChange={(e) => setReference(e.target.value)} placeholder="SO-1001" />
          <Field label="Started at" type="datetime-local" value={startedAt} onChange={(e) => setStartedAt(e.target.value)} />
          <ErrorAlert error={start.error} />
          <Button type="submit" pending={start.isPending} disabled={!name.trim() || Number.isNaN(Date.parse(startedAt))}>
            {start.isPending ? "Starting…" : "Start run"}
          </Button>
        </form>
      )}
      {!editor.readOnly && (
        <div className="space-y-1">
          <Button variant="secondary" onClick={() => setImporting(true)}>
            Import an event log…
          </Button>
          <p className="text-xs text-slate-500">A CSV or XES export of the system that records the work: one run per case.</p>
          <ImportLogDialog open={importing} onClose={() => setImporting(false)} />
        </div>
      )}
    </>
  );
}

function ActiveRun() {
  const view = useRunView();
  const editor = useEditorSelector((e) => ({ selection: e.selection, setSelection: e.setSelection, readOnly: e.readOnly }));
  const run = view.run;
  if (!run)
    return (
      <p className="flex items-center gap-2 text-sm text-slate-500" role="status">
        <Spinner /> Loading the run…
      </p>
    );
  const late = run.steps.filter((s) => s.lateMinutes > 0).sort((a, b) => b.lateMinutes - a.lateMinutes);
  const selected = editor.selection.nodes.length === 1 ? run.steps.find((s) => s.id === editor.selection.nodes[0]) : undefined;
  return (
    <>
      <section aria-label="Run" className="space-y-1">
        <div className="flex items-center justify-between gap-2">
          <h3 className="min-w-0 truncate text-sm font-semibold text-slate-900">
            {run.name}
            {run.externalRef && <span className="ml-1 text-xs font-normal text-slate-500">({run.externalRef})</span>}
          </h3>
          <button type="button" onClick={() => view.show(null)} className="shrink-0 text-xs font-medium text-brand-700 hover:underline">
            All runs
          </button>
        </div>
        <p className="text-xs text-slate-500">
          Started {when(run.startedAt)} · planned on revision {run.revision}
          {view.isFetching && <Spinner className="ml-1 inline size-3" />}
        </p>
        <p className="text-sm text-slate-700" data-testid="run-counts">
          {run.counts.done} done · {run.counts.inProgress} in progress · {run.counts.notStarted} not started
          {run.counts.late > 0 && <span className="text-red-700"> · {run.counts.late} late</span>}
        </p>
        {run.finished && run.actualLeadMinutes !== null && (
          <p className="text-sm text-slate-700" data-testid="run-lead-time">
            Finished: actual lead time <span className="font-semibold">{formatMinutes(run.actualLeadMinutes)}</span>, through{" "}
            {run.actualCriticalPath.length} steps
          </p>
        )}
      </section>
      {selected ? (
        <RecordStep key={selected.id} runId={run.id} stepId={selected.id} readOnly={editor.readOnly} />
      ) : (
        <p className="text-sm text-slate-600">Select a step on the map to see its plan and record when it started or finished.</p>
      )}
      {late.length > 0 && (
        <section aria-label="Late steps" className="space-y-1">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Late</h3>
          <ul className="space-y-1">
            {late.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  onClick={() => editor.setSelection({ nodes: [s.id], edges: [] })}
                  className="w-full rounded-md px-2 py-1 text-left text-sm hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-brand-500"
                >
                  <span className="font-medium text-slate-900">{s.label}</span>
                  <span className="block text-xs text-red-700">{runWords(s)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function RecordStep({ runId, stepId, readOnly }: { runId: string; stepId: string; readOnly: boolean }) {
  const projectId = useEditorSelector((e) => e.projectId);
  const view = useRunView();
  const step = view.steps.get(stepId)!;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [at, setAt] = useState(() => localInput());
  const record = useMutation(trpc.run.record.mutationOptions({ onSuccess: () => refreshQueries(queryClient, trpc.run.get.pathFilter()) }));
  const post = (kind: RunEventKind) => record.mutate({ projectId, runId, nodeId: stepId, kind, at: new Date(at).toISOString() });
  return (
    <section aria-label="Selected step in the run" className="space-y-2 rounded-lg border border-slate-200 p-3">
      <h3 className="text-sm font-semibold text-slate-900">{step.label}</h3>
      <p className="text-sm text-slate-700" data-testid="run-step-state">
        {runWords(step)}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-600">
        <dt>Planned</dt>
        <dd>
          {when(step.plannedStart)} → {when(step.plannedFinish)}
        </dd>
        <dt>Actual</dt>
        <dd>
          {step.actualStart ? when(step.actualStart) : "not started"} → {step.actualFinish ? when(step.actualFinish) : "not finished"}
        </dd>
      </dl>
      {!readOnly && (
        <>
          <Field label="At" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => post("START")} pending={record.isPending && record.variables?.kind === "START"}>
              Start
            </Button>
            <Button onClick={() => post("FINISH")} pending={record.isPending && record.variables?.kind === "FINISH"}>
              Done
            </Button>
          </div>
          {(step.actualStart || step.actualFinish) && (
            <p className="text-xs text-slate-500">Recording a start or finish again corrects its time.</p>
          )}
          <ErrorAlert error={record.error} />
        </>
      )}
    </section>
  );
}
