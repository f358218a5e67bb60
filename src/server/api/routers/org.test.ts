import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organizationMembers } from "~/server/db/schema";
import { addOrgMember, callerFor, createOrg, createUser, setOrgLimits } from "~/server/test/factories";
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

  it("adds members by email, changes roles and removes them", async () => {
    const { caller, org } = await createOrg(db());
    const bea = await createUser(db(), { name: "Bea" });
    const added = await caller.org.members.add({ organizationId: org.id, email: bea.email.toUpperCase(), role: "ADMIN" });
    expect(added).toMatchObject({ userId: bea.id, role: "ADMIN" });
    expect((await failure(caller.org.members.add({ organizationId: org.id, email: bea.email, role: "MEMBER" }))).domainCode).toBe(
      "ALREADY_MEMBER",
    );
    const unknown = await failure(caller.org.members.add({ organizationId: org.id, email: "ghost@example.test", role: "MEMBER" }));
    expect(unknown).toMatchObject({ domainCode: "USER_NOT_FOUND" });
    await caller.org.members.changeRole({ organizationId: org.id, userId: bea.id, role: "MEMBER" });
    expect((await caller.org.members.list({ organizationId: org.id })).find((m) => m.userId === bea.id)?.role).toBe("MEMBER");
    await caller.org.members.remove({ organizationId: org.id, userId: bea.id });
    expect((await failure(callerFor(db(), bea.id).org.get({ organizationId: org.id }))).code).toBe("NOT_FOUND");
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
    await caller.org.members.add({ organizationId: org.id, email: second.email, role: "MEMBER" });
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
