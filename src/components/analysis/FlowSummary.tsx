"use client";

import { formatMinutes } from "~/domain/duration";
import type { Flow, RankedWait } from "~/domain/flow";
import { useEditorSelector } from "../canvas/editor-context";
import { percent } from "./format";

function Stat({ term, value, testId, hint }: { term: string; value: string; testId: string; hint?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-2 py-1.5 ring-1 ring-slate-200 ring-inset">
      <dt className="text-xs text-slate-500">{term}</dt>
      <dd className="text-base font-semibold text-slate-900 tabular-nums" data-testid={testId} title={hint}>
        {value}
      </dd>
    </div>
  );
}

function QualityRow({ term, hint, value, testId }: { term: string; hint?: string; value: number; testId: string }) {
  return (
    <div className="flex justify-between gap-3">
      <dt title={hint}>{term}</dt>
      <dd className="font-medium text-slate-800 tabular-nums" data-testid={testId}>
        {percent(value / 100)}
      </dd>
    </div>
  );
}

/** Work versus waiting for the whole process, the longest waits, and the quality of the flow. */
export function FlowSummary({ flow }: { flow: Flow }) {
  const editor = useEditorSelector((e) => ({ focusNode: e.focusNode, state: e.state }));
  const label = (id: string) => editor.state.nodes.get(id)?.label ?? "Deleted step";
  const waitTitle = (w: RankedWait) => (w.kind === "wait" ? `Waiting for “${label(w.toId)}”` : `“${label(w.nodeId)}” (external)`);
  const waitDetail = (w: RankedWait) =>
    w.kind === "wait"
      ? `after “${label(w.fromId)}”${conditionOf(editor.state.edges.get(w.edgeId ?? "")?.condition)}`
      : "done outside the team, waited for";
  const top = flow.waits.slice(0, 5);

  return (
    <section aria-label="Where the time goes" className="space-y-3">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Where the time goes</h3>
      <dl className="grid grid-cols-3 gap-2">
        <Stat term="Work" value={formatMinutes(flow.processMinutes)} testId="process-time" hint="Step durations on the critical path" />
        <Stat
          term="Waiting"
          value={formatMinutes(flow.waitingMinutes)}
          testId="waiting-time"
          hint="Waits and external steps on the critical path"
        />
        <Stat term="Flow efficiency" value={percent(flow.flowEfficiency)} testId="flow-efficiency" hint="Work / lead time" />
      </dl>
      {flow.reworkMinutes > 0 && (
        <p className="text-xs text-slate-600">
          Expected rework adds {formatMinutes(flow.reworkMinutes)} to the lead time and lowers the flow efficiency too.
        </p>
      )}
      {top.length > 0 && (
        <div>
          <h4 className="mb-1 text-xs font-medium text-slate-600">Longest waits on the critical path</h4>
          <ol className="space-y-0.5" aria-label="Longest waits on the critical path" data-testid="ranked-waits">
            {top.map((w) => {
              const id = w.kind === "wait" ? (w.edgeId ?? w.toId) : w.nodeId;
              return (
                <li key={id}>
                  <button
                    type="button"
                    onClick={() => editor.focusNode(id)}
                    className="w-full rounded-md px-2 py-1 text-left hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                  >
                    <span className="flex items-baseline justify-between gap-2 text-sm">
                      <span className="truncate font-medium text-slate-800">{waitTitle(w)}</span>
                      <span className="shrink-0 text-amber-800 tabular-nums">
                        {formatMinutes(w.minutes)}, {percent(w.share)}
                      </span>
                    </span>
                    <span className="block truncate text-xs text-slate-500">{waitDetail(w)}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      )}
      <dl className="space-y-1 text-xs text-slate-600" aria-label="Quality">
        <QualityRow
          term="Rolled %C&A, critical path"
          hint="Percent complete and accurate, multiplied over the steps"
          value={flow.rolledPca.criticalPath}
          testId="rolled-pca-critical"
        />
        <QualityRow term="Rolled %C&A, whole process" value={flow.rolledPca.process} testId="rolled-pca-process" />
        <QualityRow
          term="First-pass yield"
          hint="The share of cases that need no rework, from the rework loops"
          value={flow.firstPassYield}
          testId="first-pass-yield"
        />
      </dl>
    </section>
  );
}

function conditionOf(text: string | null | undefined) {
  return text ? `, ${text}` : "";
}
