import { expect, type Locator, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

export const STEP_SELECTOR = [
  ".react-flow__node-trigger",
  ".react-flow__node-action",
  ".react-flow__node-decision",
  ".react-flow__node-artifact",
].join(", ");

export function steps(page: Page): Locator {
  return page.locator(STEP_SELECTOR);
}

export function step(page: Page, label: string): Locator {
  return steps(page).filter({ hasText: label });
}

/** A fresh owner with an organization and an empty project, on the project page. */
export async function openNewProject(page: Page, name = "Canvas project") {
  await signUp(page, "Casey Canvas", uniqueEmail("canvas"));
  await page.getByLabel("Organization name").fill(`Org ${name}`);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.getByRole("button", { name: "Create your first project" }).click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]+$/);
  await expect(page.getByTestId("matrix-canvas")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

async function lane(page: Page, axis: "department" | "stage", name: string) {
  const box = await page.locator(`[data-testid^="lane-${axis}-"]`).filter({ hasText: name }).first().boundingBox();
  if (!box) throw new Error(`no ${axis} lane named ${name}`);
  return box;
}

type Point = { x: number; y: number };
/** Room kept clear of the pinned lane headers (top, left) and the palette and controls (bottom). */
const CLEAR = { top: 90, left: 200, right: 80, bottom: 90 };

/**
 * Scrolls the canvas (a wheel pans it, as a trackpad would) until `where` is well inside it,
 * clear of the pinned headers and the palette. A readable zoom leaves part of a matrix off screen.
 */
export async function reveal(page: Page, where: () => Promise<Point>): Promise<Point> {
  const canvas = (await page.getByTestId("matrix-canvas").boundingBox())!;
  const inside = {
    x0: canvas.x + CLEAR.left,
    x1: canvas.x + canvas.width - CLEAR.right,
    y0: canvas.y + CLEAR.top,
    y1: canvas.y + canvas.height - CLEAR.bottom,
  };
  const middle = { x: (inside.x0 + inside.x1) / 2, y: (inside.y0 + inside.y1) / 2 };
  let at = await where();
  for (let tries = 0; tries < 5; tries++) {
    const dx = at.x < inside.x0 || at.x > inside.x1 ? at.x - middle.x : 0;
    const dy = at.y < inside.y0 || at.y > inside.y1 ? at.y - middle.y : 0;
    if (dx === 0 && dy === 0) return at;
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.mouse.wheel(dx, dy);
    const before = at;
    await expect.poll(async () => ((at = await where()), at.x !== before.x || at.y !== before.y)).toBe(true);
  }
  return at;
}

/** The centre of a matrix cell, in page coordinates, scrolled into view. */
export async function cellCentre(page: Page, department: string, stage: string) {
  return reveal(page, async () => {
    const row = await lane(page, "department", department);
    const column = await lane(page, "stage", stage);
    return { x: column.x + column.width / 2, y: row.y + row.height / 2 };
  });
}

/** A step's bounding box, scrolled into view. */
export async function stepBox(page: Page, label: string) {
  const centre = async () => {
    const box = (await step(page, label).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  await reveal(page, centre);
  return (await step(page, label).boundingBox())!;
}

/** Which cell a step sits in, judged by where the step's centre is on screen. */
export async function cellOf(page: Page, label: string) {
  const box = (await step(page, label).boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const inside = async (axis: "department" | "stage") => {
    for (const el of await page.locator(`[data-testid^="lane-${axis}-"]`).all()) {
      const b = (await el.boundingBox())!;
      const hit = axis === "department" ? centre.y >= b.y && centre.y <= b.y + b.height : centre.x >= b.x && centre.x <= b.x + b.width;
      if (hit) return (await el.getAttribute("data-testid"))!;
    }
    return null;
  };
  return { department: await inside("department"), stage: await inside("stage") };
}

/** Double-clicks an empty spot of a cell, names the new step and waits until it is saved. */
export async function addStep(page: Page, department: string, stage: string, label: string, offset = { x: 0, y: 0 }) {
  const at = await cellCentre(page, department, stage);
  await page.mouse.dblclick(at.x + offset.x, at.y + offset.y);
  const input = page.getByRole("textbox", { name: "Step name" });
  await input.fill(label);
  await input.press("Enter");
  await expect(step(page, label)).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

/** Drags from one step's right handle to another step's left handle. */
export async function connect(page: Page, from: string, to: string) {
  const source = step(page, from).locator(".react-flow__handle.source, .react-flow__handle-right").first();
  const target = step(page, to).locator(".react-flow__handle.target, .react-flow__handle-left").first();
  const s = (await source.boundingBox())!;
  const t = (await target.boundingBox())!;
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 12 });
  await page.mouse.up();
}

export async function dragStepTo(page: Page, label: string, point: { x: number; y: number }) {
  const box = (await step(page, label).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(point.x, point.y - box.height / 2 + 12, { steps: 15 });
  await page.mouse.up();
}

/** Sets the selected step's average time in the inspector and waits until it is saved. */
export async function setDuration(page: Page, label: string, value: string) {
  await step(page, label).click();
  const field = page.getByTestId("inspector").getByLabel("Average time");
  await field.fill(value);
  await field.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

/** Two steps in Sales, the second requiring the first, with their average times. */
export async function twoStepProcess(page: Page, [first, firstTime]: [string, string], [second, secondTime]: [string, string]) {
  await addStep(page, "Sales", "Request", first);
  await addStep(page, "Sales", "Review", second);
  await connect(page, first, second);
  await page.getByRole("button", { name: /^Requires/ }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await setDuration(page, first, firstTime);
  await setDuration(page, second, secondTime);
}
