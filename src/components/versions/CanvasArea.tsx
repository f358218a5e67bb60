"use client";

import { MatrixCanvas } from "../canvas/MatrixCanvas";
import { VersionCanvas } from "./VersionCanvas";
import { useVersionView } from "./VersionViewContext";

/** The editable canvas, or a read-only look back at a version (or two compared) in its place. */
export function CanvasArea() {
  const { view } = useVersionView();
  return view ? <VersionCanvas key={JSON.stringify(view)} view={view} /> : <MatrixCanvas />;
}
