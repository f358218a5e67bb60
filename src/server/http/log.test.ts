import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { loggableError } from "./log";

describe("loggableError", () => {
  it("keeps a failed query's statement and the database's message, never its parameter values", () => {
    const hash = "$2b$12$abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQ";
    const driver = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: "22021",
      detail: "Key (email)=(ada@example.com)",
    });
    const failed = new DrizzleQueryError(
      'insert into "users" ("name", "email", "password_hash") values ($1, $2, $3)',
      ["A\u0000da", "ada@example.com", hash],
      driver,
    );
    expect(failed.message).toContain(hash); // what would have been logged
    const logged = loggableError(failed);
    expect(logged).toContain('query failed (3 parameters, values not logged): insert into "users"');
    expect(logged).toContain('invalid byte sequence for encoding "UTF8": 0x00 [22021]');
    expect(logged).not.toContain(hash);
    expect(logged).not.toContain("ada@example.com");
  });

  it("describes ordinary errors with their stack, and things thrown that are not errors", () => {
    expect(loggableError(new TypeError("x is undefined"))).toMatch(/^TypeError: x is undefined\n\s+at /);
    expect(loggableError("oops")).toBe("non-error thrown: string");
  });
});
