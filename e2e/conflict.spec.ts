import { expect, test, type Page } from "@playwright/test";
import { addStep, openNewProject, step } from "./canvas-helpers";
import { addMembers, signUp, uniqueEmail } from "./helpers";

/** The demo user's new project with one step, shared with a second editor signed in beside it. */
async function twoEditors(browser: import("@playwright/test").Browser) {
  // Two signed-in browsers at once.
  test.slow();
  const owner = await (await browser.newContext()).newPage();
  const sam = await (await browser.newContext()).newPage();
  const email = uniqueEmail("sam");
  await signUp(sam, "Sam Rivera", email);
  await openNewProject(owner, "Conflicts");
  const url = owner.url();
  await addMembers(owner, [[email, "EDITOR", sam]]);
  await owner.goto(url);
  await addStep(owner, "Sales", "Request", "Kickoff");
  await sam.goto(url);
  await expect(step(sam, "Kickoff")).toBeVisible();
  return { owner, sam };
}

async function rename(page: Page, from: string, to: string) {
  await step(page, from).click();
  const field = page.getByTestId("inspector").getByLabel("Label");
  await field.fill(to);
  await field.press("Enter");
}

test("a rename that loses says who changed it to what, keeps my text, and applies mine on request", async ({ browser }) => {
  const { owner, sam } = await twoEditors(browser);

  // I start typing; Sam renames the same step before I press Enter.
  await step(owner, "Kickoff").click();
  const mine = owner.getByTestId("inspector").getByLabel("Label");
  await mine.fill("Kickoff meeting");
  await rename(sam, "Kickoff", "Kick-off call");
  await expect(step(owner, "Kick-off call")).toBeVisible();
  await mine.press("Enter");

  const conflict = owner.getByTestId("conflict");
  await expect(conflict).toContainText("Sam Rivera renamed it to “Kick-off call” a moment ago.");
  await expect(conflict).toContainText("Yours, not saved: “Kickoff meeting”");
  await expect(mine).toHaveValue("Kickoff meeting");
  await expect(step(owner, "Kick-off call")).toBeVisible();

  await conflict.getByRole("button", { name: "Apply mine" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(step(owner, "Kickoff meeting")).toBeVisible();
  await expect(step(sam, "Kickoff meeting")).toBeVisible();
  await expect(owner.getByTestId("save-status")).toHaveText(/Saved/);
});

test("an edit made offline that someone else beat becomes the same choice; Keep theirs lets mine go", async ({ browser }) => {
  const { owner, sam } = await twoEditors(browser);

  await owner.context().setOffline(true);
  await rename(owner, "Kickoff", "Kickoff meeting");
  await rename(sam, "Kickoff", "Kick-off call");
  await expect(sam.getByTestId("save-status")).toHaveText(/Saved/);
  await owner.context().setOffline(false);

  const conflict = owner.getByTestId("conflict");
  await expect(conflict).toContainText("Sam Rivera renamed it to “Kick-off call”", { timeout: 20_000 });
  await expect(owner.getByTestId("inspector").getByLabel("Label")).toHaveValue("Kickoff meeting");
  await conflict.getByRole("button", { name: "Keep theirs" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(owner.getByTestId("inspector").getByLabel("Label")).toHaveValue("Kick-off call");
  await owner.reload();
  await expect(step(owner, "Kick-off call")).toBeVisible();
  await expect(step(sam, "Kick-off call")).toBeVisible();
});
