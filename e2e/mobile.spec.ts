import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { addStep, cellOf, openNewProject, reveal, step, steps } from "./canvas-helpers";
import { DEMO, signIn } from "./helpers";

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** Every control in the app bar has its own space (once the bar has rendered all of them). */
async function appBarControlsApart(page: Page) {
  const visibleBoxes = () =>
    page
      .getByRole("banner")
      .first()
      .locator("a, button")
      .evaluateAll((els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
      );
  await expect.poll(async () => (await visibleBoxes()).length).toBeGreaterThan(3);
  const boxes = await visibleBoxes();
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      expect(overlap, `controls at x=${a.left} and x=${b.left} overlap`).toBe(false);
    }
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the canvas takes the width, panels open as a bottom sheet, and reading, commenting and the analysis work", async ({ page }) => {
    await signIn(page, DEMO.email, DEMO.password);
    await expect(page.getByTestId("project-card").first()).toBeVisible();
    await noSidewaysScroll(page);
    await appBarControlsApart(page);
    await page
      .getByTestId("project-card")
      .filter({ hasText: "Customer onboarding" })
      .getByRole("link", { name: "Customer onboarding" })
      .click();
    await expect(steps(page).first()).toBeVisible();
    await noSidewaysScroll(page);
    await appBarControlsApart(page);

    const canvas = (await page.getByTestId("matrix-canvas").boundingBox())!;
    expect(canvas.width).toBeGreaterThan(360);
    const sheet = page.getByTestId("side-panel");
    await expect(sheet).toHaveAttribute("data-sheet", "closed");

    await page.getByRole("tab", { name: "Analysis" }).tap();
    await expect(sheet).toHaveAttribute("data-sheet", "open");
    await expect(page.getByTestId("lead-time-total")).toHaveText(/\d+[dhmw]/);
    await page.getByRole("button", { name: "Close the panel" }).tap();
    await expect(sheet).toHaveAttribute("data-sheet", "closed");

    // Tapping a step opens its details.
    const first = steps(page).first();
    const label = (await first.innerText()).split("\n")[0]!;
    await first.tap();
    await expect(sheet).toHaveAttribute("data-sheet", "open");
    await expect(page.getByTestId("inspector").getByRole("textbox").first()).toHaveValue(label);

    await page.getByRole("tab", { name: "Comments" }).tap();
    const note = `Checked on a phone ${Date.now()}`;
    await page.getByRole("textbox", { name: `Comment on ${label}` }).fill(note);
    await page.getByRole("button", { name: "Comment", exact: true }).tap();
    await expect(page.getByText(note)).toBeVisible();
    await noSidewaysScroll(page);
  });
});

/** A one-finger drag, as the touch screen reports it. */
async function touchDrag(cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }) {
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= 12; i++) {
    const x = from.x + ((to.x - from.x) * i) / 12;
    const y = from.y + ((to.y - from.y) * i) / 12;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

test.describe("on a tablet", () => {
  test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });

  test("steps are moved and connected by touch", async ({ page }) => {
    await openNewProject(page, "Tablet process");
    await addStep(page, "Sales", "Request", "Take the order");
    await addStep(page, "Finance", "Review", "Check credit");
    await noSidewaysScroll(page);
    await appBarControlsApart(page);

    const cdp = await page.context().newCDPSession(page);
    const before = await cellOf(page, "Check credit");
    const execute = page.locator('[data-testid^="lane-stage-"]').filter({ hasText: "Execute" }).first();
    // The drop point stays clear of the canvas edge, where a drag pans the view on purpose.
    const column = await reveal(page, async () => {
      const b = (await execute.boundingBox())!;
      return { x: b.x + 60, y: b.y + b.height / 2 };
    });
    const box = (await step(page, "Check credit").boundingBox())!;
    await touchDrag(cdp, { x: box.x + box.width / 2, y: box.y + 14 }, { x: column.x, y: box.y + 14 });
    await expect(page.getByTestId("save-status")).toHaveText("Saved");
    const after = await cellOf(page, "Check credit");
    expect(after.department).toBe(before.department);
    expect(after.stage).not.toBe(before.stage);
    const target = await page.locator('[data-testid^="lane-stage-"]').filter({ hasText: "Execute" }).first().getAttribute("data-testid");
    expect(after.stage, "the step lands in the column it was dropped on").toBe(target);

    const handle = (label: string, side: "source" | "target") => step(page, label).locator(`.react-flow__handle.${side}`).first();
    await handle("Take the order", "source").tap();
    await handle("Check credit", "target").tap();
    await page.getByRole("button", { name: /^Requires/ }).tap();
    await expect(page.locator(".react-flow__edge")).toHaveCount(1);
    await expect(page.getByTestId("save-status")).toHaveText("Saved");
  });
});
