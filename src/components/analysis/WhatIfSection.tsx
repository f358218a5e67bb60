"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { ESTIMATE_HELP } from "~/domain/duration";
import { nodeFieldSchemas } from "~/domain/operations";
import { useTRPC } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";
import { check } from "../canvas/inspector/useDraft";
import { errorMessage } from "../lib/trpc-errors";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { SelectField } from "../ui/SelectField";
import { Spinner } from "../ui/Spinner";
import { DeltaRows } from "./DeltaRows";

/** At most this many steps changed at once (the procedure's limit). */
const MAX_CHANGES = 20;

type Row = { key: number; nodeId: string; time: string; automated: boolean };

type Change = { nodeId: string; avgTime?: string | null; automated: boolean };

/** The row as the procedure takes it, or what is wrong with it. */
function changeOf(row: Row): { change: Change } | { error: string } {
  if (row.nodeId === "") return { error: "Choose a step" };
  if (row.automated) return { change: { nodeId: row.nodeId, automated: true } };
  if (row.time.trim() === "") return { error: "Enter a time, or mark the step automated" };
  const parsed = check(nodeFieldSchemas.avgTime, row.time);
  return parsed.ok ? { change: { nodeId: row.nodeId, avgTime: parsed.value, automated: false } } : { error: parsed.error };
}

