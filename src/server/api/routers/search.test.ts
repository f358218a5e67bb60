import { describe, expect, it } from "vitest";
import type { Database } from "~/server/db";
import { templates } from "~/server/db/schema";
import { addOrgMember, addProjectMember, callerFor, createOrg } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { batch, nodeOp } from "~/server/test/graph";

const SNAPSHOT = { format: 1, nodes: [], edges: [], departments: [], stages: [] };

/**
 * Organization A: project "Sales pipeline" with onboarding steps, and "Payroll" that only
 * org owners/admins and its own members see. Organization B: steps with the same words,
 * which nobody from A may ever find.
 */
async function setup(db: Database) {
  const a = await createOrg(db, "Acme");
  const sales = await a.caller.project.create({
    organizationId: a.org.id,
    name: "Sales pipeline",
    description: "From first call to signed deal",
  });
  const payroll = await a.caller.project.create({ organizationId: a.org.id, name: "Payroll" });
  const onboarding = nodeOp("Customer onboarding", { description: "Welcome call and account setup" });
  const kyc = nodeOp("Verify identity", { tags: ["compliance", "kyc"] });
  const invoice = nodeOp("Send invoice", { description: "Email the invoice after customer onboarding is done" });
  const gone = nodeOp("Customer onboarding checklist");
  await a.caller.graph.applyOps({ projectId: sales.id, ...batch([onboarding, kyc, invoice, gone]) });
  await a.caller.graph.applyOps({ projectId: sales.id, ...batch([{ op: "deleteNode", id: gone.node.id }]) });
  const secret = nodeOp("Customer onboarding bonus");
  await a.caller.graph.applyOps({ projectId: payroll.id, ...batch([secret]) });

  const b = await createOrg(db, "Globex");
  const bProject = await b.caller.project.create({ organizationId: b.org.id, name: "Globex onboarding" });
  const foreign = nodeOp("Customer onboarding at Globex");
  await b.caller.graph.applyOps({ projectId: bProject.id, ...batch([foreign]) });

  const [builtIn, bTemplate] = await db
    .insert(templates)
    .values([
      { organizationId: null, name: "Customer onboarding playbook", tags: ["sales"], snapshot: SNAPSHOT },
      { organizationId: b.org.id, name: "Globex onboarding template", snapshot: SNAPSHOT },
    ])
    .returning();
  return { a, b, sales, payroll, bProject, onboarding, kyc, invoice, gone, secret, foreign, builtIn: builtIn!, bTemplate: bTemplate! };
}

