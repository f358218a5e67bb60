import { expect, test, type Page } from "@playwright/test";
import { addStep, openNewProject, step } from "./canvas-helpers";
import { addMembers, signUp, uniqueEmail } from "./helpers";

const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;

async function openComments(page: Page) {
  await page.getByRole("tab", { name: "Comments" }).click();
  return page.getByTestId("comments-panel");
}

test("a comment is shown as text, never run as HTML", async ({ page }) => {
  await openNewProject(page, "Comment safety");
  await addStep(page, "Sales", "Request", "Check order");
  await step(page, "Check order").click();
  const panel = await openComments(page);

  const box = panel.getByLabel("Comment on Check order");
  await box.fill(`${XSS}\nsecond line`);
  await panel.getByRole("button", { name: "Comment", exact: true }).click();

  const text = panel.getByTestId("comment-text").first();
  await expect(text).toHaveText(`${XSS}\nsecond line`);
  await expect(text.locator("img, script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  // The count on the step follows the live "comments" touch.
  await expect(step(page, "Check order").getByTitle("1 open comment")).toBeVisible();

  await page.reload();
  const again = await openComments(page);
  await expect(again.getByTestId("comment-text").first()).toHaveText(`${XSS}\nsecond line`);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});

test("a second person sees a new comment live; a commenter comments but cannot edit the canvas", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  const commenter = await (await browser.newContext()).newPage();
  const commenterEmail = uniqueEmail("commenter");
  await signUp(commenter, "Cory Commenter", commenterEmail);
  await openNewProject(owner, "Reviewed process");
  await addStep(owner, "Sales", "Request", "Quote");
  const projectUrl = owner.url();
  await addMembers(owner, [[commenterEmail, "COMMENTER", commenter]]);
  await owner.goto(projectUrl);
  await expect(owner.getByTestId("matrix-canvas")).toBeVisible();
  await commenter.goto(projectUrl);
  await expect(step(commenter, "Quote")).toBeVisible();

  const ownerPanel = await openComments(owner);
  const commenterPanel = await openComments(commenter);
  await expect(commenterPanel.getByText("No open threads.")).toBeVisible();

  await ownerPanel.getByLabel("Comment on the project").fill("Kick-off on Monday");
  await ownerPanel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(commenterPanel.getByRole("region", { name: "Project comments" }).getByText("Kick-off on Monday")).toBeVisible();

  // The commenter's canvas is read-only, but the panel lets them comment on a step and reply.
  await expect(commenter.getByTestId("read-only-badge")).toBeVisible();
  await expect(commenter.getByRole("toolbar", { name: "Add steps" })).toHaveCount(0);
  await step(commenter, "Quote").click();
  await commenterPanel.getByLabel("Comment on Quote").fill("Which discount applies?");
  await commenterPanel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(ownerPanel.getByRole("region", { name: "Comments on Quote" }).getByText("Which discount applies?")).toBeVisible();

  const ownersThread = commenterPanel.getByTestId("comment-thread").filter({ hasText: "Kick-off on Monday" });
  await expect(ownersThread.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(ownersThread.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  await ownersThread.getByRole("button", { name: "Reply" }).click();
  await ownersThread.getByLabel(/Reply to/).fill("I'll be there");
  await ownersThread.getByLabel(/Reply to/).press("Control+Enter");
  await expect(ownerPanel.getByTestId("comment-thread").filter({ hasText: "Kick-off on Monday" }).getByText("I'll be there")).toBeVisible();

  // The owner resolves the commenter's thread; it leaves the open list on both screens.
  const question = ownerPanel.getByTestId("comment-thread").filter({ hasText: "Which discount applies?" });
  await question.getByRole("button", { name: "Resolve" }).click();
  await expect(commenterPanel.getByText("Which discount applies?")).toHaveCount(0);
  await commenterPanel.getByRole("button", { name: "Resolved", exact: true }).click();
  await expect(commenterPanel.getByTestId("comment-thread").filter({ hasText: "Which discount applies?" })).toContainText("Resolved by");
});