function ChangeRow({
  row,
  index,
  options,
  onChange,
  onRemove,
  showErrors,
}: {
  row: Row;
  index: number;
  options: { id: string; label: string }[];
  onChange(row: Row): void;
  onRemove: (() => void) | null;
  showErrors: boolean;
}) {
  const editor = useEditorSelector((e) => ({ state: e.state }));
  const checked = changeOf(row);
  const error = "error" in checked ? checked.error : null;
  const automatedId = useId();
  const current = row.nodeId ? editor.state.nodes.get(row.nodeId)?.avgTime : undefined;
  const n = index + 1;
  return (
    <li className="space-y-2 rounded-md p-2 ring-1 ring-slate-200 ring-inset" data-testid="what-if-change">
      <div className="flex items-end gap-2">
        <SelectField
          label={`Step ${n}`}
          wrapperClassName="min-w-0 flex-1"
          value={row.nodeId}
          error={showErrors && row.nodeId === "" ? "Choose a step" : undefined}
          onChange={(e) => {
            const nodeId = e.target.value;
            onChange({ ...row, nodeId, time: editor.state.nodes.get(nodeId)?.avgTime ?? "" });
          }}
        >
          <option value="">Choose a step…</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
        {onRemove && (
          <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove step ${n} from the what-if`}>
            Remove
          </Button>
        )}
      </div>
      <Field
        label={`New time for step ${n}`}
        value={row.automated ? "" : row.time}
        disabled={row.automated || row.nodeId === ""}
        placeholder={row.automated ? "Takes no time" : "e.g. 2h or 2h / 4h / 2d"}
        hint={row.nodeId === "" ? undefined : `Now ${current || "no time"}. Accepts ${ESTIMATE_HELP}.`}
        error={row.nodeId !== "" && !row.automated && error && (showErrors || row.time.trim() !== "") ? error : undefined}
        onChange={(e) => onChange({ ...row, time: e.target.value })}
      />
      <label htmlFor={automatedId} className="flex items-center gap-2 text-sm text-slate-700">
        <input
          id={automatedId}
          type="checkbox"
          checked={row.automated}
          disabled={row.nodeId === ""}
          onChange={(e) => onChange({ ...row, automated: e.target.checked })}
          className="size-4 rounded border-slate-300 accent-brand-600"
        />
        Automated (takes no time)
      </label>
    </li>
  );
}

/**
 * "What if": some steps' times changed or automated, compared with the project as it is, in
 * figures and in words, without saving anything. The answer follows the map: when the
 * project's revision moves, the same question is asked again of the new map.
 */
export function WhatIfSection() {
  const editor = useEditorSelector((e) => ({ projectId: e.projectId, selection: e.selection, state: e.state }));
  const trpc = useTRPC();
  const selected = editor.selection.nodes.length === 1 ? editor.selection.nodes[0]! : "";
  const [nextKey, setNextKey] = useState(1);
  const [rows, setRows] = useState<Row[]>(() => [
    { key: 0, nodeId: selected, time: editor.state.nodes.get(selected)?.avgTime ?? "", automated: false },
  ]);
  const [asked, setAsked] = useState<Change[] | null>(null);
  const [showErrors, setShowErrors] = useState(false);

  const options = useMemo(
    () =>
      [...editor.state.nodes.values()]
        .map((n) => ({ id: n.id, label: n.label || "Untitled step" }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [editor.state.nodes],
  );
  // A step deleted meanwhile leaves its row empty rather than naming a step that is gone.
  const live = rows.map((r) => (r.nodeId && !editor.state.nodes.has(r.nodeId) ? { ...r, nodeId: "", time: "" } : r));
  const checked = live.map(changeOf);
  const changes = checked.flatMap((c) => ("change" in c ? [c.change] : []));
  const valid = changes.length === live.length;
  const duplicate = new Set(changes.map((c) => c.nodeId)).size !== changes.length;

  const answer = useQuery({
    ...trpc.analysis.whatIf.queryOptions({ projectId: editor.projectId, changes: asked ?? [] }),
    enabled: asked !== null,
    placeholderData: (previous) => previous,
  });

  const setRow = (key: number) => (row: Row) => setRows((all) => all.map((r) => (r.key === key ? row : r)));
  const compare = (event: React.FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (!valid || duplicate) return;
    setAsked(changes);
  };
  const label = (id: string) => editor.state.nodes.get(id)?.label ?? "a deleted step";

  return (
    <section aria-label="What if" className="space-y-3">
      <div>
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">What if</h3>
        <p className="mt-1 text-xs text-slate-500">
          Try a step with another time, or automated, and see what it does to the lead time. Nothing is saved.
        </p>
      </div>
      <form onSubmit={compare} aria-label="What if" className="space-y-2" noValidate>
        <ul className="space-y-2">
          {live.map((row, i) => (
            <ChangeRow
              key={row.key}
              row={row}
              index={i}
              options={options}
              onChange={setRow(row.key)}
              onRemove={live.length > 1 ? () => setRows((all) => all.filter((r) => r.key !== row.key)) : null}
              showErrors={showErrors}
            />
          ))}
        </ul>
        {duplicate && (
          <p className="text-xs text-red-700" role="alert">
            Each step once: two rows change the same step.
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" size="sm" pending={answer.isFetching && asked !== null}>
            {answer.isFetching && asked !== null ? "Comparing…" : "Compare"}
          </Button>
          {live.length < MAX_CHANGES && (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                setRows((all) => [...all, { key: nextKey, nodeId: "", time: "", automated: false }]);
                setNextKey((k) => k + 1);
              }}
            >
              Add another step
            </Button>
          )}
        </div>
      </form>

      {answer.error && (
        <p className="text-sm text-red-700" role="alert">
          {errorMessage(answer.error)}
        </p>
      )}
      {asked && answer.data && (
        <div aria-live="polite" data-testid="what-if-answer" className={answer.isFetching ? "opacity-60" : undefined}>
          <p className="mb-1 text-xs text-slate-500">
            With {asked.map((c) => `“${label(c.nodeId)}” ${c.automated ? "automated" : `at ${c.avgTime ?? "no time"}`}`).join(", ")}:
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <DeltaRows before={answer.data.before} after={answer.data.after} sentence={answer.data.delta.sentence} testIdPrefix="what-if" />
          </dl>
        </div>
      )}
      {asked && answer.isPending && (
        <p className="flex items-center gap-2 text-sm text-slate-500" role="status">
          <Spinner /> Comparing…
        </p>
      )}
    </section>
  );
}
