import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { serviceErrorOf } from "~/server/api/errors";

/**
 * Awaits a call that must fail and returns what the client would read: the tRPC code, the
 * domain code and details (null unless a service refused with one), and the message.
 */
export async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const e = error as TRPCError;
    const refusal = serviceErrorOf(e);
    return { code: e.code, domainCode: refusal?.domainCode ?? null, details: refusal?.details ?? null, message: e.message };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