describe.each(testDatabaseKinds())("search on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("finds steps by label, description, tag, prefix and typo, best match first", async () => {
    const s = await setup(db());
    const q = (text: string) => s.a.caller.search.query({ q: text });

    const byLabel = await q("customer onboarding");
    expect(byLabel.steps[0]).toMatchObject({
      id: s.onboarding.node.id,
      label: "Customer onboarding",
      projectId: s.sales.id,
      projectName: "Sales pipeline",
      orgName: "Acme",
    });
    // The description-only match still shows, below the label match.
    const ids = byLabel.steps.map((hit) => hit.id);
    expect(ids).toContain(s.invoice.node.id);
    expect(ids.indexOf(s.onboarding.node.id)).toBeLessThan(ids.indexOf(s.invoice.node.id));
    expect(byLabel.steps.find((hit) => hit.id === s.invoice.node.id)!.snippet).toContain("customer onboarding");

    expect((await q("account setup")).steps.map((hit) => hit.id)).toEqual([s.onboarding.node.id]);
    expect((await q("KYC")).steps.map((hit) => hit.id)).toEqual([s.kyc.node.id]);
    expect((await q("verif")).steps.map((hit) => hit.id)).toEqual([s.kyc.node.id]);

    const typo = await q("custmer onbording");
    expect(typo.steps[0]?.id).toBe(s.onboarding.node.id);
    expect(typo.steps[0]!.score).toBeGreaterThan(typo.steps.at(-1)!.score - 1e-9);
    expect((await q("zzqx nothing")).steps).toEqual([]);
  });

  it("finds projects and templates: built-in for everyone, an organization's own for its members", async () => {
    const s = await setup(db());
    const asA = await s.a.caller.search.query({ q: "onboarding" });
    // Every suite run adds a built-in template of that name: compare by id.
    const aTemplates = asA.templates.map((t) => t.id);
    expect(aTemplates).toContain(s.builtIn.id);
    expect(aTemplates).not.toContain(s.bTemplate.id);
    expect(asA.templates.find((t) => t.id === s.builtIn.id)!.orgName).toBeNull();
    expect(asA.projects).toEqual([]);
    const salesHits = await s.a.caller.search.query({ q: "sales pipline" });
    expect(salesHits.projects.map((p) => p.id)).toEqual([s.sales.id]);

    const asB = await s.b.caller.search.query({ q: "onboarding" });
    expect(asB.templates.map((t) => t.id)).toEqual(expect.arrayContaining([s.builtIn.id, s.bTemplate.id]));
    expect(asB.templates.find((t) => t.id === s.bTemplate.id)!.orgName).toBe("Globex");
    expect(asB.projects.map((p) => p.id)).toEqual([s.bProject.id]);
  });

  it("forgives two swapped letters, in steps, projects and templates, and tells same-named projects apart", async () => {
    const s = await setup(db());
    const swapped = await s.a.caller.search.query({ q: "onbaording" });
    expect(swapped.steps.map((hit) => hit.id)).toContain(s.onboarding.node.id);
    expect(swapped.templates.map((t) => t.id)).toContain(s.builtIn.id);
    expect((await s.b.caller.search.query({ q: "globex onbaording" })).projects.map((p) => p.id)).toEqual([s.bProject.id]);
    expect((await s.a.caller.search.query({ q: "payorll" })).projects.map((p) => p.id)).toEqual([s.payroll.id]);
    // Equal names: each hit says how big it is and when it last changed.
    const twin = await s.a.caller.project.create({ organizationId: s.a.org.id, name: "Sales pipeline" });
    const twins = (await s.a.caller.search.query({ q: "sales pipeline" })).projects;
    expect(twins.map((p) => p.id).sort()).toEqual([s.sales.id, twin.id].sort());
    expect(twins.find((p) => p.id === s.sales.id)).toMatchObject({ stepCount: 3, orgName: "Acme" });
    expect(twins.find((p) => p.id === twin.id)).toMatchObject({ stepCount: 0, updatedAt: expect.any(Date) });
  });

  it("never returns what the caller cannot open", async () => {
    const s = await setup(db());
    const stepIds = async (userId: string, text = "customer onboarding") =>
      (await callerFor(db(), userId).search.query({ q: text, limit: 50 })).steps.map((hit) => hit.id).sort();

    // Org owner: both projects of A, never B's step, never the deleted one.
    expect(await stepIds(s.a.owner.id)).toEqual([s.onboarding.node.id, s.invoice.node.id, s.secret.node.id].sort());
    const admin = await addOrgMember(db(), s.a.org.id, "ADMIN");
    expect(await stepIds(admin.id)).toEqual([s.onboarding.node.id, s.invoice.node.id, s.secret.node.id].sort());
    // An org MEMBER who is a member of Sales only does not see Payroll's step or project.
    const member = await addProjectMember(db(), s.a.org.id, s.sales.id, "VIEWER");
    expect(await stepIds(member.id)).toEqual([s.onboarding.node.id, s.invoice.node.id].sort());
    expect((await callerFor(db(), member.id).search.query({ q: "payroll" })).projects).toEqual([]);
    // An org MEMBER of no project sees no steps at all.
    const bystander = await addOrgMember(db(), s.a.org.id, "MEMBER");
    expect(await stepIds(bystander.id)).toEqual([]);
    // The other organization sees only its own step.
    expect(await stepIds(s.b.owner.id)).toEqual([s.foreign.node.id]);

    // Archived projects stay searchable; deleted ones disappear with their steps.
    await s.a.caller.project.archive({ projectId: s.payroll.id });
    expect(await stepIds(s.a.owner.id)).toContain(s.secret.node.id);
    await s.a.caller.project.delete({ projectId: s.payroll.id });
    expect(await stepIds(s.a.owner.id)).toEqual([s.onboarding.node.id, s.invoice.node.id].sort());
    expect((await s.a.caller.search.query({ q: "payroll" })).projects).toEqual([]);
  });
});
