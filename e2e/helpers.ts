import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const DEMO = { email: "demo@flowmatrix.dev", password: "flowmatrix-demo" };
export const PASSWORD = "e2e-password-123";

export function uniqueEmail(prefix: string) {
  return `${prefix}-${randomUUID().slice(0, 8)}@e2e.test`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

export async function signUp(page: Page, name: string, email: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // Hashing the password (bcrypt, cost 12) takes a while on a busy 2-core machine.
  await expect(page).toHaveURL(/\/dashboard/, { timeout: 20_000 });
}

/** Opens the project page's "Project" menu (activity, details, template, export, settings). */
export async function openProjectMenu(page: Page) {
  await page.getByTestId("project-menu").click();
  await expect(page.getByRole("menu", { name: "Project" })).toBeVisible();
}

type Invitee = readonly [email: string, role: "EDITOR" | "COMMENTER" | "VIEWER", invitee: Page];

/**
 * From the project page: opens its settings and invites each person with their role; each
 * opens the link the owner copies and accepts it (people outside the organization join only
 * by saying yes).
 */
export async function addMembers(page: Page, members: readonly Invitee[]) {
  await openProjectMenu(page);
  await page.getByTestId("project-settings-link").click();
  const addForm = page.getByRole("form", { name: "Add member" });
  for (const [email, role, invitee] of members) {
    await addForm.getByLabel("Email address").fill(email);
    await addForm.getByLabel("Role").selectOption(role);
    await addForm.getByRole("button", { name: "Add member" }).click();
    const link = page.getByTestId("invitation-row").filter({ hasText: email }).getByTestId("invitation-link");
    await acceptInvitation(invitee, await link.inputValue());
  }
  await page.reload();
  for (const [email] of members) await expect(page.getByTestId("member-row").filter({ hasText: email })).toBeVisible();
}

/** The invitee opens an invitation link and accepts; a project invitation lands on the project. */
export async function acceptInvitation(page: Page, link: string) {
  await page.goto(link);
  await page.getByRole("button", { name: /^Accept the invitation/ }).click();
  await expect(page).toHaveURL(/\/(projects\/[^/]+|dashboard\?org=.+)$/);
}

/** A procedure's answer for the project open in the page, read over the same API the page uses (the browser's session cookie). */
export async function projectQuery<T>(page: Page, procedure: string): Promise<T> {
  const projectId = new URL(page.url()).pathname.split("/").at(-1)!;
  const input = encodeURIComponent(JSON.stringify({ json: { projectId } }));
  const url = `/api/trpc/${procedure}?input=${input}`;
  // A read, so safe to repeat: a kept-alive socket the server closed as it was reused resets once.
  const response = await page.request.get(url).catch((error: Error) => {
    if (!/ECONNRESET|socket hang up/.test(error.message)) throw error;
    return page.request.get(url);
  });
  expect(response.ok()).toBe(true);
  return (await response.json()).result.data.json;
}
