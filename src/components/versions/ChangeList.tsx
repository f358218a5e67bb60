"use client";

import type { DiffKind, EntityDiff } from "~/domain/diff";
import type { GraphSnapshot } from "~/domain/graph";
import type { RouterOutputs } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";
import { DeltaRows } from "../analysis/DeltaRows";
import { changeLines } from "./change-text";
import { DIFF_BADGE, DIFF_WORD } from "./diff-style";

type Comparison = RouterOutputs["version"]["compare"];

const ORDER: Record<DiffKind, number> = { added: 0, changed: 1, moved: 2, removed: 3 };
const byKind = <T,>(list: EntityDiff<T>[]) => [...list].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);

function KindBadge({ kind }: { kind: DiffKind }) {
  return (
    <span className={`shrink-0 rounded-full px-1.5 text-[11px] leading-4 font-medium ring-1 ring-inset ${DIFF_BADGE[kind]}`}>
      {DIFF_WORD[kind]}
    </span>
  );
}

/** The side column of the compare view: the deltas, then every difference; a step focuses the canvas. */
export function ChangeList({ comparison }: { comparison: Comparison }) {
  const focusNode = useEditorSelector((e) => e.focusNode);
  const { from, to, before, after, diff } = comparison;
  const lanes = byKind([...diff.departments, ...diff.stages]);
  const nameOf = (graph: GraphSnapshot, id: string) => graph.nodes.find((n) => n.id === id)?.label ?? "?";
  const edgeName = (d: EntityDiff<{ sourceId: string; targetId: string }>) => {
    const e = (d.after ?? d.before)!;
    const graph = d.after ? after : before;
    return `${nameOf(graph, e.sourceId)} → ${nameOf(graph, e.targetId)}`;
  };

  return (
    <aside
      aria-label="Differences"
      className="flex w-72 shrink-0 flex-col overflow-y-auto border-l border-slate-200 bg-white"
      data-testid="change-list"
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-b border-slate-100 p-3 text-sm">
        <dt className="text-slate-500">Steps</dt>
        <dd className="tabular-nums">
          {from.nodes} → {to.nodes}
        </dd>
        <dt className="text-slate-500">Connections</dt>
        <dd className="tabular-nums">
          {from.edges} → {to.edges}
        </dd>
        <DeltaRows
          before={from.figures}
          after={to.figures}
          sentence={comparison.delta.sentence}
          testIdPrefix="compare"
          lead={{ from: from.leadTimeMinutes, to: to.leadTimeMinutes }}
        />
        <dt className="text-slate-500">Critical path</dt>
        <dd className="space-y-0.5 text-xs text-slate-700" data-testid="compare-critical-path">
          {[from, to].map((side, i) => (
            <p key={i}>
              <span className="font-medium text-slate-500">{side.versionNumber === null ? "now" : `v${side.versionNumber}`}: </span>
              {side.criticalPath.map((s) => s.label).join(" → ") || "none"}
            </p>
          ))}
        </dd>
      </dl>

      <Section title="Steps" empty="No step changed.">
        {byKind(diff.nodes).map((d) => (
          <li key={d.id}>
            <button
              type="button"
              onClick={() => focusNode(d.id)}
              className="w-full rounded-md px-2 py-1.5 text-left hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
            >
              <span className="flex items-center justify-between gap-2">
                <span className={`truncate text-sm font-medium text-slate-800 ${d.kind === "removed" ? "line-through" : ""}`}>
                  {(d.after ?? d.before)!.label}
                </span>
                <KindBadge kind={d.kind} />
              </span>
              <Lines lines={changeLines(d.fields, before, after)} />
            </button>
          </li>
        ))}
      </Section>

      <Section title="Connections" empty="No connection changed.">
        {byKind(diff.edges).map((d) => (
          <li key={d.id} className="px-2 py-1">
            <span className="flex items-center justify-between gap-2">
              <span className="truncate text-sm text-slate-800">{edgeName(d)}</span>
              <KindBadge kind={d.kind} />
            </span>
            <Lines lines={changeLines(d.fields, before, after)} />
          </li>
        ))}
      </Section>

      {lanes.length > 0 && (
        <Section title="Lanes" empty="">
          {lanes.map((d) => (
            <li key={d.id} className="px-2 py-1">
              <span className="flex items-center justify-between gap-2">
                <span className="truncate text-sm text-slate-800">{(d.after ?? d.before)!.name}</span>
                <KindBadge kind={d.kind} />
              </span>
              <Lines lines={changeLines(d.fields, before, after)} />
            </li>
          ))}
        </Section>
      )}
    </aside>
  );
}

function Section({ title, empty, children }: { title: string; empty: string; children: React.ReactNode[] }) {
  return (
    <section aria-label={title} className="border-b border-slate-100 p-3">
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children.length === 0 ? <p className="px-2 text-sm text-slate-500">{empty}</p> : <ul className="space-y-0.5">{children}</ul>}
    </section>
  );
}

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="mt-0.5 space-y-0.5 text-xs text-slate-600">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
