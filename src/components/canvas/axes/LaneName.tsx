"use client";

import { useInlineEdit } from "../useInlineEdit";

/** The lane's name, or an input while renaming: Enter or leaving saves, Esc cancels. */
export function LaneName({
  name,
  noun,
  renaming,
  onStart,
  onFinish,
  className,
  wrap = false,
}: {
  name: string;
  noun: string;
  renaming: boolean;
  onStart?: () => void;
  onFinish: (name: string | null) => void;
  className: string;
  /** Department names may take two lines in the label column; stage names stay on one. */
  wrap?: boolean;
}) {
  if (!renaming) {
    return (
      <span
        className={`${className} ${wrap ? "line-clamp-2 break-words" : "truncate"}`}
        title={name}
        onDoubleClick={onStart ? (e) => (e.stopPropagation(), onStart()) : undefined}
      >
        {name}
      </span>
    );
  }
  return <LaneNameInput name={name} noun={noun} onFinish={onFinish} />;
}

function LaneNameInput({ name, noun, onFinish }: { name: string; noun: string; onFinish: (name: string | null) => void }) {
  const edit = useInlineEdit(name, onFinish);
  return (
    <input
      {...edit}
      aria-label={`${noun} name`}
      maxLength={100}
      onDoubleClick={(e) => e.stopPropagation()}
      className="nodrag nopan nowheel min-w-0 flex-1 rounded border border-brand-500 bg-white px-1 text-sm font-semibold text-slate-900 outline-2 outline-brand-500/30"
    />
  );
}
