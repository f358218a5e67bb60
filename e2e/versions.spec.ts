import { expect, test } from "@playwright/test";
import { addStep, openNewProject, step } from "./canvas-helpers";

test("save a version, compare it with now, restore it, and undo the restore", async ({ page }) => {
  await openNewProject(page, "Versions");
  await addStep(page, "Sales", "Request", "Receive order");
  await addStep(page, "Sales", "Review", "Check stock");

  await page.getByRole("tab", { name: "History" }).click();
  await page.getByRole("button", { name: "Save version" }).click();
  const dialog = page.getByRole("dialog", { name: "Save version" });
  await dialog.getByLabel("Comment").fill("Baseline");
  await dialog.getByRole("button", { name: "Save version" }).click();
  const v1 = page.getByTestId("version-row").filter({ hasText: "Baseline" });
  await expect(v1).toContainText("v1");
  await expect(v1).toContainText("2 steps");

  await addStep(page, "Finance", "Review", "Send invoice");
  await step(page, "Check stock").dblclick();
  const rename = page.getByRole("textbox", { name: "Step name" });
  await rename.fill("Check inventory");
  await rename.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await v1.getByRole("button", { name: "Compare v1 with now" }).click();
  await expect(page.getByTestId("compare-title")).toHaveText("Comparing v1 → now");
  await expect(page.getByTestId("compare-summary")).toContainText("+1 steps · 1 changed");
  await expect(step(page, "Send invoice").locator('[data-diff="added"]')).toBeVisible();
  await expect(step(page, "Check inventory").locator('[data-diff="changed"]')).toBeVisible();
  await expect(step(page, "Receive order").locator("[data-diff]")).toHaveCount(0);
  await expect(page.getByTestId("change-list")).toContainText("Name: Check stock → Check inventory");

  await v1.getByRole("button", { name: "Restore v1" }).click();
  await page.getByRole("dialog", { name: "Restore v1?" }).getByRole("button", { name: "Restore" }).click();
  await expect(page.getByTestId("version-banner")).toBeHidden();
  await expect(step(page, "Send invoice")).toHaveCount(0);
  await expect(step(page, "Check stock")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(page.getByTestId("version-row").filter({ hasText: "Before restoring v1" })).toContainText("3 steps");
  await expect(page.getByTestId("version-row").filter({ hasText: "Restored from v1" })).toContainText("2 steps");

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(step(page, "Send invoice")).toBeVisible();
  await expect(step(page, "Check inventory")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(step(page, "Send invoice")).toBeVisible();
  await expect(step(page, "Check stock")).toHaveCount(0);
});
