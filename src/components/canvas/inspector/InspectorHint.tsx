"use client";

import { useModKey } from "../toolbar/useModKey";

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="flex shrink-0 gap-1">
      {keys.map((k) => (
        <kbd
          key={k}
          className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 font-sans text-[11px] font-medium text-slate-600 shadow-[0_1px_0_var(--color-slate-200)]"
        >
          {k}
        </kbd>
      ))}
    </span>
  );
}

/** Nothing selected: how to get started, and the shortcuts. */
export function InspectorHint() {
  const mod = useModKey();
  const shortcuts: [string, string[]][] = [
    ["Undo", [mod, "Z"]],
    ["Redo", [mod, "Shift", "Z"]],
    ["Rename step", ["F2"]],
    ["Delete selection", ["Delete"]],
    ["Move selection", ["←", "↑", "→", "↓"]],
    ["Move to next cell", ["Alt", "←", "↑", "→", "↓"]],
    ["Copy", [mod, "C"]],
    ["Paste", [mod, "V"]],
    ["Duplicate", [mod, "D"]],
    ["Select several", ["Shift", "Click"]],
    ["Select an area", ["Shift", "Drag"]],
    ["Clear selection", ["Esc"]],
  ];
  return (
    <div className="space-y-5 px-4 py-5 text-sm">
      <div>
        <h2 className="font-semibold text-slate-900">Nothing selected</h2>
        <p className="mt-1 text-slate-500">Select a step or a connection to see and edit its details.</p>
      </div>
      <ul className="space-y-2 text-slate-600">
        <li className="flex gap-2">
          <Dot /> Double-click a cell to add a step there.
        </li>
        <li className="flex gap-2">
          <Dot /> Drag from a step&apos;s handle to another step to connect them.
        </li>
        <li className="flex gap-2">
          <Dot /> Drag a step to another cell to change its department or stage.
        </li>
      </ul>
      <div>
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Keyboard shortcuts</h3>
        <dl className="mt-2 space-y-1.5">
          {shortcuts.map(([action, keys]) => (
            <div key={action} className="flex items-center justify-between gap-3">
              <dt className="text-slate-600">{action}</dt>
              <dd>
                <Keys keys={keys} />
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}

function Dot() {
  return <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-brand-500" />;
}
