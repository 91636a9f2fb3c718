// Signing up and in through the real forms, with a fresh account per test so tests never share data.
import { expect, type Page } from "@playwright/test";

export type Account = { name: string; email: string; password: string };

export function newAccount(label: string): Account {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `${label} Tester`, email: `${label}-${id}@example.test`, password: "correct horse battery" };
}

export async function signUp(page: Page, account: Account) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel("New task")).toBeVisible();
}

export async function signIn(page: Page, account: Account) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel("New task")).toBeVisible();
}

/** Types a sentence into quick add, checks the preview, saves with Enter and waits for the server. */
export async function quickAdd(page: Page, text: string, expectInPreview: (string | RegExp)[] = []) {
  const box = page.getByLabel("New task");
  await box.fill(text);
  const preview = page.getByLabel("What will be saved");
  for (const part of expectInPreview) await expect(preview).toContainText(part);
  await box.press("Enter");
  await expect(box).toHaveValue("");
  // The optimistic card shows "Saving…" until the server's task replaces it.
  await expect(page.getByText("Saving…")).toHaveCount(0);
}

export async function shot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `/tmp/taskboard-${name}.png`, fullPage: true });
}
