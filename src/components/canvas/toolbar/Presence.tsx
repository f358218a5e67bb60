"use client";

import { Avatar } from "../../ui/Avatar";
import { useEditorSelector } from "../editor-context";

const SHOWN = 5;

/** Who else has the project open. */
export function Presence() {
  const viewers = useEditorSelector((e) => e.viewers);
  const hidden = viewers.slice(SHOWN);
  return (
    <ul data-testid="presence" aria-label="People viewing this project" className="flex items-center -space-x-1.5">
      {viewers.slice(0, SHOWN).map((viewer) => (
        <li key={viewer.userId} title={viewer.name} className="rounded-full ring-2 ring-white">
          <Avatar name={viewer.name} url={viewer.image} size={28} />
          <span className="sr-only">{viewer.name}</span>
        </li>
      ))}
      {hidden.length > 0 && (
        <li
          title={hidden.map((v) => v.name).join(", ")}
          className="flex size-7 items-center justify-center rounded-full bg-slate-100 text-[11px] font-semibold text-slate-600 ring-2 ring-white"
        >
          +{hidden.length}
        </li>
      )}
    </ul>
  );
}
