import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { PASSWORD, signUp, uniqueEmail } from "./helpers";

test("export my data downloads my account as JSON; deleting the account needs the password and the last-owner rule", async ({ page }) => {
  const email = uniqueEmail("leaving");
  await signUp(page, "Lee Leaving", email);
  await page.getByLabel("Organization name").fill("Lee's Lab");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("button", { name: "Create your first project" })).toBeVisible();

  await page.goto("/profile");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export my data" }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^flowmatrix-my-data-\d{4}-\d\d-\d\d\.json$/);
  const data = JSON.parse(await readFile((await file.path())!, "utf8")) as {
    account: { email: string };
    organizations: { organization: string }[];
  };
  expect(data.account.email).toBe(email);
  expect(data.organizations.map((o) => o.organization)).toEqual(["Lee's Lab"]);

  await page.getByRole("button", { name: "Delete my account" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await dialog.getByLabel("Your password").fill("not-my-password");
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(dialog.getByText("Your password is not correct")).toBeVisible();
  await dialog.getByLabel("Your password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(dialog.getByText(/You are the last owner of "Lee's Lab"/)).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Someone who owns no organization alone can go.
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  const other = uniqueEmail("gone");
  await signUp(page, "Gil Gone", other);
  await page.goto("/profile");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await dialog.getByLabel("Your password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email").fill(other);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
