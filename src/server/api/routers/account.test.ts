import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { activityLogs, comments, organizationMembers, sessions, users } from "~/server/db/schema";
import { startSession } from "~/server/services/sessions";
import { isSessionLive } from "~/server/services/sessions";
import { verifyCredentials } from "~/server/services/users";
import { addOrgMember, callerFor, createOrg, createUser, TEST_PASSWORD } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";

describe.each(testDatabaseKinds())("a person's own data on %s", (kind) => {
  const db = useTestDatabase(kind);

  /** An organization with a project where `member` comments, and then loses access to the project. */
  async function setup() {
    const { caller: owner, org } = await createOrg(db());
    const project = await owner.project.create({ organizationId: org.id, name: "Shared" });
    const member = await addOrgMember(db(), org.id, "MEMBER", "Mo Member");
    await owner.project.members.add({ projectId: project.id, email: member.email, role: "COMMENTER" });
    const memberCaller = callerFor(db(), member.id);
    await memberCaller.comment.create({ projectId: project.id, content: "Mo's remark" });
    await owner.project.members.remove({ projectId: project.id, userId: member.id });
    return { owner, org, project, member, memberCaller };
  }

  it("exports the account, memberships and everything they wrote, also where they can no longer look", async () => {
    const { org, member, memberCaller } = await setup();
    await startSession(db(), { userId: member.id, userAgent: "Firefox" });
    const data = await memberCaller.user.exportData();
    expect(data.account).toMatchObject({ id: member.id, email: member.email, name: "Mo Member" });
    expect(data.organizations).toEqual([expect.objectContaining({ organizationId: org.id, role: "MEMBER" })]);
    expect(data.projects).toEqual([]);
    expect(data.comments.map((c) => c.content)).toEqual(["Mo's remark"]);
    expect(data.activity.some((a) => a.entityType === "COMMENT")).toBe(true);
    expect(data.sessions).toEqual([expect.objectContaining({ userAgent: "Firefox", revokedAt: null })]);
    expect(JSON.stringify(data)).not.toContain("$2b$");
  });

  it("deletes the account on the password: memberships and sessions go, comments and activity stay without the name", async () => {
    const { member, memberCaller, project, owner } = await setup();
    const sessionId = await startSession(db(), { userId: member.id, userAgent: "vitest" });
    expect((await failure(memberCaller.user.deleteAccount({ password: "not-the-password" }))).domainCode).toBe("WRONG_PASSWORD");
    expect((await db().select().from(users).where(eq(users.id, member.id)))[0]?.deletedAt).toBeNull();

    expect(await memberCaller.user.deleteAccount({ password: TEST_PASSWORD })).toEqual({ ok: true });
    const [tombstone] = await db().select().from(users).where(eq(users.id, member.id));
    expect(tombstone).toMatchObject({ name: "Deleted user", avatarUrl: null });
    expect(tombstone!.email).not.toBe(member.email);
    expect(tombstone!.deletedAt).not.toBeNull();
    expect(await db().select().from(organizationMembers).where(eq(organizationMembers.userId, member.id))).toEqual([]);
    expect(await db().select().from(sessions).where(eq(sessions.userId, member.id))).toEqual([]);
    expect(await isSessionLive(db(), { sessionId, userId: member.id })).toBe(false);
    expect(await verifyCredentials({ db: db() }, { email: member.email, password: TEST_PASSWORD })).toBeNull();
    // The remark is still in the project, now by a former member; the activity row has no author or address.
    const left = await owner.comment.list({ projectId: project.id, status: "all" });
    expect(JSON.stringify(left)).toContain("Mo's remark");
    expect(JSON.stringify(left)).not.toContain("Mo Member");
    expect(await db().select().from(comments).where(eq(comments.userId, member.id))).toEqual([]);
    expect(await db().select().from(activityLogs).where(eq(activityLogs.userId, member.id))).toEqual([]);
    // The email is free again.
    await createUser(db(), { email: member.email });
  });

  it("refuses while they are the last owner of an organization, naming it", async () => {
    const { caller, org, owner } = await createOrg(db(), "Solo Works");
    const refused = await failure(caller.user.deleteAccount({ password: TEST_PASSWORD }));
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", domainCode: "LAST_OWNER" });
    expect(refused.message).toContain('"Solo Works"');
    expect((await db().select().from(users).where(eq(users.id, owner.id)))[0]?.deletedAt).toBeNull();
    await addOrgMember(db(), org.id, "OWNER", "Second owner");
    expect(await caller.user.deleteAccount({ password: TEST_PASSWORD })).toEqual({ ok: true });
  });
});
