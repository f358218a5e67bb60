import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { DomainError } from "~/server/services/errors";

/** Awaits a call that must fail and returns { code, domainCode, message } for assertions. */
export async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const e = error as TRPCError;
    return { code: e.code, domainCode: e instanceof DomainError ? e.domainCode : null, message: e.message };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
