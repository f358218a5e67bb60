import { expect, test } from "@playwright/test";
import { step, steps } from "./canvas-helpers";
import { DEMO, signIn, uniqueEmail } from "./helpers";

test("health reports the database", async ({ request }, testInfo) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ db: "ok", mode: testInfo.project.name, migrations: expect.any(Number) });
});

test("a wrong password shows the error and stays signed out", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown email gets the same message as a wrong password", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
});

test("sign-up explains a short password and a taken email", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Shorty");
  await page.getByLabel("Email").fill(uniqueEmail("short"));
  await page.getByLabel("Password").fill("123456789");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();

  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("An account with this email already exists");
});

test("the demo login sees the seeded projects with their counts", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  const cards = page.getByTestId("project-card");
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: "Customer onboarding" })).toContainText("24 steps · 31 connections");
  await expect(cards.filter({ hasText: "Product launch" })).toContainText("27 steps · 40 connections");
  await cards.filter({ hasText: "Customer onboarding" }).getByRole("link", { name: "Customer onboarding" }).click();
  await expect(steps(page)).toHaveCount(24);
  await expect(step(page, "Assign customer success manager")).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});
