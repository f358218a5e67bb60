"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatMinutes } from "~/domain/duration";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";
import { absoluteTime, plural, relativeTime } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { Dialog } from "../ui/Dialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { SelectField } from "../ui/SelectField";
import { Spinner } from "../ui/Spinner";
import { SaveVersionDialog } from "./SaveVersionDialog";
import { useRestoreVersion } from "./useRestoreVersion";
import { useVersionView } from "./VersionViewContext";

type Version = RouterOutputs["version"]["list"][number];

/** The project's saved versions: save one, look back at one, compare two, restore one. */
export function VersionsPanel() {
  const editor = useEditorSelector((e) => ({ projectId: e.projectId, readOnly: e.readOnly }));
  const { projectId, readOnly } = editor;
  const trpc = useTRPC();
  const versions = useQuery(trpc.version.list.queryOptions({ projectId }));
  const { view, setView } = useVersionView();
  const restorer = useRestoreVersion();
  const [saving, setSaving] = useState(false);
  const [restoring, setRestoring] = useState<Version | null>(null);
  const [comparing, setComparing] = useState<Version | null>(null);

  const confirmRestore = async () => {
    if (!restoring) return;
    const done = await restorer.restore(restoring.id);
    if (done) {
      setRestoring(null);
      setView(null);
    }
  };

  return (
    <div className="flex flex-col gap-3 p-4" data-testid="versions-panel">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Versions</h3>
        {!readOnly && (
          <Button size="sm" onClick={() => setSaving(true)}>
            Save version
          </Button>
        )}
      </div>
      {restorer.error && !restoring && (
        <Alert tone="error">
          {restorer.error}{" "}
          <button type="button" className="underline" onClick={restorer.clearError}>
            Dismiss
          </button>
        </Alert>
      )}
      {versions.isPending ? (
        <p className="flex items-center gap-2 text-sm text-slate-500" role="status">
          <Spinner /> Loading versions…
        </p>
      ) : versions.error ? (
        <ErrorAlert error={versions.error} />
      ) : versions.data.length === 0 ? (
        <p className="text-sm text-slate-600">
          No versions yet.{" "}
          {readOnly
            ? "Editors can save one."
            : "Save one to keep the graph as it is now: you can look back at it, compare with it and restore it."}
        </p>
      ) : (
        <ol className="-mx-2 space-y-1">
          {versions.data.map((v) => {
            const viewing = view?.kind === "view" && view.versionId === v.id;
            return (
              <li
                key={v.id}
                className={`rounded-lg px-2 py-2 ${viewing ? "bg-amber-50 ring-1 ring-amber-200" : "hover:bg-slate-50"}`}
                data-testid="version-row"
              >
                <div className="flex items-baseline gap-2">
                  <span className="font-semibold text-slate-900 tabular-nums">v{v.versionNumber}</span>
                  <span
                    className={`min-w-0 flex-1 truncate text-sm ${v.comment ? "text-slate-800" : "text-slate-500 italic"}`}
                    title={v.comment ?? undefined}
                  >
                    {v.comment ?? "No comment"}
                  </span>
                  {v.isAutomatic && <span className="text-[11px] text-slate-500">auto</span>}
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  {v.author?.name ?? "Someone"} · <time title={absoluteTime(v.createdAt)}>{relativeTime(v.createdAt)}</time>
                </p>
                <p className="text-xs text-slate-500">
                  {plural(v.nodesCount, "step")} · {plural(v.edgesCount, "connection")}
                  {v.leadTimeMinutes !== null && <> · lead time {formatMinutes(v.leadTimeMinutes)}</>}
                </p>
                <div className="mt-1.5 flex flex-wrap gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    className="!h-7 !px-2 text-xs"
                    onClick={() => setView({ kind: "view", versionId: v.id })}
                    aria-label={`View v${v.versionNumber}`}
                  >
                    View
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    className="!h-7 !px-2 text-xs"
                    onClick={() => setView({ kind: "compare", from: v.id, to: "current" })}
                    aria-label={`Compare v${v.versionNumber} with now`}
                  >
                    Compare with now
                  </Button>
                  {versions.data.length > 1 && (
                    <Button
                      size="sm"
                      variant="ghost"
                      className="!h-7 !px-2 text-xs"
                      onClick={() => setComparing(v)}
                      aria-label={`Compare v${v.versionNumber} with another version`}
                    >
                      Compare with…
                    </Button>
                  )}
                  {!readOnly && (
                    <Button
                      size="sm"
                      variant="ghost"
                      className="!h-7 !px-2 text-xs"
                      onClick={() => setRestoring(v)}
                      aria-label={`Restore v${v.versionNumber}`}
                    >
                      Restore
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <SaveVersionDialog projectId={projectId} open={saving} onClose={() => setSaving(false)} />
      <ConfirmDialog
        open={restoring !== null}
        onClose={() => {
          restorer.clearError();
          setRestoring(null);
        }}
        onConfirm={() => void confirmRestore()}
        title={`Restore v${restoring?.versionNumber ?? ""}?`}
        confirmLabel="Restore"
        pendingLabel="Restoring…"
        pending={restorer.busy}
        error={restorer.error ? new Error(restorer.error) : null}
        tone="primary"
      >
        The graph goes back to v{restoring?.versionNumber} as one change: the current graph is saved as a version first, and Undo brings it
        back.
      </ConfirmDialog>
      {comparing && versions.data && <CompareWithDialog version={comparing} versions={versions.data} onClose={() => setComparing(null)} />}
    </div>
  );
}

function CompareWithDialog({ version, versions, onClose }: { version: Version; versions: Version[]; onClose: () => void }) {
  const { setView } = useVersionView();
  const others = versions.filter((v) => v.id !== version.id);
  const [other, setOther] = useState(others[0]?.id ?? "");
  const compare = () => {
    const picked = others.find((v) => v.id === other);
    if (!picked) return;
    const [from, to] = picked.versionNumber < version.versionNumber ? [picked, version] : [version, picked];
    setView({ kind: "compare", from: from.id, to: to.id });
    onClose();
  };
  return (
    <Dialog open onClose={onClose} title={`Compare v${version.versionNumber} with…`} description="The older version is shown as “before”.">
      <SelectField label="Version" value={other} onChange={(e) => setOther(e.target.value)}>
        {others.map((v) => (
          <option key={v.id} value={v.id}>
            v{v.versionNumber}
            {v.comment ? ` · ${v.comment}` : ""}
          </option>
        ))}
      </SelectField>
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={compare}>Compare</Button>
      </div>
    </Dialog>
  );
}
