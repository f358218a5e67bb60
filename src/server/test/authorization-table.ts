/**
 * The authorization table: every procedure of the app router with the access it needs and a
 * valid call, and the expected outcome for each kind of actor derived from the role rules
 * (docs/ARCHITECTURE.md, "3. Roles and the NOT_FOUND rule").
 * Used by authorization.test.ts; a procedure added without a row fails to compile.
 */
import { randomUUID } from "node:crypto";
import type { AnyProcedure } from "@trpc/server";
import type { OrgRole, ProjectRole } from "~/domain/roles";
import type { AppRouter } from "~/server/api/root";
import { uniqueSlug, type ActorTraits, type Caller, type Fixture } from "./actors";
import { addOrgMember, createInvitation, createOrg, TEST_PASSWORD } from "./factories";
import { apiTokens } from "~/server/db/schema";
import { batch, nodeOp } from "./graph";
import { streamResult } from "./stream";

export type Access = { kind: "public" } | { kind: "authed" } | { kind: "org"; min: OrgRole } | { kind: "project"; min: ProjectRole };

export type Outcome = "ok" | "UNAUTHORIZED" | "NOT_FOUND" | "FORBIDDEN";

// Own ranks, deliberately not imported from ~/domain/roles: the test restates the rules.
const ORG_RANK: Record<OrgRole, number> = { MEMBER: 1, ADMIN: 2, OWNER: 3 };
const PROJECT_RANK: Record<ProjectRole, number> = { VIEWER: 1, COMMENTER: 2, EDITOR: 3, OWNER: 4 };

export function expectedOutcome(access: Access, actor: ActorTraits): Outcome {
  if (access.kind === "public") return "ok";
  if (!actor.signedIn) return "UNAUTHORIZED";
  if (access.kind === "authed") return "ok";
  // Not a member of the organization: neither it nor its projects exist for this actor.
  if (!actor.orgRole) return "NOT_FOUND";
  if (access.kind === "org") return ORG_RANK[actor.orgRole] >= ORG_RANK[access.min] ? "ok" : "FORBIDDEN";
  const effective: ProjectRole | null = actor.orgRole === "OWNER" || actor.orgRole === "ADMIN" ? "OWNER" : actor.projectRole;
  if (!effective) return "NOT_FOUND";
  return PROJECT_RANK[effective] >= PROJECT_RANK[access.min] ? "ok" : "FORBIDDEN";
}

/** "a.b.c" for every procedure in a router record: the table below must name each one. */
type ProcedurePath<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends AnyProcedure ? `${Prefix}${K}` : ProcedurePath<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type AppProcedurePath = ProcedurePath<AppRouter["_def"]["record"]>;

export type ProcedureCase = {
  access: Access;
  /** Runs as the fixture owner before the actor's call (after the actor exists). */
  setup?: (fx: Fixture) => Promise<unknown>;
  /** Valid input chosen so that an allowed call really succeeds. */
  call: (caller: Caller, fx: Fixture) => Promise<unknown>;
};

/** An invitation to a fresh organization addressed to the calling actor (signed-out actors fail on user.me first). */
async function inviteMe(c: Caller, fx: Fixture) {
  const me = await c.user.me();
  const { org: inviting } = await createOrg(fx.db, "Inviting Org");
  return createInvitation(fx.db, { organizationId: inviting.id, email: me.email });
}

const PUBLIC: Access = { kind: "public" };
const AUTHED: Access = { kind: "authed" };
const org = (min: OrgRole): Access => ({ kind: "org", min });
const project = (min: ProjectRole): Access => ({ kind: "project", min });

const LOG_COLUMNS = { caseId: "case", activity: "activity", complete: "done" };
const withStep = (fx: Fixture) =>
  fx.ownerCaller.graph.applyOps({ projectId: fx.projectId, ...batch([nodeOp("Run step", { avgTime: "1h" })]) });

