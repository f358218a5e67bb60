import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { eq, sql } from "drizzle-orm";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { rateLimits } from "~/server/db/schema";
import { ADDRESS_SIGN_IN_FAILURES, countUse, signUpLimit } from "~/server/services/limits";
import { verifyCredentials } from "~/server/services/users";
import { callerFor, createUser, TEST_PASSWORD } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { retryAfterMeta } from "../errors";
import { appRouter } from "../root";
import { createInnerContext } from "../trpc";

describe.each(testDatabaseKinds())("rate limits on %s", (kind) => {
  const db = useTestDatabase(kind);
  /** Moves every window back, as if `minutes` had passed. */
  const later = (minutes: number) =>
    db()
      .update(rateLimits)
      .set({ windowStart: sql`${rateLimits.windowStart} - make_interval(mins => ${minutes}::int)` });

  it("after ten failed sign-ins an account waits, the right password included, then signs in again", async () => {
    const user = await createUser(db());
    const ctx = { db: db(), ip: null };
    for (let i = 0; i < 10; i++) expect(await verifyCredentials(ctx, { email: user.email, password: "wrong-password" })).toBeNull();
    await expect(verifyCredentials(ctx, { email: user.email.toUpperCase(), password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "Too many attempts. Try again in 15 minutes.",
    });
    await later(16);
    expect(await verifyCredentials(ctx, { email: user.email, password: TEST_PASSWORD })).toMatchObject({ id: user.id });
    // A success clears the failures: the next wrong password is the first of ten again.
    const [left] = await db()
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `signin-account:${user.email}`));
    expect(left).toBeUndefined();
  });

  it("an unknown email is limited like a real one, so the limit tells nothing about accounts", async () => {
    const ctx = { db: db(), ip: null };
    for (let i = 0; i < 10; i++) await verifyCredentials(ctx, { email: "nobody@example.test", password: "guess" });
    await expect(verifyCredentials(ctx, { email: "nobody@example.test", password: "guess" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("an address with a hundred failures across accounts waits", async () => {
    const user = await createUser(db());
    for (let i = 0; i < ADDRESS_SIGN_IN_FAILURES.max; i++) await countUse(db(), ADDRESS_SIGN_IN_FAILURES, "198.51.100.4");
    await expect(verifyCredentials({ db: db(), ip: "198.51.100.4" }, { email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject(
      {
        code: "RATE_LIMITED",
      },
    );
    expect(await verifyCredentials({ db: db(), ip: "198.51.100.5" }, { email: user.email, password: TEST_PASSWORD })).toMatchObject({
      id: user.id,
    });
  });

  it("sign-ups per address, and wrong current passwords, are limited with 429 and Retry-After", async () => {
    const caller = callerFor(db(), null);
    await caller.auth.signUp({ name: "First", email: "first@example.test", password: "long-enough-password" });
    await db().update(rateLimits).set({ count: signUpLimit().max }).where(eq(rateLimits.key, "signup-address:203.0.113.7"));
    const refused = await failure(caller.auth.signUp({ name: "Next", email: "next@example.test", password: "long-enough-password" }));
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "Too many attempts. Try again in 60 minutes." });
    expect(
      await callerFor(db(), null)
        .user.me()
        .catch(() => null),
    ).toBeNull();

    const user = await createUser(db());
    const signedIn = callerFor(db(), user.id);
    for (let i = 0; i < 10; i++) {
      expect((await failure(signedIn.user.changePassword({ currentPassword: "not-it", newPassword: "a-brand-new-password" }))).code).toBe(
        "BAD_REQUEST",
      );
    }
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/user.changePassword", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(superjson.serialize({ currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-password" })),
      }),
      router: appRouter,
      createContext: () => createInnerContext({ db: db(), session: { userId: user.id } }),
      responseMeta: retryAfterMeta,
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(((await response.json()) as { error: { json: { data: { domainCode: string } } } }).error.json.data.domainCode).toBe(
      "RATE_LIMITED",
    );
  });

  it("refused sign-ups count too: their rollback keeps the attempt", async () => {
    const caller = callerFor(db(), null);
    const taken = await createUser(db());
    const key = "signup-address:203.0.113.7";
    await db().delete(rateLimits).where(eq(rateLimits.key, key));
    expect((await failure(caller.auth.signUp({ name: "Again", email: taken.email, password: "long-enough-password" }))).domainCode).toBe(
      "EMAIL_TAKEN",
    );
    const [after] = await db().select().from(rateLimits).where(eq(rateLimits.key, key));
    expect(after?.count).toBe(1);
  });

  it("a user's writes are limited per minute across procedures, then allowed again", async () => {
    const previous = process.env.MUTATIONS_PER_MINUTE;
    process.env.MUTATIONS_PER_MINUTE = "3";
    try {
      const user = await createUser(db());
      const caller = callerFor(db(), user.id);
      for (let i = 0; i < 3; i++) await caller.org.create({ name: `Busy ${i}` });
      const refused = await failure(caller.org.create({ name: "One too many" }));
      expect(refused).toMatchObject({
        code: "TOO_MANY_REQUESTS",
        domainCode: "RATE_LIMITED",
        message: "Too many attempts. Try again in 1 minute.",
      });
      // Reading is not writing; another user is not limited by this one.
      expect(await caller.org.list()).toHaveLength(3);
      await callerFor(db(), (await createUser(db())).id).org.create({ name: "Someone else" });
      await later(2);
      await caller.org.create({ name: "After a minute" });
      expect(await caller.org.list()).toHaveLength(4);
    } finally {
      if (previous === undefined) delete process.env.MUTATIONS_PER_MINUTE;
      else process.env.MUTATIONS_PER_MINUTE = previous;
    }
  });
});
