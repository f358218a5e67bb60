import { expect, test } from "@playwright/test";
import { addStep, cellCentre, cellOf, connect, dragStepTo, openNewProject, step, steps } from "./canvas-helpers";

const mod = process.platform === "darwin" ? "Meta" : "Control";

test("steps are created in cells, moved to another department and stage, and stay there after reload", async ({ page }) => {
  await openNewProject(page, "Order intake");
  await addStep(page, "Sales", "Request", "Receive order");
  await addStep(page, "Finance", "Review", "Check credit");
  expect(await cellOf(page, "Receive order")).toEqual({
    department: expect.stringMatching(/^lane-department-/),
    stage: expect.stringMatching(/^lane-stage-/),
  });
  const start = await cellOf(page, "Receive order");

  await dragStepTo(page, "Receive order", await cellCentre(page, "Operations", "Execute"));
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const moved = await cellOf(page, "Receive order");
  expect(moved).not.toEqual(start);

  await page.reload();
  await expect(step(page, "Receive order")).toBeVisible();
  expect(await cellOf(page, "Receive order")).toEqual(moved);
  const operations = await page
    .locator('[data-testid^="lane-department-"]')
    .filter({ hasText: "Operations" })
    .first()
    .getAttribute("data-testid");
  const execute = await page.locator('[data-testid^="lane-stage-"]').filter({ hasText: "Execute" }).first().getAttribute("data-testid");
  expect(moved).toEqual({ department: operations, stage: execute });
  await expect(steps(page)).toHaveCount(2);
});

test("connecting steps, refusing a loop, undo and redo", async ({ page }) => {
  await openNewProject(page, "Approvals");
  await addStep(page, "Sales", "Request", "Draft quote");
  await addStep(page, "Sales", "Review", "Approve quote");
  const edges = page.locator(".react-flow__edge");

  await connect(page, "Draft quote", "Approve quote");
  await page.getByRole("button", { name: /^Requires/ }).click();
  await expect(edges).toHaveCount(1);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await connect(page, "Approve quote", "Draft quote");
  await page.getByRole("button", { name: /^Requires/ }).click();
  await expect(page.getByRole("dialog", { name: "Connection type" }).getByRole("alert")).toContainText(
    '"Draft quote" -> "Approve quote" -> "Draft quote"',
  );
  await page.keyboard.press("Escape");
  await expect(edges).toHaveCount(1);

  await page.getByTestId("matrix-canvas").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${mod}+z`);
  await expect(edges).toHaveCount(0);
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(edges).toHaveCount(1);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(edges).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(step(page, "Approve quote")).toBeVisible();
  await expect(edges).toHaveCount(0);
});

test("the inspector edits a step and checks the duration syntax as you type", async ({ page }) => {
  await openNewProject(page, "Inspector");
  await addStep(page, "IT", "Execute", "Provision laptop");
  await step(page, "Provision laptop").click();
  const inspector = page.getByTestId("inspector");
  const avgTime = inspector.getByLabel("Average time");
  await avgTime.fill("2hrs");
  await expect(inspector.getByText(/is not a duration like/)).toBeVisible();
  await avgTime.fill("2h30m");
  await avgTime.press("Enter");
  await inspector.getByLabel("Status").selectOption("IN_PROGRESS");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(step(page, "Provision laptop")).toContainText("2h 30m");

  await page.reload();
  await step(page, "Provision laptop").click();
  await expect(page.getByTestId("inspector").getByLabel("Average time")).toHaveValue("2h30m");
  await expect(page.getByTestId("inspector").getByLabel("Status")).toHaveValue("IN_PROGRESS");
});

test("an edit made while the server is unreachable is saved when it comes back", async ({ page, context }) => {
  await openNewProject(page, "Offline");
  await addStep(page, "Sales", "Request", "Call customer");
  await step(page, "Call customer").click();
  await context.setOffline(true);
  const label = page.getByTestId("inspector").getByLabel("Label");
  await label.fill("Call customer back");
  await label.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveText("Offline, retrying…");
  await expect(step(page, "Call customer back")).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 20_000 });
  await page.reload();
  await expect(step(page, "Call customer back")).toBeVisible();
});
