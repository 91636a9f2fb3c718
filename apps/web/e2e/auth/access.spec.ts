// Who gets in: signed-out visitors are sent to sign in; bad credentials get a clear message.
import { expect, test } from "@playwright/test";
import { newAccount, signUp } from "../support/accounts";

test("an unauthenticated visit to the board redirects to sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
});

test("a wrong password shows an error and stays on sign in", async ({ page, browser }) => {
  const account = newAccount("wrongpw");
  const other = await browser.newPage();
  await signUp(other, account);
  await other.close();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});
