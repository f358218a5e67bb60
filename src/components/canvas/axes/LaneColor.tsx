"use client";

import { useEffect, useRef } from "react";
import { useStableCallback } from "../../lib/useStableCallback";

/**
 * The lane's colour dot; clicking it opens the system colour picker. Saves once, when the
 * picker closes (the native "change" event), not on every step of the drag inside it.
 */
export function LaneColor({
  color,
  name,
  editable,
  onChange,
}: {
  color: string;
  name: string;
  editable: boolean;
  onChange: (color: string) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const save = useStableCallback(onChange);
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    const handle = () => save(input.value);
    input.addEventListener("change", handle);
    return () => input.removeEventListener("change", handle);
  }, [editable, color, save]);

  const dot = "size-3 shrink-0 rounded-full ring-2 ring-white";
  if (!editable) return <span aria-hidden="true" className={dot} style={{ backgroundColor: color }} />;
  return (
    <label
      className={`nodrag nopan relative cursor-pointer hover:ring-slate-300 ${dot}`}
      style={{ backgroundColor: color }}
      title="Change colour"
    >
      <input
        ref={ref}
        type="color"
        defaultValue={color}
        key={color}
        aria-label={`Colour of ${name}`}
        className="absolute inset-0 size-full cursor-pointer opacity-0"
      />
    </label>
  );
}
