import { isRange, type Estimate } from "~/domain/duration";

/** The parsed time in its three columns: the most likely value, and the range only when there is one. */
export function estimateColumns<P extends "duration" | "lag">(e: Estimate, prefix: P) {
  const range = isRange(e);
  return {
    [`${prefix}Minutes`]: e.mode,
    [`${prefix}LowMinutes`]: range ? e.low : null,
    [`${prefix}HighMinutes`]: range ? e.high : null,
  } as Record<`${P}Minutes`, number> & Record<`${P}LowMinutes` | `${P}HighMinutes`, number | null>;
}
