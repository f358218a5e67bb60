"use client";

import { Button } from "../ui/Button";
import { Icon } from "../ui/Icon";
import { inputClass } from "../ui/field-styles";

export type AxisRow = { key: string; name: string; color: string };

type AxisListEditorProps = {
  title: string;
  noun: string;
  rows: AxisRow[];
  onChange: (rows: AxisRow[]) => void;
  onAdd: () => void;
  readOnly: boolean;
  error?: string | null;
};

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

const ICON_BUTTON_BASE =
  "rounded-md p-1.5 text-slate-500 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:pointer-events-none disabled:opacity-30";
const ICON_BUTTON = `${ICON_BUTTON_BASE} hover:bg-slate-100 hover:text-slate-900`;
const REMOVE_BUTTON = `${ICON_BUTTON_BASE} hover:bg-red-50 hover:text-red-600`;

export function AxisListEditor({ title, noun, rows, onChange, onAdd, readOnly, error }: AxisListEditorProps) {
  const update = (index: number, patch: Partial<AxisRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-semibold text-slate-900">{title}</legend>
      <ol className="mt-3 space-y-2">
        {rows.map((row, index) => {
          const label = row.name.trim() || `${noun} ${index + 1}`;
          return (
            <li key={row.key} data-testid={`${noun.toLowerCase()}-row`} className="flex items-center gap-2">
              <span className="w-5 text-right text-xs text-slate-500 tabular-nums">{index + 1}</span>
              <label htmlFor={`${row.key}-color`} className="sr-only">{`Colour of ${label}`}</label>
              <input
                id={`${row.key}-color`}
                type="color"
                value={row.color}
                disabled={readOnly}
                onChange={(e) => update(index, { color: e.target.value })}
                className="h-9 w-10 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1 disabled:cursor-not-allowed"
              />
              <label htmlFor={`${row.key}-name`} className="sr-only">{`${noun} ${index + 1} name`}</label>
              <input
                id={`${row.key}-name`}
                value={row.name}
                disabled={readOnly}
                maxLength={100}
                onChange={(e) => update(index, { name: e.target.value })}
                className={`${inputClass} min-w-0 flex-1 py-1.5`}
              />
              {!readOnly && (
                <span className="flex shrink-0">
                  <button
                    type="button"
                    className={ICON_BUTTON}
                    disabled={index === 0}
                    onClick={() => onChange(move(rows, index, index - 1))}
                  >
                    <Icon name="arrowUp" />
                    <span className="sr-only">Move {label} up</span>
                  </button>
                  <button
                    type="button"
                    className={ICON_BUTTON}
                    disabled={index === rows.length - 1}
                    onClick={() => onChange(move(rows, index, index + 1))}
                  >
                    <Icon name="arrowDown" />
                    <span className="sr-only">Move {label} down</span>
                  </button>
                  <button type="button" className={REMOVE_BUTTON} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                    <Icon name="x" />
                    <span className="sr-only">Remove {label}</span>
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {rows.length === 0 && <p className="mt-3 text-sm text-slate-500 italic">No {noun.toLowerCase()}s.</p>}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      )}
      {!readOnly && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onAdd} disabled={rows.length >= 30}>
          <Icon name="plus" />
          Add {noun.toLowerCase()}
        </Button>
      )}
    </fieldset>
  );
}
