import { expect, test } from "@playwright/test";
import { addStep, cellCentre, dragStepTo, openNewProject, step } from "./canvas-helpers";

test("the activity page tells what happened in words, filters it, and shows new changes live", async ({ page, context }) => {
  await openNewProject(page, "Contract flow");
  await addStep(page, "Sales", "Request", "Review contract");
  await dragStepTo(page, "Review contract", await cellCentre(page, "Sales", "Review"));
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  const activity = await context.newPage();
  await activity.goto(`${new URL(page.url()).pathname}/activity`);
  await expect(activity.getByRole("heading", { name: "Activity" })).toBeVisible();
  const items = activity.getByTestId("activity-item");
  await expect(items.filter({ hasText: "Casey Canvas moved 'Review contract' from Sales / Request to Sales / Review" })).toHaveCount(1);
  await expect(items.filter({ hasText: /Casey Canvas added the step/ })).toHaveCount(1);
  await expect(items.filter({ hasText: "Casey Canvas created the project 'Contract flow'" })).toHaveCount(1);

  await activity.getByLabel("Action").selectOption({ label: "Moved" });
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("moved 'Review contract'");
  await activity.getByRole("button", { name: "Clear filters" }).click();
  await expect(items.filter({ hasText: "created the project" })).toHaveCount(1);

  // A change made in the editor appears at the top of the open activity page by itself.
  await addStep(page, "Finance", "Review", "Check credit");
  await expect(items.first()).toContainText("Check credit");

  // A comment on a step is told on that step; a saved version shows under Kind = Versions.
  await step(page, "Check credit").click();
  await page.getByRole("tab", { name: "Comments" }).click();
  const panel = page.getByTestId("comments-panel");
  await panel.getByLabel("Comment on Check credit").fill("Which bureau?");
  await panel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(items.first()).toHaveText(/Casey Canvas commented on 'Check credit'/);
  await page.getByRole("tab", { name: "History" }).click();
  await page.getByRole("button", { name: "Save version" }).click();
  const dialog = page.getByRole("dialog", { name: "Save version" });
  await dialog.getByLabel("Comment").fill("Baseline");
  await dialog.getByRole("button", { name: "Save version" }).click();
  await activity.getByLabel("Kind").selectOption({ label: "Versions" });
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("Casey Canvas saved version 1 ('Baseline')");
});
