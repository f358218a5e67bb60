import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "~/server/db";
import { activityLogs, comments } from "~/server/db/schema";
import { addProjectMember, callerFor, createOrg } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { batch, eventData, nodeOp } from "~/server/test/graph";

/** A project with one step, an editor, a commenter and a viewer. */
async function setup(db: Database) {
  const { caller: owner, org } = await createOrg(db);
  const project = await owner.project.create({ organizationId: org.id, name: "Review flow" });
  const projectId = project.id;
  const step = nodeOp("Approve invoice");
  await owner.graph.applyOps({ projectId, ...batch([step]) });
  const member = async (role: "EDITOR" | "COMMENTER" | "VIEWER", name: string) => {
    const user = await addProjectMember(db, org.id, projectId, role, name);
    return { user, caller: callerFor(db, user.id) };
  };
  return {
    owner,
    org,
    projectId,
    nodeId: step.node.id,
    editor: await member("EDITOR", "Eddie Editor"),
    commenter: await member("COMMENTER", "Cora Commenter"),
    viewer: await member("VIEWER", "Vera Viewer"),
  };
}

describe.each(testDatabaseKinds())("comments on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("lets a commenter discuss a step, a viewer only read, and nobody below EDITOR touch the graph", async () => {
    const { projectId, nodeId, commenter, viewer } = await setup(db());
    const thread = await commenter.caller.comment.create({ projectId, nodeId, content: "Who signs above 10k?" });
    await commenter.caller.comment.create({ projectId, parentId: thread.id, content: "Answering myself:\nthe CFO." });

    const [seen] = await viewer.caller.comment.list({ projectId, nodeId });
    expect(seen).toMatchObject({
      step: { id: nodeId, label: "Approve invoice", deleted: false },
      root: { content: "Who signs above 10k?", author: { name: "Cora Commenter" }, canEdit: false },
      replies: [{ content: "Answering myself:\nthe CFO." }],
      canReply: false,
      canResolve: false,
    });
    const [own] = await commenter.caller.comment.list({ projectId, nodeId });
    expect(own).toMatchObject({ root: { canEdit: true }, canReply: true, canResolve: true });

    const writes = [
      () => viewer.caller.comment.create({ projectId, content: "Me too" }),
      () => viewer.caller.comment.edit({ projectId, commentId: thread.id, content: "Changed" }),
      () => viewer.caller.comment.setResolved({ projectId, commentId: thread.id, resolved: true }),
      () => commenter.caller.graph.applyOps({ projectId, ...batch([nodeOp("Not allowed")]) }),
    ];
    for (const write of writes) expect((await failure(write())).code).toBe("FORBIDDEN");
  });

  it("keeps others' comments to their authors; an editor may resolve any thread, a commenter only their own", async () => {
    const { owner, projectId, nodeId, editor, commenter } = await setup(db());
    const ownersThread = await owner.comment.create({ projectId, nodeId, content: "Needs a second approver" });

    expect(await failure(commenter.caller.comment.edit({ projectId, commentId: ownersThread.id, content: "Hijacked" }))).toMatchObject({
      code: "FORBIDDEN",
      message: "Only the author can edit this comment",
    });
    expect((await failure(editor.caller.comment.delete({ projectId, commentId: ownersThread.id }))).code).toBe("FORBIDDEN");
    expect((await failure(commenter.caller.comment.setResolved({ projectId, commentId: ownersThread.id, resolved: true }))).code).toBe(
      "FORBIDDEN",
    );

    await editor.caller.comment.setResolved({ projectId, commentId: ownersThread.id, resolved: true });
    const [resolved] = await owner.comment.list({ projectId, status: "resolved" });
    expect(resolved).toMatchObject({
      id: ownersThread.id,
      resolved: true,
      resolvedBy: "Eddie Editor",
      root: { content: "Needs a second approver", editedAt: null },
    });
    expect(await owner.comment.list({ projectId, status: "open" })).toEqual([]);

    const mine = await commenter.caller.comment.create({ projectId, content: "My own project note" });
    await commenter.caller.comment.setResolved({ projectId, commentId: mine.id, resolved: true });
    await commenter.caller.comment.setResolved({ projectId, commentId: mine.id, resolved: false });
    expect((await owner.comment.list({ projectId, status: "open" })).map((t) => t.id)).toEqual([mine.id]);
  });

  it("rejects empty and over-long comments with a reason, and stores text verbatim", async () => {
    const { owner, projectId } = await setup(db());
    for (const [content, message] of [
      ["", "Comment cannot be empty"],
      ["  \n\t ", "Comment cannot be empty"],
      ["x".repeat(5001), "Comment must be at most 5,000 characters"],
    ]) {
      const error = await failure(owner.comment.create({ projectId, content: content! }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain(message);
    }
    const longest = await owner.comment.create({ projectId, content: "x".repeat(5000) });
    expect(longest.content).toHaveLength(5000);
    const edited = await failure(owner.comment.edit({ projectId, commentId: longest.id, content: " " }));
    expect(edited.message).toContain("Comment cannot be empty");

    const payload = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    await owner.comment.create({ projectId, content: payload });
    expect((await owner.comment.list({ projectId })).map((t) => t.root.content)).toContain(payload);
  });

  it("hides a project from another organization and keeps ids from crossing projects", async () => {
    const a = await setup(db());
    const b = await setup(db());
    const thread = await a.owner.comment.create({ projectId: a.projectId, nodeId: a.nodeId, content: "Internal" });

    const intrusions = [
      () => b.owner.comment.list({ projectId: a.projectId, status: "all" }),
      () => b.owner.comment.create({ projectId: a.projectId, content: "Hello from B" }),
      () => b.owner.comment.edit({ projectId: a.projectId, commentId: thread.id, content: "Changed by B" }),
      () => b.owner.comment.delete({ projectId: a.projectId, commentId: thread.id }),
      () => b.owner.comment.setResolved({ projectId: a.projectId, commentId: thread.id, resolved: true }),
      // B's own project, A's ids.
      () => b.owner.comment.edit({ projectId: b.projectId, commentId: thread.id, content: "Changed by B" }),
      () => b.owner.comment.setResolved({ projectId: b.projectId, commentId: thread.id, resolved: true }),
      () => b.owner.comment.create({ projectId: b.projectId, parentId: thread.id, content: "Reply from B" }),
    ];
    for (const intrusion of intrusions) expect((await failure(intrusion())).code).toBe("NOT_FOUND");
    const onForeignStep = await failure(b.owner.comment.create({ projectId: b.projectId, nodeId: a.nodeId, content: "x" }));
    expect(onForeignStep).toMatchObject({ domainCode: "ENTITY_NOT_FOUND", message: "Step not found in this project" });

    const [row] = await db().select().from(comments).where(eq(comments.id, thread.id));
    expect(row).toMatchObject({ content: "Internal", resolved: false, deletedAt: null });
    expect(await db().select().from(comments).where(eq(comments.projectId, b.projectId))).toEqual([]);
  });

  it("keeps a deleted step's comments readable and out of the live counts", async () => {
    const { owner, projectId, nodeId, commenter } = await setup(db());
    const thread = await commenter.caller.comment.create({ projectId, nodeId, content: "Is this step needed?" });
    await owner.comment.create({ projectId, parentId: thread.id, content: "No" });
    expect((await owner.graph.get({ projectId })).facts[nodeId]!.commentCount).toBe(2);

    await owner.graph.applyOps({ projectId, ...batch([{ op: "deleteNode", id: nodeId }]) });
    const [kept] = await commenter.caller.comment.list({ projectId, status: "all" });
    expect(kept).toMatchObject({ step: { id: nodeId, label: "Approve invoice", deleted: true }, replies: [{ content: "No" }] });
    await commenter.caller.comment.create({ projectId, parentId: thread.id, content: "Agreed, removed" });
    expect(await failure(commenter.caller.comment.create({ projectId, nodeId, content: "New thread" }))).toMatchObject({
      domainCode: "ENTITY_NOT_FOUND",
    });
  });

  it("counts comments of open threads per step, replies included", async () => {
    const { owner, projectId, nodeId } = await setup(db());
    const first = await owner.comment.create({ projectId, nodeId, content: "One" });
    await owner.comment.create({ projectId, parentId: first.id, content: "Reply" });
    const second = await owner.comment.create({ projectId, nodeId, content: "Two" });
    await owner.comment.create({ projectId, content: "Project-wide" });
    const count = async () => (await owner.graph.get({ projectId })).facts[nodeId]!.commentCount;
    expect(await count()).toBe(3);
    await owner.comment.setResolved({ projectId, commentId: first.id, resolved: true });
    expect(await count()).toBe(1);
    await owner.comment.delete({ projectId, commentId: second.id });
    expect(await count()).toBe(0);
  });

  it("threads one level deep; a deleted thread start stays as a placeholder while it has replies", async () => {
    const { owner, projectId, commenter } = await setup(db());
    const thread = await commenter.caller.comment.create({ projectId, content: "Kick-off notes" });
    const reply = await owner.comment.create({ projectId, parentId: thread.id, content: "Thanks" });
    expect(await failure(owner.comment.create({ projectId, parentId: reply.id, content: "Nested" }))).toMatchObject({
      domainCode: "INVALID_OPERATION",
    });
    expect(await failure(owner.comment.setResolved({ projectId, commentId: reply.id, resolved: true }))).toMatchObject({
      domainCode: "INVALID_OPERATION",
    });
    expect((await failure(owner.comment.create({ projectId, nodeId: randomUUID(), parentId: thread.id, content: "x" }))).code).toBe(
      "BAD_REQUEST",
    );

    await commenter.caller.comment.edit({ projectId, commentId: thread.id, content: "Kick-off notes (v2)" });
    expect((await owner.comment.list({ projectId, nodeId: null }))[0]!.root).toMatchObject({
      content: "Kick-off notes (v2)",
      editedAt: expect.any(Date),
    });

    await commenter.caller.comment.delete({ projectId, commentId: thread.id });
    const [placeholder] = await owner.comment.list({ projectId, nodeId: null });
    expect(placeholder).toMatchObject({
      root: { deleted: true, content: "", author: null, canEdit: false },
      canReply: false,
      replies: [{ content: "Thanks" }],
    });
    expect((await failure(owner.comment.create({ projectId, parentId: thread.id, content: "Late" }))).code).toBe("NOT_FOUND");

    await owner.comment.delete({ projectId, commentId: reply.id });
    expect(await owner.comment.list({ projectId, status: "all" })).toEqual([]);
    expect((await failure(owner.comment.delete({ projectId, commentId: reply.id }))).code).toBe("NOT_FOUND");
  });

  it("logs create, edit, resolve and delete as COMMENT activity", async () => {
    const { owner, projectId, nodeId } = await setup(db());
    const thread = await owner.comment.create({ projectId, nodeId, content: "First" });
    await owner.comment.edit({ projectId, commentId: thread.id, content: "Second" });
    await owner.comment.setResolved({ projectId, commentId: thread.id, resolved: true });
    await owner.comment.setResolved({ projectId, commentId: thread.id, resolved: true });
    await owner.comment.delete({ projectId, commentId: thread.id });

    const logs = await db()
      .select()
      .from(activityLogs)
      .where(and(eq(activityLogs.projectId, projectId), eq(activityLogs.entityType, "COMMENT")))
      .orderBy(activityLogs.createdAt);
    expect(logs.map((l) => [l.action, l.entityId])).toEqual([
      ["CREATE", thread.id],
      ["UPDATE", thread.id],
      ["UPDATE", thread.id],
      ["DELETE", thread.id],
    ]);
    expect(logs[0]!.details).toMatchObject({ step: "Approve invoice", new_value: { content: "First" } });
    expect(logs[1]!.details).toMatchObject({
      fields_changed: ["content"],
      old_value: { content: "First" },
      new_value: { content: "Second" },
    });
    expect(logs[2]!.details).toMatchObject({ fields_changed: ["resolved"], new_value: { resolved: true } });
    expect(logs[3]!.details).toMatchObject({ old_value: { content: "Second" } });
  });

  it("refuses comments on an archived project", async () => {
    const { owner, projectId } = await setup(db());
    await owner.project.archive({ projectId });
    expect(await failure(owner.comment.create({ projectId, content: "Too late" }))).toMatchObject({ domainCode: "PROJECT_ARCHIVED" });
  });

  it("tells every viewer of the project to refetch comments", async () => {
    const { projectId, commenter, viewer } = await setup(db());
    const revision = (await viewer.caller.graph.get({ projectId })).revision;
    const stream = await viewer.caller.graph.onChange({ projectId, since: revision, tab: randomUUID() });
    const events = stream[Symbol.asyncIterator]();
    expect(eventData((await events.next()).value)).toMatchObject({ type: "viewers" });

    await commenter.caller.comment.create({ projectId, content: "Live" });
    // Other news may come first (the activity feed's touch, a heartbeat's viewers).
    const seen: unknown[] = [];
    for (let i = 0; i < 4 && !seen.some((e) => (e as { topic?: string }).topic === "comments"); i++) {
      seen.push(eventData((await events.next()).value));
    }
    expect(seen).toContainEqual({ type: "touch", topic: "comments" });
    await events.return?.(undefined);
  });
});
