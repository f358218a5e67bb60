import { describe, expect, it } from "vitest";
import { detailsOf, domainCodeOf, errorMessage, fieldForCode } from "./trpc-errors";

/** A refusal as the tRPC client hands it over: the message, and the formatter's data. */
const refusal = (message: string, data: Record<string, unknown>) => Object.assign(new Error(message), { data });

describe("reading a refusal", () => {
  it("knows the domain codes the server sends, and nothing else", () => {
    expect(domainCodeOf(refusal("taken", { domainCode: "EMAIL_TAKEN" }))).toBe("EMAIL_TAKEN");
    expect(domainCodeOf(refusal("odd", { domainCode: "SOMETHING_NEW" }))).toBeNull();
    expect(domainCodeOf(new Error("network"))).toBeNull();
    expect(domainCodeOf(null)).toBeNull();
  });

  it("puts the message on the field its code is about, and nowhere for other codes", () => {
    const taken = refusal("An account with this email already exists", { domainCode: "EMAIL_TAKEN" });
    expect(fieldForCode(taken, { EMAIL_TAKEN: "email" })).toEqual({ email: "An account with this email already exists" });
    expect(fieldForCode(taken, { WRONG_PASSWORD: "currentPassword" })).toEqual({});
    expect(fieldForCode(null, { EMAIL_TAKEN: "email" })).toEqual({});
  });

  it("gives the details (a cycle's steps) and the message", () => {
    const cycle = refusal("The dependencies form a cycle through: A, B", { domainCode: "CYCLE_DETECTED", details: { cycle: ["a", "b"] } });
    expect(detailsOf(cycle)).toEqual({ cycle: ["a", "b"] });
    expect(errorMessage(cycle)).toBe("The dependencies form a cycle through: A, B");
  });
});
