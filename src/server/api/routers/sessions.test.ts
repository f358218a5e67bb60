import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "~/server/db/schema";
import { endSession, isSessionLive, startSession } from "~/server/services/sessions";
import { callerFor, createUser, TEST_PASSWORD } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";

describe.each(testDatabaseKinds())("sessions on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("a sign-in is live until it is signed out, wherever its token was copied", async () => {
    const user = await createUser(db());
    const sessionId = await startSession(db(), { userId: user.id, userAgent: "Firefox" });
    expect(await isSessionLive(db(), { sessionId, userId: user.id })).toBe(true);
    // The token names the user too: a session id with someone else's user id is nothing.
    const other = await createUser(db());
    expect(await isSessionLive(db(), { sessionId, userId: other.id })).toBe(false);
    await endSession(db(), sessionId);
    expect(await isSessionLive(db(), { sessionId, userId: user.id })).toBe(false);
  });

  it("a password change ends every other sign-in and keeps the one that changed it", async () => {
    const user = await createUser(db());
    const [here, laptop, phone] = await Promise.all(
      ["here", "laptop", "phone"].map((ua) => startSession(db(), { userId: user.id, userAgent: ua })),
    );
    await callerFor(db(), user.id, here!).user.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-password" });
    expect(await isSessionLive(db(), { sessionId: here!, userId: user.id })).toBe(true);
    expect(await isSessionLive(db(), { sessionId: laptop!, userId: user.id })).toBe(false);
    expect(await isSessionLive(db(), { sessionId: phone!, userId: user.id })).toBe(false);
  });

  it("a wrong current password ends nothing", async () => {
    const user = await createUser(db());
    const laptop = await startSession(db(), { userId: user.id, userAgent: null });
    await expect(
      callerFor(db(), user.id).user.changePassword({ currentPassword: "not-the-password", newPassword: "a-brand-new-password" }),
    ).rejects.toThrow("Your current password is not correct");
    expect(await isSessionLive(db(), { sessionId: laptop, userId: user.id })).toBe(true);
  });

  it("signing out everywhere ends them all, this one included", async () => {
    const user = await createUser(db());
    const here = await startSession(db(), { userId: user.id, userAgent: null });
    const laptop = await startSession(db(), { userId: user.id, userAgent: null });
    await callerFor(db(), user.id, here).user.signOutEverywhere();
    expect(await isSessionLive(db(), { sessionId: here, userId: user.id })).toBe(false);
    expect(await isSessionLive(db(), { sessionId: laptop, userId: user.id })).toBe(false);
  });

  it("an expired sign-in, or one of a deleted account, is not live", async () => {
    const user = await createUser(db());
    const old = await startSession(db(), { userId: user.id, userAgent: null });
    await db()
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.id, old));
    expect(await isSessionLive(db(), { sessionId: old, userId: user.id })).toBe(false);
    const fresh = await startSession(db(), { userId: user.id, userAgent: null });
    await db()
      .update(users)
      .set({ deletedAt: sql`now()` })
      .where(eq(users.id, user.id));
    expect(await isSessionLive(db(), { sessionId: fresh, userId: user.id })).toBe(false);
  });
});
