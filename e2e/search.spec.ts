import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./helpers";

const mod = process.platform === "darwin" ? "Meta" : "Control";

test("Ctrl+K finds a step despite a typo and Enter opens its project with the step selected", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.keyboard.press(`${mod}+k`);
  const input = page.getByRole("combobox", { name: "Search steps, projects and templates" });
  await expect(input).toBeFocused();
  await input.fill("configre sso");

  const first = page.getByRole("option").first();
  await expect(first).toContainText("Configure SSO and user roles");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(first).toContainText("Customer onboarding");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]+\?step=[0-9a-f-]+$/);
  await expect(page.getByTestId("inspector").getByLabel("Label")).toHaveValue("Configure SSO and user roles");
  await expect(page.locator(".react-flow__node.selected")).toContainText("Configure SSO and user roles");
});

test("the Search button opens the palette, which says when nothing matches and closes with Esc", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.getByRole("button", { name: "Search" }).click();
  const input = page.getByRole("combobox", { name: "Search steps, projects and templates" });
  await input.fill("qqzzxx");
  // The palette's own status (the dashboard behind it may still be loading on a busy machine).
  await expect(page.getByRole("dialog", { name: "Search" }).getByRole("status")).toHaveText("No results for “qqzzxx”");
  await page.keyboard.press("Escape");
  await expect(input).toBeHidden();
});

test("two swapped letters still find the project, and a template opens marked in the gallery", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.keyboard.press(`${mod}+k`);
  const input = page.getByRole("combobox", { name: "Search steps, projects and templates" });
  await input.fill("onbaording");
  const project = page.getByRole("option").filter({ hasText: "Customer onboarding" }).filter({ hasText: "24 steps" });
  await expect(project.first()).toBeVisible();
  await expect(project.first()).toContainText(/updated/);

  await input.fill("procure to pay");
  const template = page.getByRole("option").filter({ hasText: "Procure-to-pay" });
  await template.click();
  await expect(page).toHaveURL(/\/templates\?template=[0-9a-f-]+$/);
  const card = page.getByRole("listitem", { name: "Procure-to-pay" });
  await expect(card).toHaveAttribute("aria-current", "true");
  await expect(card).toBeInViewport();
});
