import { expect, test, type Page } from "@playwright/test";
import { addStep, openNewProject, step, steps } from "./canvas-helpers";
import { signUp, uniqueEmail } from "./helpers";

const mod = process.platform === "darwin" ? "Meta" : "Control";
const TEMPLATE = "Continuous delivery release train";
const TEMPLATE_STEPS = 17;

type Positions = Record<string, string>;

/** Every step's React Flow transform, by node id: what "Tidy up" changes and undo restores. */
async function positions(page: Page): Promise<Positions> {
  const pairs = await steps(page).evaluateAll((els) =>
    els.map((el) => [el.getAttribute("data-id") ?? "", (el as HTMLElement).style.transform]),
  );
  return Object.fromEntries(pairs);
}

const movedSince = async (page: Page, before: Positions) => {
  const now = await positions(page);
  return Object.keys(before).filter((id) => now[id] !== before[id]).length;
};

/**
 * A project of its own from a built-in template (other specs share the seeded demo projects,
 * and the demo dashboard's project count): laid out by hand, so "Tidy up" moves many steps.
 */
async function openTemplateProject(page: Page) {
  await signUp(page, "Uma Undo", uniqueEmail("undo"));
  await page.getByLabel("Organization name").fill("Org Undo");
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.getByTestId("start-from-template").click();
  await page.getByTestId("template-card").filter({ hasText: TEMPLATE }).getByRole("button", { name: "Use template" }).click();
  const dialog = page.getByRole("dialog", { name: "Use template" });
  await dialog.getByLabel("Project name").fill("Release train");
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]+$/);
  await expect(steps(page)).toHaveCount(TEMPLATE_STEPS);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

test("Ctrl+Z right after Tidy up puts every step back, and the undo survives a reload", async ({ page }) => {
  await openTemplateProject(page);
  const original = await positions(page);
  expect(Object.keys(original)).toHaveLength(TEMPLATE_STEPS);
  const tidyUp = page.getByRole("button", { name: "Tidy up", exact: true });
  const undo = page.getByRole("button", { name: "Undo", exact: true });
  const redo = page.getByRole("button", { name: "Redo", exact: true });
  await expect(undo).toBeDisabled();

  await tidyUp.click();
  await expect.poll(() => movedSince(page, original)).toBeGreaterThanOrEqual(5);
  await expect(tidyUp).toBeFocused();
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(() => positions(page)).toEqual(original);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await tidyUp.click();
  await expect.poll(() => movedSince(page, original)).toBeGreaterThanOrEqual(5);
  const tidied = await positions(page);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await page.reload();
  await expect(steps(page)).toHaveCount(TEMPLATE_STEPS);
  await expect.poll(() => positions(page)).toEqual(tidied);
  // Only the second tidy-up is left to undo: the first was undone, and its redo cleared by the second.
  await expect(redo).toBeDisabled();
  await undo.click();
  await expect.poll(() => positions(page)).toEqual(original);
  await expect(undo).toBeDisabled();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await page.reload();
  await expect(steps(page)).toHaveCount(TEMPLATE_STEPS);
  await expect.poll(() => positions(page)).toEqual(original);
  await redo.click();
  await expect.poll(() => positions(page)).toEqual(tidied);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(() => positions(page)).toEqual(original);
});

test("Delete acts on the selected step only while focus is on the canvas; Ctrl+Z works from a side-panel tab", async ({ page }) => {
  await openNewProject(page, "Focus");
  await addStep(page, "Sales", "Request", "Keep me");
  const analysisTab = page.getByRole("tab", { name: "Analysis" });
  await step(page, "Keep me").click();
  await analysisTab.focus();
  await page.keyboard.press("Delete");
  await expect(step(page, "Keep me")).toBeVisible();

  await step(page, "Keep me").click();
  await page.keyboard.press("Delete");
  await expect(step(page, "Keep me")).toHaveCount(0);
  await analysisTab.focus();
  await page.keyboard.press(`${mod}+z`);
  await expect(step(page, "Keep me")).toBeVisible();
});
