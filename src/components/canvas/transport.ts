import { TRPCClientError } from "@trpc/client";
import { errorMessage } from "../lib/trpc-errors";
import type { SendFailure } from "./editor-store";

const REJECTED = new Set(["BAD_REQUEST", "CONFLICT", "NOT_FOUND", "FORBIDDEN", "PRECONDITION_FAILED", "UNAUTHORIZED", "UNPROCESSABLE_CONTENT"]);

/** Sorts a failed save: no answer (retry quietly), a refusal (drop the edit), or server trouble. */
export function classifySendError(error: unknown): SendFailure {
  if (!(error instanceof TRPCClientError)) return { kind: "network" };
  const data = (error as TRPCClientError<never>).data as { code?: string; httpStatus?: number } | undefined;
  if (!data?.code) return { kind: "network" };
  if (data.httpStatus && data.httpStatus >= 502 && data.httpStatus <= 504) return { kind: "network" };
  if (REJECTED.has(data.code)) return { kind: "rejected", message: errorMessage(error) };
  return { kind: "error", message: "Your last change couldn't be saved. Retry, or reload the page." };
}
