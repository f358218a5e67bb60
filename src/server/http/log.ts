/**
 * What the server log may say about an unexpected error. A failed query's message carries its
 * parameter values (drizzle writes "params: ..." into it), which can be a password hash or
 * someone's text; the log keeps the statement, the database's own message and SQLSTATE, and
 * the stack, never the values. A database's `detail` ("Key (email)=(...)") is left out too.
 */
type QueryFailure = { query: string; params: unknown[]; cause?: unknown };

const STATEMENT_CHARS = 300;

function isQueryFailure(error: unknown): error is QueryFailure {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { query?: unknown }).query === "string" &&
    Array.isArray((error as { params?: unknown }).params)
  );
}

function firstStackFrames(error: Error): string {
  return (error.stack ?? "").split("\n").slice(1, 6).join("\n");
}

export function loggableError(error: unknown, depth = 0): string {
  if (depth > 5) return "(cause chain cut)";
  if (isQueryFailure(error)) {
    const statement = error.query.replace(/\s+/g, " ").slice(0, STATEMENT_CHARS);
    const cause = error.cause === undefined ? "" : `\n  caused by ${loggableError(error.cause, depth + 1)}`;
    return `query failed (${error.params.length} parameters, values not logged): ${statement}${cause}`;
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const head = `${error.name}: ${error.message}${typeof code === "string" ? ` [${code}]` : ""}`;
    const cause = error.cause === undefined ? "" : `\n  caused by ${loggableError(error.cause, depth + 1)}`;
    return `${head}\n${firstStackFrames(error)}${cause}`;
  }
  return `non-error thrown: ${typeof error}`;
}
