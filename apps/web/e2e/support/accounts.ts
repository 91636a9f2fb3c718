// Signing up and in through the real forms, with a fresh account per test so tests never share data.
import { expect, type Page } from "@playwright/test";

export type Account = { name: string; email: string; password: string };

export function newAccount(label: string): Account {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `${label} Tester`, email: `${label}-${id}@example.test`, password: "correct horse battery" };
}

/**
 * better-auth rate-limits sign-up and sign-in per IP (3 per 10 s in production), and every test
 * comes from localhost: when the form says so, wait out the window and submit again.
 */
async function submitUntilAccepted(page: Page, button: string) {
  for (let attempt = 0; ; attempt++) {
    await page.getByRole("button", { name: button }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => url.pathname === "/", { timeout: 15_000 }).then(() => "board" as const, () => "timeout" as const),
      page.getByRole("alert").filter({ hasText: /too many requests/i }).waitFor({ timeout: 15_000 }).then(() => "limited" as const, () => "timeout" as const),
    ]);
    if (outcome !== "limited" || attempt >= 3) break;
    await page.waitForTimeout(10_500);
  }
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel("New task")).toBeVisible();
}

export async function signUp(page: Page, account: Account) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await submitUntilAccepted(page, "Create account");
}

export async function signIn(page: Page, account: Account) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await submitUntilAccepted(page, "Sign in");
}

/** Types a sentence into quick add, checks the preview, saves with Enter and waits for the server. */
export async function quickAdd(page: Page, text: string, expectInPreview: (string | RegExp)[] = []) {
  const box = page.getByLabel("New task");
  await box.fill(text);
  const preview = page.getByLabel("What will be saved");
  for (const part of expectInPreview) await expect(preview).toContainText(part);
  // Wait for the server's answer, not only for "Saving…" to be gone: the optimistic card appears
  // a moment after Enter, so the next quick add could otherwise be sent while this one is still
  // in flight (and the two would race, e.g. for the next board position).
  const saved = page.waitForResponse((response) => /\/api\/trpc\/[^?]*task\.create/.test(response.url()));
  await box.press("Enter");
  expect((await saved).ok()).toBe(true);
  await expect(box).toHaveValue("");
  // The optimistic card shows "Saving…" until the server's task replaces it.
  await expect(page.getByText("Saving…")).toHaveCount(0);
}

export async function shot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `/tmp/taskboard-${name}.png`, fullPage: true });
}
