import { expect, test, type Page } from "@playwright/test";
import { addStep, cellOf, openNewProject, step, steps } from "./canvas-helpers";

const mod = process.platform === "darwin" ? "Meta" : "Control";

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The stage lanes' test ids, left to right. */
async function stagesInOrder(page: Page): Promise<string[]> {
  const lanes = await page.locator('[data-testid^="lane-stage-"]').all();
  const placed = await Promise.all(lanes.map(async (l) => ({ id: (await l.getAttribute("data-testid"))!, x: (await l.boundingBox())!.x })));
  return placed.sort((a, b) => a.x - b.x).map((l) => l.id);
}

test("palette clicks add steps beside an existing step, never on top of it", async ({ page }) => {
  await openNewProject(page, "Placement");
  const addAction = page.getByRole("toolbar", { name: "Add steps" }).getByRole("button", { name: "Add Action" });
  await addAction.click();
  const name = page.getByRole("textbox", { name: "Step name" });
  await name.fill("Existing step");
  await name.press("Enter");
  await expect(step(page, "Existing step")).toBeVisible();
  // Nothing selected, so the next steps go to the cell in the middle of the view, where the first one is.
  await page.getByTestId("matrix-canvas").click({ position: { x: 5, y: 5 } });

  await addAction.click();
  await addAction.click();
  await page.getByRole("textbox", { name: "Step name" }).press("Enter");
  await expect(steps(page)).toHaveCount(3);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  const boxes = await Promise.all((await steps(page).all()).map(async (s) => (await s.boundingBox())!));
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b), JSON.stringify([a, b])).toBe(false);

  // What you see is what you select: deleting the newest step leaves the first one alone.
  await steps(page).filter({ hasNotText: "Existing step" }).last().click();
  await page.keyboard.press("Delete");
  await expect(steps(page)).toHaveCount(2);
  await expect(step(page, "Existing step")).toBeVisible();
});

test("Alt+arrows move the selected step to the neighbouring stage, stop at the edge and undo in one step", async ({ page }) => {
  await openNewProject(page, "Keyboard moves");
  await addStep(page, "Sales", "Request", "Move me");
  const stages = await stagesInOrder(page);
  const start = await cellOf(page, "Move me");
  expect(start.stage).toBe(stages[0]);

  await step(page, "Move me").click();
  await page.keyboard.press("Alt+ArrowRight");
  await expect.poll(() => cellOf(page, "Move me")).toEqual({ department: start.department, stage: stages[1] });
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await page.keyboard.press("Alt+ArrowLeft");
  await expect.poll(() => cellOf(page, "Move me")).toEqual(start);
  // Already in the first stage: nothing moves, and the browser does not go back a page either.
  const url = page.url();
  await page.keyboard.press("Alt+ArrowLeft");
  await page.keyboard.press("Alt+ArrowUp");
  await expect(page).toHaveURL(url);
  await expect.poll(() => cellOf(page, "Move me")).toEqual(start);

  await page.keyboard.press("Alt+ArrowRight");
  await expect.poll(() => cellOf(page, "Move me")).toEqual({ department: start.department, stage: stages[1] });
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(() => cellOf(page, "Move me")).toEqual(start);
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect.poll(() => cellOf(page, "Move me")).toEqual({ department: start.department, stage: stages[1] });
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await page.reload();
  await expect(step(page, "Move me")).toBeVisible();
  expect(await cellOf(page, "Move me")).toEqual({ department: start.department, stage: stages[1] });
});
