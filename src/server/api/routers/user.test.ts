import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "~/server/db/schema";
import { verifyCredentials } from "~/server/services/users";
import { callerFor, createUser, TEST_PASSWORD } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";

describe.each(testDatabaseKinds())("auth and profile on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("signs up with a lowercased email and a bcrypt hash, then verifies credentials", async () => {
    const user = await callerFor(db(), null).auth.signUp({ name: "Ada", email: " Ada@Example.TEST ", password: "long-enough-pw" });
    expect(user.email).toBe("ada@example.test");
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(await verifyCredentials({ db: db() }, { email: "ADA@example.test", password: "long-enough-pw" })).toMatchObject({ id: user.id });
  });

  it("rejects a duplicate email with EMAIL_TAKEN", async () => {
    const existing = await createUser(db());
    const result = await failure(
      callerFor(db(), null).auth.signUp({ name: "Copy", email: existing.email.toUpperCase(), password: "long-enough-pw" }),
    );
    expect(result).toMatchObject({ code: "CONFLICT", domainCode: "EMAIL_TAKEN", message: "An account with this email already exists" });
  });

  it("rejects a password under 10 characters and creates nobody", async () => {
    const email = "short@example.test";
    const result = await failure(callerFor(db(), null).auth.signUp({ name: "Short", email, password: "123456789" }));
    expect(result.code).toBe("BAD_REQUEST");
    expect(result.message).toContain("Password must be at least 10 characters");
    expect(await db().select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("answers the same for an unknown email and a wrong password", async () => {
    const user = await createUser(db());
    expect(await verifyCredentials({ db: db() }, { email: user.email, password: "wrong-password-1" })).toBeNull();
    expect(await verifyCredentials({ db: db() }, { email: "nobody@example.test", password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ db: db() }, { email: user.email, password: TEST_PASSWORD })).toMatchObject({ id: user.id });
  });

  it("updates the profile and validates the avatar URL", async () => {
    const user = await createUser(db());
    const caller = callerFor(db(), user.id);
    const updated = await caller.user.updateProfile({ name: "New Name", avatarUrl: "https://example.test/a.png" });
    expect(updated).toMatchObject({ name: "New Name", avatarUrl: "https://example.test/a.png" });
    expect((await caller.user.me()).name).toBe("New Name");
    expect((await failure(caller.user.updateProfile({ name: "X", avatarUrl: "javascript:alert(1)" }))).code).toBe("BAD_REQUEST");
    expect((await caller.user.updateProfile({ name: "X", avatarUrl: "" })).avatarUrl).toBeNull();
  });

  it("changes the password only with the current one", async () => {
    const user = await createUser(db());
    const caller = callerFor(db(), user.id);
    const wrong = await failure(caller.user.changePassword({ currentPassword: "not-the-one", newPassword: "brand-new-password" }));
    expect(wrong).toMatchObject({ domainCode: "WRONG_PASSWORD" });
    expect(await verifyCredentials({ db: db() }, { email: user.email, password: TEST_PASSWORD })).not.toBeNull();
    await caller.user.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "brand-new-password" });
    expect(await verifyCredentials({ db: db() }, { email: user.email, password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ db: db() }, { email: user.email, password: "brand-new-password" })).not.toBeNull();
  });

  it("refuses signed-out callers", async () => {
    expect((await failure(callerFor(db(), null).user.me())).code).toBe("UNAUTHORIZED");
  });
});
