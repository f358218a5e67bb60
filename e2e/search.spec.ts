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
