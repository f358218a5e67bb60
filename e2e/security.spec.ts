import { expect, test } from "@playwright/test";
import { DEMO, PASSWORD, signIn, signUp, uniqueEmail } from "./helpers";

test("pages and the API carry the security headers, and a page runs under its nonce with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = (await page.goto("/login"))!;
  const headers = response.headers();
  const policy = headers["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers).toMatchObject({
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
  expect(headers["permissions-policy"]).toContain("camera=()");
  // A fresh nonce per response.
  const again = (await page.request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toBe(policy);

  const api = await page.request.get("/api/health");
  expect(api.headers()).toMatchObject({
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
  });

  // The page hydrates under the policy: signing in and opening the canvas work, and nothing was blocked.
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page
    .getByTestId("project-card")
    .filter({ hasText: "Customer onboarding" })
    .getByRole("link", { name: "Customer onboarding" })
    .click();
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await page.getByRole("tab", { name: "Analysis" }).click();
  await expect(page.getByTestId("p80")).toBeVisible();
  expect(violations).toEqual([]);
});

test("a sign-in link cannot send people to another site", async ({ page }) => {
  for (const from of ["/%09/127.0.0.1:9/tab", "/%0a/127.0.0.1:9/tab", "/%5Cevil.example", "//evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/login?from=${from}`);
    await page.getByLabel("Email").fill(DEMO.email);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/dashboard$/);
  }
});

test("writes from another site, oversized bodies and huge batches are refused before any work", async ({ page, baseURL }) => {
  const forged = await page.request.post("/api/trpc/auth.signUp", {
    headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
    data: { json: { name: "Mallory", email: "mallory@evil.example", password: "long-enough-password" } },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.json.message).toBe("Requests from other sites may not change data here");
  // The same request from the app's own origin reaches the procedure.
  const own = await page.request.post("/api/trpc/auth.signUp", {
    headers: { Origin: baseURL!, "Content-Type": "application/json" },
    data: { json: { name: "", email: "not-an-email", password: "x" } },
  });
  expect(own.status()).toBe(400);

  const huge = await page.request.post("/api/trpc/transfer.importProjects", {
    headers: { "Content-Type": "application/json" },
    data: Buffer.alloc(51 * 1024 * 1024, 32),
  });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.json.message).toContain("larger than 50 MB");

  const procedures = Array.from({ length: 51 }, () => "user.me").join(",");
  const batch = await page.request.get(`/api/trpc/${procedures}?batch=1&input={}`);
  expect(batch.status()).toBe(400);
});

test("an import file over the limit is refused in the dialog, before it is sent", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.getByTestId("import-projects").click();
  const dialog = page.getByRole("dialog", { name: "Import projects" });
  await dialog
    .getByTestId("import-file")
    .setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(21_000_000, 32) });
  await expect(dialog.getByRole("alert")).toHaveText(
    "“huge.json” is 21.0 MB; files up to 20 MB can be imported. Split it into smaller files.",
  );
  await expect(dialog.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
});

test("ten wrong passwords lock the account for a while, and the form says so", async ({ page }) => {
  const email = uniqueEmail("locked");
  await signUp(page, "Lou Locked", email);
  await page.context().clearCookies();
  await page.goto("/login");
  const alert = page.getByRole("main").getByRole("alert");
  for (let i = 1; i <= 10; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-guess-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("Wrong email or password.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  // The right password now waits too: a guesser learns nothing from the eleventh try.
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText("Too many attempts. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/login/);
});
