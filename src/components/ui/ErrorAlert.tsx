import { errorMessage } from "../lib/trpc-errors";
import { Alert } from "./Alert";

/** The server's message for a failed mutation, or nothing. */
export function ErrorAlert({ error, className }: { error: unknown; className?: string }) {
  if (!error) return null;
  return (
    <Alert tone="error" className={className}>
      {errorMessage(error)}
    </Alert>
  );
}
