import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organizationMembers } from "~/server/db/schema";
import { addOrgMember, callerFor, createOrg, createUser, invitationOf, setOrgLimits } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";

describe.each(testDatabaseKinds())("organizations on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("creates an organization with a unique slug and the creator as OWNER", async () => {
    const user = await createUser(db());
    const caller = callerFor(db(), user.id);
    const first = await caller.org.create({ name: "Globex Labs" });
    const second = await caller.org.create({ name: "Globex  labs!" });
    expect(first.slug).toBe("globex-labs");
    expect(second.slug).toBe("globex-labs-2");
    expect(first.myRole).toBe("OWNER");
    const mine = await caller.org.list();
    expect(mine.map((o) => [o.name, o.myRole, o.memberCount])).toEqual(
      expect.arrayContaining([
        ["Globex Labs", "OWNER", 1],
        ["Globex  labs!", "OWNER", 1],
      ]),
    );
    expect(first.settings.departments.length).toBeGreaterThan(0);
  });

  it("rejects a slug that is taken with SLUG_TAKEN", async () => {
    const { caller, org } = await createOrg(db(), "Slug Owner");
    const result = await failure(caller.org.create({ name: "Other", slug: org.slug }));
    expect(result.domainCode).toBe("SLUG_TAKEN");
  });

  it("gets and updates name, theme colour and default axes", async () => {
    const { caller, org } = await createOrg(db());
    const updated = await caller.org.update({
      organizationId: org.id,
      name: "Renamed",
      themeColor: "#112233",
      departments: [{ name: "Legal", color: "#aa0000" }],
      stages: [
        { name: "Draft", color: "#00aa00" },
        { name: "Sign", color: "#0000aa" },
      ],
    });
    expect(updated.name).toBe("Renamed");
    const got = await caller.org.get({ organizationId: org.id });
    expect(got.settings).toMatchObject({
      theme_color: "#112233",
      departments: [{ name: "Legal", color: "#aa0000" }],
      stages: [{ name: "Draft" }, { name: "Sign" }],
      max_projects: 100,
    });
    const bad = await failure(
      caller.org.update({
        organizationId: org.id,
        stages: [
          { name: "A", color: "#000000" },
          { name: "a", color: "#000000" },
        ],
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect((await caller.org.get({ organizationId: org.id })).settings.stages).toHaveLength(2);
  });

  it("invites by email, lets the person in only once they accept, changes roles and removes them", async () => {
    const { caller, org } = await createOrg(db());
    const bea = await createUser(db(), { name: "Bea" });
    const bee = callerFor(db(), bea.id);
    const invited = invitationOf(await caller.org.members.add({ organizationId: org.id, email: bea.email.toUpperCase(), role: "ADMIN" }));
    expect(invited).toMatchObject({ email: bea.email, orgRole: "ADMIN", path: `/invitations/${invited.id}`, expired: false });
    // Nobody joins without saying yes.
    expect((await caller.org.members.list({ organizationId: org.id })).map((m) => m.userId)).not.toContain(bea.id);
    expect((await failure(bee.org.get({ organizationId: org.id }))).code).toBe("NOT_FOUND");
    // Asking again renews the one invitation.
    const again = invitationOf(await caller.org.members.add({ organizationId: org.id, email: bea.email, role: "MEMBER" }));
    expect(again).toMatchObject({ id: invited.id, orgRole: "MEMBER" });
    expect(await caller.org.members.invitations({ organizationId: org.id })).toMatchObject([{ id: invited.id, email: bea.email }]);

    await bee.invitation.accept({ invitationId: invited.id });
    expect((await caller.org.members.list({ organizationId: org.id })).find((m) => m.userId === bea.id)?.role).toBe("MEMBER");
    expect(await caller.org.members.invitations({ organizationId: org.id })).toEqual([]);
    expect((await failure(caller.org.members.add({ organizationId: org.id, email: bea.email, role: "MEMBER" }))).domainCode).toBe(
      "ALREADY_MEMBER",
    );
    await caller.org.members.changeRole({ organizationId: org.id, userId: bea.id, role: "ADMIN" });
    expect((await caller.org.members.list({ organizationId: org.id })).find((m) => m.userId === bea.id)?.role).toBe("ADMIN");
    await caller.org.members.remove({ organizationId: org.id, userId: bea.id });
    expect((await failure(bee.org.get({ organizationId: org.id }))).code).toBe("NOT_FOUND");
  });

  it("answers an address no account uses exactly like one that has an account", async () => {
    const { caller, org } = await createOrg(db());
    const known = await createUser(db());
    const shape = (result: Awaited<ReturnType<typeof caller.org.members.add>>) => {
      const invitation = invitationOf(result);
      return { status: result.status, keys: Object.keys(invitation).sort(), orgRole: invitation.orgRole, expired: invitation.expired };
    };
    const forKnown = shape(await caller.org.members.add({ organizationId: org.id, email: known.email, role: "MEMBER" }));
    const forGhost = shape(await caller.org.members.add({ organizationId: org.id, email: "ghost@example.test", role: "MEMBER" }));
    expect(forGhost).toEqual(forKnown);
  });

  it("never lets the last OWNER be removed, demoted or leave", async () => {
    const { owner, caller, org } = await createOrg(db());
    const admin = await addOrgMember(db(), org.id, "ADMIN");
    for (const attempt of [
      () => caller.org.members.changeRole({ organizationId: org.id, userId: owner.id, role: "ADMIN" }),
      () => caller.org.members.remove({ organizationId: org.id, userId: owner.id }),
      () => caller.org.members.leave({ organizationId: org.id }),
    ]) {
      expect((await failure(attempt())).domainCode).toBe("LAST_OWNER");
    }
    const ownerOnly = await failure(callerFor(db(), admin.id).org.members.remove({ organizationId: org.id, userId: owner.id }));
    expect(ownerOnly.domainCode).toBe("OWNER_ONLY");
    const [row] = await db()
      .select()
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.userId, owner.id)));
    expect(row?.role).toBe("OWNER");

    await caller.org.members.changeRole({ organizationId: org.id, userId: admin.id, role: "OWNER" });
    await caller.org.members.leave({ organizationId: org.id });
    expect((await failure(caller.org.get({ organizationId: org.id }))).code).toBe("NOT_FOUND");
  });

  it("enforces max_members with LIMIT_REACHED", async () => {
    const { caller, org } = await createOrg(db());
    await setOrgLimits(db(), org.id, { maxMembers: 2 });
    const second = await createUser(db());
    const third = await createUser(db());
    const invitation = invitationOf(await caller.org.members.add({ organizationId: org.id, email: second.email, role: "MEMBER" }));
    await callerFor(db(), second.id).invitation.accept({ invitationId: invitation.id });
    const result = await failure(caller.org.members.add({ organizationId: org.id, email: third.email, role: "MEMBER" }));
    expect(result).toMatchObject({ domainCode: "LIMIT_REACHED", message: expect.stringContaining("2 members") });
    expect(await caller.org.members.list({ organizationId: org.id })).toHaveLength(2);
  });

  it("soft-deletes an organization for its owner only", async () => {
    const { caller, org } = await createOrg(db());
    await caller.org.delete({ organizationId: org.id });
    expect((await failure(caller.org.get({ organizationId: org.id }))).code).toBe("NOT_FOUND");
    expect((await caller.org.list()).some((o) => o.id === org.id)).toBe(false);
  });
});
