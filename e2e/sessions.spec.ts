import { expect, test, type Browser } from "@playwright/test";
import { PASSWORD, signIn, signUp, uniqueEmail } from "./helpers";

/** A second browser signed in as the same person. */
async function secondBrowser(browser: Browser, baseURL: string, email: string, password: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

test("a token copied before signing out no longer works after it", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("copied");
  await signUp(page, "Cody Copied", email);
  const cookies = await page.context().cookies();
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/login/);
  const api = await stolen.request.get("/api/trpc/user.me");
  expect(api.status()).toBe(401);
  await thief.close();
});

test("changing the password ends the other sessions; signing out everywhere ends all", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("sessions");
  await signUp(page, "Sam Sessions", email);
  const other = await secondBrowser(browser, baseURL!, email, PASSWORD);

  await page.goto("/profile");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("a-completely-new-password");
  await page.getByLabel("Confirm new password").fill("a-completely-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Your sessions on other devices have ended.")).toBeVisible();

  // The other browser is signed out; this one is not.
  await other.page.goto("/dashboard");
  await expect(other.page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard/);

  // Signed in again elsewhere with the new password, then out everywhere from here.
  await signIn(other.page, email, "a-completely-new-password");
  await page.goto("/profile");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  await other.page.goto("/dashboard");
  await expect(other.page).toHaveURL(/\/login/);
  await other.context.close();
});
