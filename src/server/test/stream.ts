import type { Streamed } from "~/server/api/progress";

/** Reads a streamed procedure's answer to the end: every progress report and the result (or its error). */
export async function readStream<P, T>(stream: Promise<AsyncIterable<Streamed<P, T>>>): Promise<{ progress: P[]; result: T }> {
  const progress: P[] = [];
  for await (const item of await stream) {
    if (item.result !== undefined) return { progress, result: item.result };
    progress.push(item.progress as P);
  }
  throw new Error("The stream ended without a result");
}

/** The result of a streamed procedure, as a promise: what `failure()` and plain awaits expect. */
export const streamResult = async <P, T>(stream: Promise<AsyncIterable<Streamed<P, T>>>): Promise<T> => (await readStream(stream)).result;
