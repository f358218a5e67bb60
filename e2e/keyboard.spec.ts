import { expect, test, type Locator, type Page } from "@playwright/test";
import { openNewProject, step, steps } from "./canvas-helpers";
import { DEMO, signIn } from "./helpers";

/**
 * Presses Tab (Shift+Tab backwards) until focus is on or inside `target`; returns how many
 * presses that took. Focus is only ever moved by the keyboard here.
 */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((el) => el.contains(document.activeElement))) return presses;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`focus did not reach ${target} within ${max} presses`);
}

const toolbar = (page: Page) => page.getByRole("toolbar", { name: "Editor" });
const paletteButton = (page: Page, type: string) =>
  page.getByRole("toolbar", { name: "Add steps" }).getByRole("button", { name: `Add ${type}` });
const connections = (page: Page) => page.locator(".react-flow__edge");

/** Palette -> Enter on "Add Action" -> type the name -> Enter; focus comes back to the new step. */
async function addAction(page: Page, label: string) {
  await tabTo(page, paletteButton(page, "Action"), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Step name" })).toBeFocused();
  await page.keyboard.type(label);
  await page.keyboard.press("Enter");
  await expect(step(page, label)).toBeFocused();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

/** Walks back to a step on the canvas and selects it with Enter, as React Flow lets you. */
async function selectStep(page: Page, label: string) {
  await tabTo(page, step(page, label), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("inspector").getByLabel("Label")).toHaveValue(label);
}

test("a three-step process is built, placed and connected with the keyboard alone", async ({ page }) => {
  // Some hundred key presses, each one round trip to the browser.
  test.setTimeout(180_000);
  await openNewProject(page, "Keyboard only");
  const inspector = page.getByTestId("inspector");

  await tabTo(page, toolbar(page));
  expect(await tabTo(page, paletteButton(page, "Trigger"))).toBeLessThanOrEqual(6);
  await page.keyboard.press("Tab");
  await expect(paletteButton(page, "Action")).toBeFocused();

  await addAction(page, "Receive order");
  await addAction(page, "Check credit");
  await addAction(page, "Ship order");
  await expect(steps(page)).toHaveCount(3);

  // New steps land in the cell in the middle of the view; "Ship order", selected since it was
  // just added, and "Check credit" move to Operations / Execute.
  await expect(step(page, "Receive order")).toHaveAttribute(
    "aria-label",
    /^Receive order, (Sales|Finance|Operations|IT) \/ (Request|Review), Pending$/,
  );
  for (const label of ["Ship order", "Check credit"]) {
    if (label !== "Ship order") await selectStep(page, label);
    await tabTo(page, inspector.getByLabel("Department"));
    await page.keyboard.type("Operations");
    await expect(step(page, label)).toHaveAttribute("aria-label", `${label}, Operations / Review, Pending`);
    await page.keyboard.press("Tab");
    await expect(inspector.getByLabel("Stage")).toBeFocused();
    await page.keyboard.type("Execute");
    await expect(step(page, label)).toHaveAttribute("aria-label", `${label}, Operations / Execute, Pending`);
    await expect(page.getByTestId("save-status")).toHaveText("Saved");
  }

  // "Check credit" depends on "Receive order", with a two-hour wait.
  const combobox = inspector.getByRole("combobox", { name: "Add dependency on" });
  await tabTo(page, combobox);
  await page.keyboard.type("rece");
  await page.keyboard.press("ArrowDown");
  await expect(inspector.getByRole("option", { name: /Receive order/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(combobox).toHaveValue("Receive order");
  await page.keyboard.press("Tab");
  await expect(inspector.getByLabel("Relation")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.type("2 hours");
  await expect(inspector.getByRole("alert")).toContainText("is not a duration like");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("2h");
  await expect(inspector.getByRole("alert")).toHaveCount(0);
  await page.keyboard.press("Tab");
  await expect(inspector.getByRole("button", { name: "Add", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(inspector.getByRole("list", { name: "Depends on" })).toHaveText("Receive order · Requires · wait 2h");
  await expect(connections(page)).toHaveCount(1);

  // "Ship order" is blocked by "Check credit"; a loop back is refused next to the control.
  await selectStep(page, "Ship order");
  await tabTo(page, combobox);
  await page.keyboard.type("check");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Blocks");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(inspector.getByRole("list", { name: "Depends on" })).toHaveText("Check credit · Blocks");
  await expect(connections(page)).toHaveCount(2);

  await selectStep(page, "Receive order");
  await tabTo(page, combobox);
  await page.keyboard.type("ship");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(inspector.getByRole("alert")).toContainText('"Receive order" -> "Check credit" -> "Ship order" -> "Receive order"');
  await expect(connections(page)).toHaveCount(2);
  await expect(inspector.getByRole("list", { name: "Leads to" })).toHaveText("Check credit · Requires · wait 2h");

  await expect(steps(page)).toHaveCount(3);
  // Connections follow their sources' places in the matrix, which depend on the cell "Receive order" landed in.
  await expect(connections(page)).toHaveCount(2);
  const names = await connections(page).evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")).sort());
  expect(names).toEqual(["from Check credit to Ship order, blocks", "from Receive order to Check credit, requires, wait 2h"]);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // Tab from the last step (matrix order; tab-order.test.ts pins the order) goes on to the first connection.
  await tabTo(page, steps(page).last(), { backwards: true });
  await page.keyboard.press("Tab");
  await expect(connections(page).first()).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(connections(page).nth(1)).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(steps(page).last()).toBeFocused();
});

test("on the seeded project the palette is a few Tabs from the toolbar and the steps follow it", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page
    .getByTestId("project-card")
    .filter({ hasText: "Customer onboarding" })
    .getByRole("link", { name: "Customer onboarding" })
    .click();
  await expect(steps(page)).toHaveCount(24);
  await expect(connections(page)).toHaveCount(31);

  await tabTo(page, toolbar(page));
  expect(await tabTo(page, paletteButton(page, "Trigger"))).toBeLessThan(20);
  await tabTo(page, paletteButton(page, "Artifact"), { max: 3 });
  await page.keyboard.press("Tab");
  await expect(steps(page).first()).toBeFocused();
  await expect(steps(page).first()).toHaveAttribute(
    "aria-label",
    /^[^,]+, [^,/]+ \/ [^,]+, (Pending|Ready|In progress|Completed|Blocked)$/,
  );
});

test("a run is started and a step marked started with the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  await openNewProject(page, "Keyboard run");
  await tabTo(page, toolbar(page));
  await tabTo(page, paletteButton(page, "Action"));
  await addAction(page, "Receive order");

  const runsTab = page.getByRole("tab", { name: "Runs" });
  await tabTo(page, page.getByRole("tab", { selected: true }));
  while (!(await runsTab.evaluate((el) => el === document.activeElement))) await page.keyboard.press("ArrowRight");
  await expect(runsTab).toHaveAttribute("aria-selected", "true");
  const form = page.getByRole("form", { name: "Start a run" });
  await tabTo(page, form.getByLabel("Name"));
  await page.keyboard.type("Order 7");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Run", exact: true })).toContainText("Order 7");

  await tabTo(page, step(page, "Receive order"), { backwards: true });
  await page.keyboard.press("Enter");
  const record = page.getByRole("region", { name: "Selected step in the run" });
  await expect(record).toContainText("Receive order");
  await tabTo(page, record.getByRole("button", { name: "Start", exact: true }));
  await page.keyboard.press("Enter");
  await expect(step(page, "Receive order").getByTestId("run-marker")).toHaveAttribute("data-run-state", "IN_PROGRESS");
});
