type ErrorData = {
  code?: string;
  httpStatus?: number;
  domainCode?: string | null;
  zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
};

function dataOf(error: unknown): ErrorData | undefined {
  return (error as { data?: ErrorData } | null)?.data;
}

/** Field-level messages from the server's zod validation, first message per field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fieldErrors = dataOf(error)?.zodError?.fieldErrors ?? {};
  return Object.fromEntries(
    Object.entries(fieldErrors).flatMap(([field, messages]) => (messages?.[0] ? [[field, messages[0]]] : [])),
  );
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

export function domainCodeOf(error: unknown): string | null {
  return dataOf(error)?.domainCode ?? null;
}

/** NOT_FOUND, and malformed ids (BAD_REQUEST) that can never exist either. */
export function isNotFound(error: unknown): boolean {
  const code = dataOf(error)?.code;
  return code === "NOT_FOUND" || code === "BAD_REQUEST";
}
