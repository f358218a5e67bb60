import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/** Stable codes the UI can branch on; the message is for people. */
export type DomainCode =
  | "EMAIL_TAKEN"
  | "INVALID_CREDENTIALS"
  | "WRONG_PASSWORD"
  | "SLUG_TAKEN"
  | "LAST_OWNER"
  | "LIMIT_REACHED"
  | "ALREADY_MEMBER"
  | "USER_NOT_FOUND"
  | "NOT_A_MEMBER"
  | "PROJECT_ARCHIVED"
  | "OWNER_ONLY"
  | "STALE_WRITE"
  | "CYCLE_DETECTED"
  | "DUPLICATE_ID"
  | "ENTITY_NOT_FOUND"
  | "INVALID_OPERATION"
  | "HISTORY_GONE"
  | "STALE_CURSOR"
  | "VERSION_MISMATCH";

const STATUS: Record<DomainCode, TRPC_ERROR_CODE_KEY> = {
  EMAIL_TAKEN: "CONFLICT",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  WRONG_PASSWORD: "BAD_REQUEST",
  SLUG_TAKEN: "CONFLICT",
  LAST_OWNER: "PRECONDITION_FAILED",
  LIMIT_REACHED: "FORBIDDEN",
  ALREADY_MEMBER: "CONFLICT",
  USER_NOT_FOUND: "NOT_FOUND",
  NOT_A_MEMBER: "NOT_FOUND",
  PROJECT_ARCHIVED: "PRECONDITION_FAILED",
  OWNER_ONLY: "FORBIDDEN",
  STALE_WRITE: "CONFLICT",
  CYCLE_DETECTED: "BAD_REQUEST",
  DUPLICATE_ID: "CONFLICT",
  ENTITY_NOT_FOUND: "NOT_FOUND",
  INVALID_OPERATION: "BAD_REQUEST",
  HISTORY_GONE: "CONFLICT",
  STALE_CURSOR: "BAD_REQUEST",
  VERSION_MISMATCH: "PRECONDITION_FAILED",
};

export class DomainError extends TRPCError {
  readonly domainCode: DomainCode;
  /** Machine-readable context for the UI, e.g. the current entity on STALE_WRITE. */
  readonly details: Record<string, unknown> | null;

  constructor(domainCode: DomainCode, message: string, details: Record<string, unknown> | null = null) {
    super({ code: STATUS[domainCode], message });
    this.domainCode = domainCode;
    this.details = details;
  }
}

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });
}

export function forbidden(message: string): TRPCError {
  return new TRPCError({ code: "FORBIDDEN", message });
}

/** Postgres unique_violation on a given constraint, from either driver. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  while (current && typeof current === "object") {
    const e = current as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };
    if (e.code === "23505") {
      return !constraint || e.constraint === constraint || e.constraint_name === constraint;
    }
    current = e.cause;
  }
  return false;
}
