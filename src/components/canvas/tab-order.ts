/**
 * The canvas's Tab sequence. React Flow draws connections before steps (edges sit under the
 * node layer), so in document order every connection would come before the first step.
 * Connections are therefore taken out of the document's sequence (tabIndex -1) and put back
 * here, right after the last step: palette, steps in matrix order, connections, then the lane
 * headers' buttons and the zoom controls. No positive tabindex is involved, and everything
 * outside the canvas keeps the browser's own order.
 */

/** The tab stops in order: document-order stops with `connections` spliced in after the last step. */
export function tabSequence<T>(stops: readonly T[], isStep: (stop: T) => boolean, connections: readonly T[]): T[] {
  let lastStep = -1;
  stops.forEach((stop, i) => {
    if (isStep(stop)) lastStep = i;
  });
  if (lastStep === -1) return [...stops];
  return [...stops.slice(0, lastStep + 1), ...connections, ...stops.slice(lastStep + 1)];
}

/** The stop Tab (or Shift+Tab) moves to from `current`; null at either end, where the browser takes over. */
export function nextStop<T>(sequence: readonly T[], current: T, backwards: boolean): T | null {
  const at = sequence.indexOf(current);
  if (at === -1) return null;
  return sequence[at + (backwards ? -1 : 1)] ?? null;
}
