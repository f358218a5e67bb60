import { expect, test } from "@playwright/test";
import { addStep, openNewProject, step, steps } from "./canvas-helpers";
import { addMembers, signUp, uniqueEmail } from "./helpers";

test("two people on one project see each other's edits live; a viewer cannot edit", async ({ browser }) => {
  // Three signed-in browsers at once.
  test.slow();
  const owner = await (await browser.newContext()).newPage();
  const editor = await (await browser.newContext()).newPage();
  const viewer = await (await browser.newContext()).newPage();
  const editorEmail = uniqueEmail("editor");
  const viewerEmail = uniqueEmail("viewer");
  await signUp(editor, "Eddie Editor", editorEmail);
  await signUp(viewer, "Vera Viewer", viewerEmail);

  await openNewProject(owner, "Shared process");
  const projectUrl = owner.url();
  await addMembers(owner, [
    [editorEmail, "EDITOR", editor],
    [viewerEmail, "VIEWER", viewer],
  ]);
  await owner.goto(projectUrl);
  await editor.goto(projectUrl);
  await viewer.goto(projectUrl);
  await expect(editor.getByTestId("matrix-canvas")).toBeVisible();
  await expect(owner.getByTestId("presence").locator("[title='Eddie Editor']")).toBeVisible();

  await addStep(owner, "Sales", "Request", "Owner's step");
  await expect(step(editor, "Owner's step")).toBeVisible();
  await expect(step(viewer, "Owner's step")).toBeVisible();

  await step(editor, "Owner's step").click();
  const label = editor.getByTestId("inspector").getByLabel("Label");
  await label.fill("Renamed by Eddie");
  await label.press("Enter");
  await expect(step(owner, "Renamed by Eddie")).toBeVisible();
  await expect(step(viewer, "Renamed by Eddie")).toBeVisible();

  // The viewer sees the same canvas without any way to change it.
  await expect(viewer.getByTestId("read-only-badge")).toBeVisible();
  await expect(viewer.getByRole("toolbar", { name: "Add steps" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Undo" })).toBeDisabled();
  await expect(step(viewer, "Renamed by Eddie").locator(".react-flow__handle")).toHaveCount(0);
  // Where the step sits on the canvas (React Flow's own coordinates, whatever the view).
  const placed = () => step(viewer, "Renamed by Eddie").evaluate((el) => (el as HTMLElement).style.transform);
  const where = await placed();
  const before = await step(viewer, "Renamed by Eddie").boundingBox();
  await step(viewer, "Renamed by Eddie").hover();
  await viewer.mouse.down();
  await viewer.mouse.move(before!.x + 300, before!.y + 200, { steps: 8 });
  await viewer.mouse.up();
  await step(viewer, "Renamed by Eddie").click();
  await expect(viewer.getByTestId("inspector").getByLabel("Label")).toBeDisabled();
  await expect(steps(owner)).toHaveCount(1);
  await viewer.reload();
  await expect(step(viewer, "Renamed by Eddie")).toBeVisible();
  expect(await placed()).toBe(where);
});
