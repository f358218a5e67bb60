import { isDomainCode, type DomainCode } from "~/domain/error-codes";

type ErrorData = {
  code?: string;
  httpStatus?: number;
  domainCode?: string | null;
  details?: Record<string, unknown> | null;
  zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
};

function dataOf(error: unknown): ErrorData | undefined {
  return (error as { data?: ErrorData } | null)?.data;
}

/** Field-level messages from the server's zod validation, first message per field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fieldErrors = dataOf(error)?.zodError?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fieldErrors).flatMap(([field, messages]) => (messages?.[0] ? [[field, messages[0]]] : [])));
}

/** Text for people: zod issues are summarised because their raw message is JSON. */
export function errorMessage(error: unknown): string {
  const zod = dataOf(error)?.zodError;
  if (zod) {
    const first = zod.formErrors[0] ?? Object.values(fieldErrorsOf(error))[0];
    if (first) return first;
  }
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}

/** The rule the server said the request broke, or null (not a refusal, or one without a code). */
export function domainCodeOf(error: unknown): DomainCode | null {
  const code = dataOf(error)?.domainCode;
  return isDomainCode(code) ? code : null;
}

/** The refusal's machine-readable context (e.g. `{ cycle: [ids] }` on CYCLE_DETECTED), or null. */
export function detailsOf(error: unknown): Record<string, unknown> | null {
  return dataOf(error)?.details ?? null;
}

/**
 * The server's message for the field a refusal is about: `fields` maps codes to field names,
 * e.g. `{ EMAIL_TAKEN: "email" }`. The rest of the form shows other errors as before.
 */
export function fieldForCode<F extends string>(error: unknown, fields: Partial<Record<DomainCode, F>>): Partial<Record<F, string>> {
  const code = domainCodeOf(error);
  const field = code ? fields[code] : undefined;
  const errors: Partial<Record<F, string>> = {};
  if (field) errors[field] = errorMessage(error);
  return errors;
}

/** NOT_FOUND, and malformed ids (BAD_REQUEST) that can never exist either. */
export function isNotFound(error: unknown): boolean {
  const code = dataOf(error)?.code;
  return code === "NOT_FOUND" || code === "BAD_REQUEST";
}
