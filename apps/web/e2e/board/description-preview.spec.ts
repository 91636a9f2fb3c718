// The description's Preview shows its Markdown (checklists, links that open a new tab), and
// HTML typed into it only as text.
import { expect, test } from "@playwright/test";
import { newAccount, quickAdd, shot, signUp } from "../support/accounts";

test("the description preview renders Markdown and shows HTML as text", async ({ page }) => {
  await signUp(page, newAccount("markdown"));
  await quickAdd(page, "plan the trip");

  await page.getByRole("button", { name: "Edit “plan the trip”" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit task" });
  await dialog.getByLabel("Description", { exact: true }).fill(
    ["## Packing", "- [x] passport", "- [ ] **tickets**", "", "See [the map](https://example.com/map).", "", '<img src="x" onerror="document.title=\'pwned\'">'].join("\n"),
  );
  await dialog.getByRole("button", { name: "Preview" }).click();

  const preview = dialog.getByLabel("Description preview");
  await expect(preview.getByRole("heading", { name: "Packing" })).toBeVisible();
  await expect(preview.getByRole("checkbox")).toHaveCount(2);
  await expect(preview.getByRole("checkbox").first()).toBeChecked();
  await expect(preview.getByRole("checkbox").last()).not.toBeChecked();
  await expect(preview.locator("strong")).toHaveText("tickets");
  const link = preview.getByRole("link", { name: "the map" });
  await expect(link).toHaveAttribute("href", "https://example.com/map");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", /noopener/);
  await expect(preview).toContainText('<img src="x"');
  await expect(preview.locator("img")).toHaveCount(0);
  await expect(page).not.toHaveTitle("pwned");
  await shot(page, "description-preview");
});
