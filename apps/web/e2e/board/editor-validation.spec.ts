// The editor shows the server's validation message next to the field it is about.
import { expect, test } from "@playwright/test";
import { newAccount, quickAdd, shot, signUp } from "../support/accounts";

test("an empty title in the editor shows a message next to the title and saves nothing", async ({ page }) => {
  await signUp(page, newAccount("validation"));
  await quickAdd(page, "buy milk tomorrow #errands");

  await page.getByRole("button", { name: "Edit “buy milk”" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit task" });
  await dialog.getByLabel("Title").fill("");
  await dialog.getByRole("button", { name: "Save" }).click();

  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("alert").first()).toContainText(/title/i);
  await shot(page, "editor-validation");

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("listitem", { name: "buy milk" })).toBeVisible();
});
