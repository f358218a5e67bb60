/**
 * Streams a long piece of work as it goes: `run` reports progress through its callback, and
 * the generator yields `{ progress }` for each report (only the latest when several wait) and
 * finally `{ result }`, or throws what `run` threw (a service's refusal as the TRPCError it
 * maps to: the procedure's middleware has returned by then). A procedure returns it to a client
 * on httpBatchStreamLink, which reads the values as they come.
 */
import { ServiceError } from "~/server/services/errors";
import { toTRPCError } from "./errors";

export type Streamed<P, T> = { progress: P; result?: never } | { result: T; progress?: never };

type State<P, T> = {
  latest: { value: P } | null;
  outcome: { ok: true; value: T } | { ok: false; error: unknown } | null;
  wake: (() => void) | null;
};

export async function* withProgress<P, T>(run: (report: (progress: P) => void) => Promise<T>): AsyncGenerator<Streamed<P, T>> {
  const state: State<P, T> = { latest: null, outcome: null, wake: null };
  const poke = () => {
    state.wake?.();
    state.wake = null;
  };
  void run((progress) => {
    state.latest = { value: progress };
    poke();
  }).then(
    (value) => {
      state.outcome = { ok: true, value };
      poke();
    },
    (error: unknown) => {
      state.outcome = { ok: false, error };
      poke();
    },
  );
  for (;;) {
    const { latest, outcome } = state;
    if (latest) {
      state.latest = null;
      yield { progress: latest.value };
    } else if (outcome) {
      if (!outcome.ok) throw outcome.error instanceof ServiceError ? toTRPCError(outcome.error) : outcome.error;
      yield { result: outcome.value };
      return;
    } else await new Promise<void>((resolve) => (state.wake = resolve));
  }
}
