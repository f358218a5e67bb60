import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations, organizationMembers, projectMembers } from "~/server/db/schema";
import { callerFor, createInvitation, createOrg, createUser, invitationOf, setOrgLimits } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";

describe.each(testDatabaseKinds())("invitations on %s", (kind) => {
  const db = useTestDatabase(kind);

  /** Dana owns "Acme" and its project "Hiring"; Ivy has an account but is in no organization. */
  async function setup() {
    const { owner: dana, caller, org } = await createOrg(db(), "Acme");
    const project = await caller.project.create({ organizationId: org.id, name: "Hiring" });
    const ivy = await createUser(db(), { name: "Ivy" });
    return { dana, caller, org, project, ivy, ivyCaller: callerFor(db(), ivy.id) };
  }

  async function membershipsOf(userId: string) {
    const orgs = await db().select().from(organizationMembers).where(eq(organizationMembers.userId, userId));
    const projects = await db().select().from(projectMembers).where(eq(projectMembers.userId, userId));
    return { orgs: orgs.map((m) => m.role), projects: projects.map((m) => m.role) };
  }

  it("lists a project invitation for the invitee, who joins the organization and the project by accepting", async () => {
    const { caller, org, project, ivy, ivyCaller } = await setup();
    const sent = invitationOf(await caller.project.members.add({ projectId: project.id, email: ivy.email, role: "EDITOR" }));
    expect(await membershipsOf(ivy.id)).toEqual({ orgs: [], projects: [] });

    const [listed] = await ivyCaller.invitation.mine();
    expect(listed).toMatchObject({
      id: sent.id,
      state: "PENDING",
      organization: { id: org.id, name: "Acme" },
      project: { id: project.id, name: "Hiring" },
      orgRole: "MEMBER",
      projectRole: "EDITOR",
      invitedByName: "Owner",
    });
    expect(await ivyCaller.invitation.get({ invitationId: sent.id })).toEqual(listed);

    const joined = await ivyCaller.invitation.accept({ invitationId: sent.id });
    expect(joined).toMatchObject({ state: "ACCEPTED", project: { id: project.id } });
    expect(await membershipsOf(ivy.id)).toEqual({ orgs: ["MEMBER"], projects: ["EDITOR"] });
    expect((await ivyCaller.project.get({ projectId: project.id })).myRole).toBe("EDITOR");
    expect(await ivyCaller.invitation.mine()).toEqual([]);
    const feed = await caller.activity.list({ projectId: project.id });
    expect(feed.items.map((i) => i.text)).toContain("Ivy joined the project as editor, invited by Owner");
    // Answered once: a second answer is refused and changes nothing.
    const twice = await failure(ivyCaller.invitation.accept({ invitationId: sent.id }));
    expect(twice).toMatchObject({
      code: "CONFLICT",
      domainCode: "INVITATION_CLOSED",
      message: "You have already accepted this invitation",
    });
  });

  it("declines without joining, and the inviter's list drops it", async () => {
    const { caller, org, ivy, ivyCaller } = await setup();
    const sent = invitationOf(await caller.org.members.add({ organizationId: org.id, email: ivy.email, role: "ADMIN" }));
    await ivyCaller.invitation.decline({ invitationId: sent.id });
    expect(await membershipsOf(ivy.id)).toEqual({ orgs: [], projects: [] });
    expect(await caller.org.members.invitations({ organizationId: org.id })).toEqual([]);
    expect(await ivyCaller.invitation.get({ invitationId: sent.id })).toMatchObject({ state: "DECLINED" });
    const late = await failure(ivyCaller.invitation.accept({ invitationId: sent.id }));
    expect(late).toMatchObject({ domainCode: "INVITATION_CLOSED", message: expect.stringContaining("declined") });
    // A new invitation can follow a declined one.
    const again = invitationOf(await caller.org.members.add({ organizationId: org.id, email: ivy.email, role: "MEMBER" }));
    expect(again.id).not.toBe(sent.id);
  });

  it("refuses anyone but the addressee, telling them it was sent to another address and changing nothing", async () => {
    const { caller, org, ivy } = await setup();
    const sent = invitationOf(await caller.org.members.add({ organizationId: org.id, email: ivy.email, role: "MEMBER" }));
    const mallory = await createUser(db(), { name: "Mallory" });
    const malloryCaller = callerFor(db(), mallory.id);
    expect(await malloryCaller.invitation.mine()).toEqual([]);
    for (const call of [
      () => malloryCaller.invitation.get({ invitationId: sent.id }),
      () => malloryCaller.invitation.accept({ invitationId: sent.id }),
      () => malloryCaller.invitation.decline({ invitationId: sent.id }),
    ]) {
      expect(await failure(call())).toMatchObject({ code: "FORBIDDEN", domainCode: "WRONG_ACCOUNT" });
    }
    expect(await membershipsOf(mallory.id)).toEqual({ orgs: [], projects: [] });
    const [row] = await db().select().from(invitations).where(eq(invitations.id, sent.id));
    expect(row?.status).toBe("PENDING");
    const unknown = await failure(malloryCaller.invitation.accept({ invitationId: crypto.randomUUID() }));
    expect(unknown).toMatchObject({ code: "NOT_FOUND", message: "Invitation not found" });
  });

  it("reaches an address that signs up later, under either spelling of the email", async () => {
    const { caller, org } = await setup();
    const sent = invitationOf(await caller.org.members.add({ organizationId: org.id, email: "New.Person@Example.test", role: "MEMBER" }));
    expect(sent.email).toBe("new.person@example.test");
    const newcomer = await createUser(db(), { email: "new.person@example.test" });
    const [listed] = await callerFor(db(), newcomer.id).invitation.mine();
    expect(listed?.id).toBe(sent.id);
  });

  it("says when an invitation was withdrawn, has expired, or its project is gone", async () => {
    const { caller, org, project, ivy, ivyCaller } = await setup();
    const withdrawn = invitationOf(await caller.org.members.add({ organizationId: org.id, email: ivy.email, role: "MEMBER" }));
    await caller.org.members.revokeInvitation({ organizationId: org.id, invitationId: withdrawn.id });
    expect(await failure(caller.org.members.revokeInvitation({ organizationId: org.id, invitationId: withdrawn.id }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await failure(ivyCaller.invitation.accept({ invitationId: withdrawn.id }))).toMatchObject({
      domainCode: "INVITATION_CLOSED",
      message: "This invitation was withdrawn",
    });

    const old = await createInvitation(db(), { organizationId: org.id, email: ivy.email, expiresAt: new Date(Date.now() - 1000) });
    expect(await ivyCaller.invitation.mine()).toEqual([]);
    expect(await caller.org.members.invitations({ organizationId: org.id })).toMatchObject([{ id: old.id, expired: true }]);
    expect(await failure(ivyCaller.invitation.accept({ invitationId: old.id }))).toMatchObject({
      domainCode: "INVITATION_CLOSED",
      message: expect.stringContaining("expired"),
    });

    const shared = invitationOf(await caller.project.members.add({ projectId: project.id, email: ivy.email, role: "VIEWER" }));
    await caller.project.delete({ projectId: project.id });
    expect(await ivyCaller.invitation.get({ invitationId: shared.id })).toMatchObject({ state: "GONE" });
    expect(await failure(ivyCaller.invitation.accept({ invitationId: shared.id }))).toMatchObject({ domainCode: "INVITATION_CLOSED" });
    expect(await membershipsOf(ivy.id)).toEqual({ orgs: [], projects: [] });
  });

  it("holds the member limit when the invitation is accepted, not only when it is sent", async () => {
    const { caller, org, ivy, ivyCaller } = await setup();
    await setOrgLimits(db(), org.id, { maxMembers: 2 });
    const jon = await createUser(db(), { name: "Jon" });
    const forIvy = invitationOf(await caller.org.members.add({ organizationId: org.id, email: ivy.email, role: "MEMBER" }));
    const forJon = invitationOf(await caller.org.members.add({ organizationId: org.id, email: jon.email, role: "MEMBER" }));
    await ivyCaller.invitation.accept({ invitationId: forIvy.id });
    const full = await failure(callerFor(db(), jon.id).invitation.accept({ invitationId: forJon.id }));
    expect(full).toMatchObject({ domainCode: "LIMIT_REACHED", message: expect.stringContaining("member limit") });
    expect(await membershipsOf(jon.id)).toEqual({ orgs: [], projects: [] });
    expect(await callerFor(db(), jon.id).invitation.get({ invitationId: forJon.id })).toMatchObject({ state: "PENDING" });
  });

  it("lets only an owner invite an owner, and an admin revoke only their own organization's invitations", async () => {
    const { caller, org, ivy } = await setup();
    const admin = await createUser(db(), { name: "Ada" });
    await db().insert(organizationMembers).values({ organizationId: org.id, userId: admin.id, role: "ADMIN" });
    const adminCaller = callerFor(db(), admin.id);
    expect(await failure(adminCaller.org.members.add({ organizationId: org.id, email: ivy.email, role: "OWNER" }))).toMatchObject({
      domainCode: "OWNER_ONLY",
    });
    const sent = invitationOf(await caller.org.members.add({ organizationId: org.id, email: ivy.email, role: "OWNER" }));
    const other = await createOrg(db(), "Other");
    const crossTenant = await failure(other.caller.org.members.revokeInvitation({ organizationId: other.org.id, invitationId: sent.id }));
    expect(crossTenant.code).toBe("NOT_FOUND");
    const [row] = await db().select().from(invitations).where(eq(invitations.id, sent.id));
    expect(row?.status).toBe("PENDING");
  });
});
