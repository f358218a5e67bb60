import type { DomainCode } from "~/domain/error-codes";

export type { DomainCode };

/** Refusals with nothing to add to their kind: "not found" (or not yours to see), "not allowed". */
export type PlainCode = "NOT_FOUND" | "FORBIDDEN";

export type ServiceCode = DomainCode | PlainCode;

const isPlain = (code: ServiceCode): code is PlainCode => code === "NOT_FOUND" || code === "FORBIDDEN";

/**
 * A refusal by a service, in the services' own terms: the API layer turns it into an HTTP
 * status (src/server/api/errors.ts), so nothing here knows about the transport.
 */
export class ServiceError extends Error {
  override readonly name = "ServiceError";
  readonly code: ServiceCode;
  /** Machine-readable context for the UI, e.g. the current entity on STALE_WRITE. */
  readonly details: Record<string, unknown> | null;

  constructor(code: ServiceCode, message: string, details: Record<string, unknown> | null = null) {
    super(message);
    this.code = code;
    this.details = details;
  }

  /** The code the UI branches on; null for a plain NOT_FOUND or FORBIDDEN. */
  get domainCode(): DomainCode | null {
    return isPlain(this.code) ? null : this.code;
  }
}

export function notFound(what: string): ServiceError {
  return new ServiceError("NOT_FOUND", `${what} not found`);
}

export function forbidden(message: string): ServiceError {
  return new ServiceError("FORBIDDEN", message);
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
