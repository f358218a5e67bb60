import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { ZodError } from "zod";
import { ServiceError, type ServiceCode } from "~/server/services/errors";

/** The HTTP status (as a tRPC code) each service refusal leaves the API with. */
const STATUS: Record<ServiceCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  EMAIL_TAKEN: "CONFLICT",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  WRONG_PASSWORD: "BAD_REQUEST",
  SLUG_TAKEN: "CONFLICT",
  LAST_OWNER: "PRECONDITION_FAILED",
  LIMIT_REACHED: "FORBIDDEN",
  ALREADY_MEMBER: "CONFLICT",
  INVITATION_CLOSED: "CONFLICT",
  WRONG_ACCOUNT: "FORBIDDEN",
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
  RATE_LIMITED: "TOO_MANY_REQUESTS",
};

/** The TRPCError a ServiceError leaves as: its status and message, the ServiceError kept on `cause`. */
export function toTRPCError(error: ServiceError): TRPCError {
  return new TRPCError({ code: STATUS[error.code], message: error.message, cause: error });
}

/**
 * An input the schema refused, in words: "nodes[0].label: Label is required; limit: Too big"
 * (zod's own message is its issues as JSON). The issues stay on `cause` for field errors.
 */
export function readableInputError(error: ZodError): string {
  const lines = error.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (at, key) => (typeof key === "number" ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)),
      "",
    );
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return [...new Set(lines)].join("; ");
}

/** The ServiceError behind an error that left a procedure, if a service refused. */
export function serviceErrorOf(error: TRPCError): ServiceError | null {
  return error.cause instanceof ServiceError ? error.cause : null;
}

/** Response headers for a response that carries refusals: one for too many attempts says when to come back (Retry-After). */
export function retryAfterMeta({ errors }: { errors: TRPCError[] }): { headers?: Headers } {
  const waits = errors.flatMap((error) => {
    const refusal = serviceErrorOf(error);
    const seconds = refusal?.code === "RATE_LIMITED" ? refusal.details?.retryAfterSeconds : undefined;
    return typeof seconds === "number" ? [seconds] : [];
  });
  return waits.length > 0 ? { headers: new Headers({ "Retry-After": String(Math.max(...waits)) }) } : {};
}
