import { TRPCClientError } from "@trpc/client";
import { domainCodeOf, errorMessage } from "../lib/trpc-errors";
import type { Author } from "~/domain/conflict";
import type { SendFailure } from "./editor-store";

const REJECTED = new Set([
  "BAD_REQUEST",
  "CONFLICT",
  "NOT_FOUND",
  "FORBIDDEN",
  "PRECONDITION_FAILED",
  "UNAUTHORIZED",
  "UNPROCESSABLE_CONTENT",
]);

/** Sorts a failed save: no answer (retry quietly), a refusal (drop the edit), or server trouble. */
export function classifySendError(error: unknown): SendFailure {
  if (!(error instanceof TRPCClientError)) return { kind: "network" };
  const data = (error as TRPCClientError<never>).data as
    { code?: string; httpStatus?: number; details?: { index?: unknown; by?: unknown } | null } | undefined;
  if (!data?.code) return { kind: "network" };
  if (data.httpStatus && data.httpStatus >= 502 && data.httpStatus <= 504) return { kind: "network" };
  if (REJECTED.has(data.code)) {
    const stale = domainCodeOf(error) === "STALE_WRITE" ? staleOf(data.details) : undefined;
    return { kind: "rejected", message: errorMessage(error), ...(stale && { stale }) };
  }
  return { kind: "error", message: "Your last change couldn't be saved. Retry, or reload the page." };
}

/** Which operation lost and who won, from a STALE_WRITE's details ({ index, by: { name, at } }). */
function staleOf(details: { index?: unknown; by?: unknown } | null | undefined): { index: number; by: Author | null } | undefined {
  if (typeof details?.index !== "number") return undefined;
  const by = details.by as { name?: unknown; at?: unknown } | null | undefined;
  const at = typeof by?.at === "string" ? Date.parse(by.at) : NaN;
  return { index: details.index, by: typeof by?.name === "string" && !Number.isNaN(at) ? { name: by.name, at } : null };
}