export const PROCEDURES: Record<AppProcedurePath, ProcedureCase> = {
  "auth.signUp": {
    access: PUBLIC,
    call: (c) => c.auth.signUp({ name: "Signer", email: `signup-${randomUUID()}@example.test`, password: "long-enough-pw" }),
  },
  "search.query": { access: AUTHED, call: (c) => c.search.query({ q: "Org A Project" }) },

  "user.me": { access: AUTHED, call: (c) => c.user.me() },
  "user.updateProfile": { access: AUTHED, call: (c) => c.user.updateProfile({ name: "Renamed", avatarUrl: "" }) },
  "user.changePassword": {
    access: AUTHED,
    call: (c) => c.user.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "another-long-password" }),
  },
  "user.signOutEverywhere": { access: AUTHED, call: (c) => c.user.signOutEverywhere() },
  "user.exportData": { access: AUTHED, call: (c) => c.user.exportData() },
  // The last owner of an organization may not leave it ownerless: give the actor's own
  // organizations (Org B for otherOrgOwner) a second owner first, so the access rule decides.
  "user.deleteAccount": {
    access: AUTHED,
    call: async (c, fx) => {
      for (const org of await c.org.list()) if (org.myRole === "OWNER") await addOrgMember(fx.db, org.id, "OWNER", "Co-owner");
      return c.user.deleteAccount({ password: TEST_PASSWORD });
    },
  },
  // The invitee's side: an invitation to another organization, addressed to the actor.
  "invitation.mine": { access: AUTHED, call: (c) => c.invitation.mine() },
  "invitation.get": { access: AUTHED, call: async (c, fx) => c.invitation.get({ invitationId: (await inviteMe(c, fx)).id }) },
  "invitation.accept": { access: AUTHED, call: async (c, fx) => c.invitation.accept({ invitationId: (await inviteMe(c, fx)).id }) },
  "invitation.decline": { access: AUTHED, call: async (c, fx) => c.invitation.decline({ invitationId: (await inviteMe(c, fx)).id }) },
  "template.list": { access: org("MEMBER"), call: (c, fx) => c.template.list({ organizationId: fx.orgId }) },
  // get/use/update/delete work on a template the owner saved from the fixture's project.
  "template.get": {
    access: org("MEMBER"),
    setup: (fx) => fx.ownerCaller.template.saveFromProject({ projectId: fx.projectId, name: "Org template", category: "CUSTOM", tags: [] }),
    call: async (c, fx) => {
      const [own] = (await fx.ownerCaller.template.list({ organizationId: fx.orgId })).filter((t) => !t.builtin);
      return c.template.get({ organizationId: fx.orgId, templateId: own!.id });
    },
  },
  "template.use": {
    access: org("MEMBER"),
    setup: (fx) => fx.ownerCaller.template.saveFromProject({ projectId: fx.projectId, name: "Org template", category: "CUSTOM", tags: [] }),
    call: async (c, fx) => {
      const [own] = (await fx.ownerCaller.template.list({ organizationId: fx.orgId })).filter((t) => !t.builtin);
      return c.template.use({ organizationId: fx.orgId, templateId: own!.id, name: "From template" });
    },
  },
  "template.saveFromProject": {
    access: project("EDITOR"),
    call: (c, fx) => c.template.saveFromProject({ projectId: fx.projectId, name: "Saved template", category: "CUSTOM", tags: [] }),
  },
  "template.update": {
    access: org("ADMIN"),
    setup: (fx) => fx.ownerCaller.template.saveFromProject({ projectId: fx.projectId, name: "Org template", category: "CUSTOM", tags: [] }),
    call: async (c, fx) => {
      const [own] = (await fx.ownerCaller.template.list({ organizationId: fx.orgId })).filter((t) => !t.builtin);
      return c.template.update({ organizationId: fx.orgId, templateId: own!.id, name: "Renamed template" });
    },
  },
  "template.delete": {
    access: org("ADMIN"),
    setup: (fx) => fx.ownerCaller.template.saveFromProject({ projectId: fx.projectId, name: "Org template", category: "CUSTOM", tags: [] }),
    call: async (c, fx) => {
      const [own] = (await fx.ownerCaller.template.list({ organizationId: fx.orgId })).filter((t) => !t.builtin);
      return c.template.delete({ organizationId: fx.orgId, templateId: own!.id });
    },
  },

  "org.create": { access: AUTHED, call: (c) => c.org.create({ name: "Created Org", slug: uniqueSlug("created") }) },
  "transfer.previewImport": {
    access: org("MEMBER"),
    call: (c, fx) => c.transfer.previewImport({ organizationId: fx.orgId, text: '{"name": "Imported", "nodes": [], "edges": []}' }),
  },
  "transfer.importProjects": {
    access: org("MEMBER"),
    call: (c, fx) => c.transfer.importProjects({ organizationId: fx.orgId, text: '{"name": "Imported", "nodes": [], "edges": []}' }),
  },
  "transfer.exportJson": { access: project("EDITOR"), call: (c, fx) => c.transfer.exportJson({ projectId: fx.projectId }) },
  "transfer.exportCsv": { access: project("EDITOR"), call: (c, fx) => c.transfer.exportCsv({ projectId: fx.projectId }) },
  "transfer.exportPdf": {
    access: project("VIEWER"),
    call: (c, fx) => c.transfer.exportPdf({ projectId: fx.projectId, pageSize: "LETTER" }),
  },
  "transfer.exportSvg": {
    access: project("VIEWER"),
    call: (c, fx) => c.transfer.exportSvg({ projectId: fx.projectId, criticalPath: true }),
  },
  "transfer.exportBpmn": { access: project("EDITOR"), call: (c, fx) => c.transfer.exportBpmn({ projectId: fx.projectId }) },
  "org.list": { access: AUTHED, call: (c) => c.org.list() },
  "org.get": { access: org("MEMBER"), call: (c, fx) => c.org.get({ organizationId: fx.orgId }) },
  "org.update": { access: org("ADMIN"), call: (c, fx) => c.org.update({ organizationId: fx.orgId, name: "Renamed Org" }) },
  "org.delete": { access: org("OWNER"), call: (c, fx) => c.org.delete({ organizationId: fx.orgId }) },

  "org.members.list": { access: org("MEMBER"), call: (c, fx) => c.org.members.list({ organizationId: fx.orgId }) },
  "org.members.add": {
    access: org("ADMIN"),
    call: (c, fx) => c.org.members.add({ organizationId: fx.orgId, email: fx.outsider.email, role: "MEMBER" }),
  },
  "org.members.changeRole": {
    access: org("ADMIN"),
    call: (c, fx) => c.org.members.changeRole({ organizationId: fx.orgId, userId: fx.orgTarget.id, role: "ADMIN" }),
  },
  "org.members.remove": {
    access: org("ADMIN"),
    call: (c, fx) => c.org.members.remove({ organizationId: fx.orgId, userId: fx.orgTarget.id }),
  },
  "org.members.invitations": { access: org("ADMIN"), call: (c, fx) => c.org.members.invitations({ organizationId: fx.orgId }) },
  "org.members.revokeInvitation": {
    access: org("ADMIN"),
    call: async (c, fx) => {
      const invitation = await createInvitation(fx.db, { organizationId: fx.orgId, email: `revoke-${randomUUID()}@example.test` });
      return c.org.members.revokeInvitation({ organizationId: fx.orgId, invitationId: invitation.id });
    },
  },
  "org.members.leave": { access: org("MEMBER"), call: (c, fx) => c.org.members.leave({ organizationId: fx.orgId }) },

  "project.create": {
    access: org("MEMBER"),
    call: (c, fx) => c.project.create({ organizationId: fx.orgId, name: "Another Project" }),
  },
  "project.list": { access: org("MEMBER"), call: (c, fx) => c.project.list({ organizationId: fx.orgId }) },
  "project.trash": { access: org("MEMBER"), call: (c, fx) => c.project.trash({ organizationId: fx.orgId }) },
  "project.emptyTrash": {
    access: org("OWNER"),
    setup: async (fx) => {
      const doomed = await fx.ownerCaller.project.create({ organizationId: fx.orgId, name: "Doomed" });
      await fx.ownerCaller.project.delete({ projectId: doomed.id });
    },
    call: (c, fx) => c.project.emptyTrash({ organizationId: fx.orgId }),
  },
  "project.duplicate": { access: project("EDITOR"), call: (c, fx) => c.project.duplicate({ projectId: fx.projectId }) },
  "project.get": { access: project("VIEWER"), call: (c, fx) => c.project.get({ projectId: fx.projectId }) },
  "analysis.leadTime": { access: project("VIEWER"), call: (c, fx) => c.analysis.leadTime({ projectId: fx.projectId }) },
  "analysis.plannedDates": {
    access: project("VIEWER"),
    call: (c, fx) => c.analysis.plannedDates({ projectId: fx.projectId, start: "2026-12-07T09:00:00Z" }),
  },
  // Runs need a step to plan: the owner adds one first.
  "token.list": { access: AUTHED, call: (c) => c.token.list() },
  "token.create": { access: org("MEMBER"), call: (c, fx) => c.token.create({ organizationId: fx.orgId, name: "CI", scope: "READ" }) },
  // Revoking works on the actor's own token, made for them directly.
  "token.revoke": {
    access: AUTHED,
    call: async (c, fx) => {
      const me = await c.user.me();
      const [own] = await fx.db
        .insert(apiTokens)
        .values({
          organizationId: fx.orgId,
          userId: me.id,
          name: "Own",
          scope: "READ",
          prefix: "fm_test",
          tokenHash: randomUUID().replace(/-/g, ""),
        })
        .returning();
      return c.token.revoke({ tokenId: own!.id });
    },
  },
  "run.start": { access: project("EDITOR"), setup: withStep, call: (c, fx) => c.run.start({ projectId: fx.projectId, name: "Case 1" }) },
  "run.list": { access: project("VIEWER"), call: (c, fx) => c.run.list({ projectId: fx.projectId }) },
  "run.previewLog": {
    access: project("EDITOR"),
    call: (c, fx) =>
      c.run.previewLog({
        projectId: fx.projectId,
        format: "csv",
        text: "case,activity,done\n1,Run step,2026-12-07T10:00:00Z\n",
        mapping: LOG_COLUMNS,
      }),
  },
  "run.importLog": {
    access: project("EDITOR"),
    setup: withStep,
    call: (c, fx) =>
      streamResult(
        c.run.importLog({
          projectId: fx.projectId,
          format: "csv",
          text: `case,activity,done\n${randomUUID()},Run step,2026-12-07T10:00:00Z\n`,
          mapping: LOG_COLUMNS,
        }),
      ),
  },
  "run.actuals": { access: project("VIEWER"), call: (c, fx) => c.run.actuals({ projectId: fx.projectId }) },
  "run.get": {
    access: project("VIEWER"),
    setup: withStep,
    call: async (c, fx) =>
      c.run.get({ projectId: fx.projectId, runId: (await fx.ownerCaller.run.start({ projectId: fx.projectId, name: "Case" })).id }),
  },
  "run.record": {
    access: project("EDITOR"),
    setup: withStep,
    call: async (c, fx) => {
      const run = await fx.ownerCaller.run.get({
        projectId: fx.projectId,
        runId: (await fx.ownerCaller.run.start({ projectId: fx.projectId, name: "Case" })).id,
      });
      return c.run.record({ projectId: fx.projectId, runId: run.id, nodeId: run.steps[0]!.id, kind: "START" });
    },
  },
  "calendar.forProject": { access: project("VIEWER"), call: (c, fx) => c.calendar.forProject({ projectId: fx.projectId }) },
  "calendar.setDepartment": {
    access: project("EDITOR"),
    call: async (c, fx) => {
      const { departments } = await fx.ownerCaller.calendar.forProject({ projectId: fx.projectId });
      return c.calendar.setDepartment({
        projectId: fx.projectId,
        departmentId: departments[0]!.id,
        calendar: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", timeZone: "Europe/Berlin", holidays: [] },
      });
    },
  },
  "analysis.automationCandidates": {
    access: project("VIEWER"),
    call: (c, fx) => c.analysis.automationCandidates({ projectId: fx.projectId }),
  },
  "analysis.whatIf": {
    access: project("VIEWER"),
    setup: (fx) => fx.ownerCaller.graph.applyOps({ projectId: fx.projectId, ...batch([nodeOp("What if", { avgTime: "1h" })]) }),
    call: async (c, fx) => {
      const [step] = (await fx.ownerCaller.graph.get({ projectId: fx.projectId })).nodes;
      return c.analysis.whatIf({ projectId: fx.projectId, changes: [{ nodeId: step!.id, automated: true }] });
    },
  },
  "analysis.simulate": { access: project("VIEWER"), call: (c, fx) => c.analysis.simulate({ projectId: fx.projectId, runs: 100 }) },
  "comment.list": { access: project("VIEWER"), call: (c, fx) => c.comment.list({ projectId: fx.projectId, status: "all" }) },
  "comment.create": {
    access: project("COMMENTER"),
    call: (c, fx) => c.comment.create({ projectId: fx.projectId, content: "A project comment" }),
  },
  // Only authors edit or delete: the actor's own comment is written straight to the table
  // (signed-out callers fail at user.me), so the procedure's role check decides the cell.
  "comment.edit": {
    access: project("COMMENTER"),
    call: async (c, fx) => {
      const { comments } = await import("~/server/db/schema");
      const me = await c.user.me();
      const [mine] = await fx.db
        .insert(comments)
        .values({ organizationId: fx.orgId, projectId: fx.projectId, userId: me.id, content: "Mine" })
        .returning();
      return c.comment.edit({ projectId: fx.projectId, commentId: mine!.id, content: "Edited" });
    },
  },
  "comment.delete": {
    access: project("COMMENTER"),
    call: async (c, fx) => {
      const { comments } = await import("~/server/db/schema");
      const me = await c.user.me();
      const [mine] = await fx.db
        .insert(comments)
        .values({ organizationId: fx.orgId, projectId: fx.projectId, userId: me.id, content: "Mine" })
        .returning();
      return c.comment.delete({ projectId: fx.projectId, commentId: mine!.id });
    },
  },
  // The owner's thread: resolving someone else's thread takes EDITOR.
  "comment.setResolved": {
    access: project("EDITOR"),
    setup: (fx) => fx.ownerCaller.comment.create({ projectId: fx.projectId, content: "Owner's thread" }),
    call: async (c, fx) => {
      const [thread] = await fx.ownerCaller.comment.list({ projectId: fx.projectId });
      return c.comment.setResolved({ projectId: fx.projectId, commentId: thread!.id, resolved: true });
    },
  },
  "graph.get": { access: project("VIEWER"), call: (c, fx) => c.graph.get({ projectId: fx.projectId }) },
  "activity.list": { access: project("VIEWER"), call: (c, fx) => c.activity.list({ projectId: fx.projectId }) },
  "activity.people": { access: project("VIEWER"), call: (c, fx) => c.activity.people({ projectId: fx.projectId }) },
  "activity.exportCsv": { access: project("EDITOR"), call: (c, fx) => c.activity.exportCsv({ projectId: fx.projectId }) },
  "graph.applyOps": {
    access: project("EDITOR"),
    call: (c, fx) =>
      c.graph.applyOps({
        projectId: fx.projectId,
        clientOpId: randomUUID(),
        ops: [{ op: "createAxis", axis: "stage", item: { id: randomUUID(), name: "Added stage", color: "#336699", position: 9 } }],
      }),
  },
  "graph.discardHistory": {
    access: project("EDITOR"),
    call: (c, fx) => c.graph.discardHistory({ projectId: fx.projectId, entryIds: [randomUUID()] }),
  },
  // Resolves to the event stream once access is granted; the stream itself is not read here.
  "graph.onChange": {
    access: project("VIEWER"),
    call: (c, fx) => c.graph.onChange({ projectId: fx.projectId, since: 0, tab: "authorization-test" }),
  },
  "project.update": {
    access: project("EDITOR"),
    call: (c, fx) => c.project.update({ projectId: fx.projectId, name: "Renamed Project" }),
  },
  "version.list": { access: project("VIEWER"), call: (c, fx) => c.version.list({ projectId: fx.projectId }) },
  "version.get": {
    access: project("VIEWER"),
    setup: (fx) => fx.ownerCaller.version.save({ projectId: fx.projectId, comment: "Baseline" }),
    call: async (c, fx) =>
      c.version.get({ projectId: fx.projectId, versionId: (await fx.ownerCaller.version.list({ projectId: fx.projectId }))[0]!.id }),
  },
  "version.compare": {
    access: project("VIEWER"),
    setup: (fx) => fx.ownerCaller.version.save({ projectId: fx.projectId, comment: "Baseline" }),
    call: async (c, fx) =>
      c.version.compare({
        projectId: fx.projectId,
        from: (await fx.ownerCaller.version.list({ projectId: fx.projectId }))[0]!.id,
        to: "current",
      }),
  },
  "version.save": { access: project("EDITOR"), call: (c, fx) => c.version.save({ projectId: fx.projectId, comment: "Saved" }) },
  "version.prepareRestore": {
    access: project("EDITOR"),
    setup: (fx) => fx.ownerCaller.version.save({ projectId: fx.projectId, comment: "Baseline" }),
    call: async (c, fx) =>
      c.version.prepareRestore({
        projectId: fx.projectId,
        versionId: (await fx.ownerCaller.version.list({ projectId: fx.projectId }))[0]!.id,
      }),
  },
  "version.restore": {
    access: project("EDITOR"),
    setup: async (fx) => {
      await fx.ownerCaller.version.save({ projectId: fx.projectId, comment: "Baseline" });
      await fx.ownerCaller.graph.applyOps({
        projectId: fx.projectId,
        clientOpId: randomUUID(),
        ops: [{ op: "createAxis", axis: "stage", item: { id: randomUUID(), name: "Added stage", color: "#336699", position: 9 } }],
      });
    },
    call: async (c, fx) =>
      c.version.restore({ projectId: fx.projectId, versionId: (await fx.ownerCaller.version.list({ projectId: fx.projectId }))[0]!.id }),
  },
  "project.archive": { access: project("OWNER"), call: (c, fx) => c.project.archive({ projectId: fx.projectId }) },
  "project.unarchive": {
    access: project("OWNER"),
    setup: (fx) => fx.ownerCaller.project.archive({ projectId: fx.projectId }),
    call: (c, fx) => c.project.unarchive({ projectId: fx.projectId }),
  },
  "project.delete": { access: project("OWNER"), call: (c, fx) => c.project.delete({ projectId: fx.projectId }) },
  "project.restore": {
    access: project("OWNER"),
    setup: (fx) => fx.ownerCaller.project.delete({ projectId: fx.projectId }),
    call: (c, fx) => c.project.restore({ projectId: fx.projectId }),
  },

  "project.members.list": {
    access: project("VIEWER"),
    call: (c, fx) => c.project.members.list({ projectId: fx.projectId }),
  },
  "project.members.add": {
    access: project("OWNER"),
    call: (c, fx) => c.project.members.add({ projectId: fx.projectId, email: fx.outsider.email, role: "VIEWER" }),
  },
  "project.members.invitations": {
    access: project("OWNER"),
    call: (c, fx) => c.project.members.invitations({ projectId: fx.projectId }),
  },
  "project.members.revokeInvitation": {
    access: project("OWNER"),
    call: async (c, fx) => {
      const invitation = await createInvitation(fx.db, {
        organizationId: fx.orgId,
        projectId: fx.projectId,
        email: `revoke-${randomUUID()}@example.test`,
      });
      return c.project.members.revokeInvitation({ projectId: fx.projectId, invitationId: invitation.id });
    },
  },
  "project.members.changeRole": {
    access: project("OWNER"),
    call: (c, fx) => c.project.members.changeRole({ projectId: fx.projectId, userId: fx.projectTarget.id, role: "VIEWER" }),
  },
  "project.members.remove": {
    access: project("OWNER"),
    call: (c, fx) => c.project.members.remove({ projectId: fx.projectId, userId: fx.projectTarget.id }),
  },
};
