// Live updates across tabs: two tabs of one user see each other's creates, edits, completions and
// deletions without a reload, and the watching tab gets them without refetching its task list;
// a second user, signed in elsewhere, sees none of it. Renaming or deleting a tag changes its tasks
// in the other tab too, and the history says so.
// Killing the workers mid-session is workers-restart.spec.ts.
import { expect, test, type Page } from "@playwright/test";
import { newAccount, quickAdd, signUp } from "../support/accounts";
import { card, expectLive } from "../support/board";

/** Counts the page's task.list requests from now on. */
function countListFetches(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    if (/\/api\/trpc\/[^?]*task\.list/.test(request.url())) count++;
  });
  return () => count;
}

test("two tabs of one user stay in step; another user sees nothing", async ({ browser }) => {
  const ada = await browser.newContext();
  const bob = await browser.newContext();
  try {
    const tab1 = await ada.newPage();
    await signUp(tab1, newAccount("live-ada"));
    const tab2 = await ada.newPage();
    await tab2.goto("/");
    const other = await bob.newPage();
    await signUp(other, newAccount("live-bob"));
    await Promise.all([expectLive(tab1), expectLive(tab2), expectLive(other)]);
    const tab2ListFetches = countListFetches(tab2);

    await test.step("tasks created in one tab appear in the other", async () => {
      await quickAdd(tab1, "Buy oat milk");
      await expect(card(tab2, "Buy oat milk")).toBeVisible();
      await quickAdd(tab1, "Book the dentist");
      await expect(card(tab2, "Book the dentist")).toBeVisible();
    });

    await test.step("an edit shows up in the other tab", async () => {
      await tab1.getByRole("button", { name: "Edit “Buy oat milk”" }).click();
      const dialog = tab1.getByRole("dialog", { name: "Edit task" });
      await dialog.getByLabel("Title").fill("Buy oat milk and bread");
      await dialog.getByLabel("Priority").selectOption("HIGH");
      await dialog.getByRole("button", { name: "Save" }).click();
      await expect(dialog).toBeHidden();
      await expect(card(tab2, "Buy oat milk and bread")).toContainText("High");
    });

    await test.step("completing moves it off the other tab's open list", async () => {
      await tab1.getByRole("checkbox", { name: "Complete “Buy oat milk and bread”" }).click();
      await expect(card(tab2, "Buy oat milk and bread")).toHaveCount(0);
    });

    await test.step("a deletion disappears from the other tab", async () => {
      await tab1.getByRole("button", { name: "Delete “Book the dentist”" }).click();
      await expect(card(tab2, "Book the dentist")).toHaveCount(0);
      await expect(tab2.getByRole("main").getByRole("listitem")).toHaveCount(0);
    });

    await test.step("the watching tab got all of it from the socket, without refetching its list", async () => {
      expect(tab2ListFetches()).toBe(0);
    });

    await test.step("and the other way round", async () => {
      await quickAdd(tab2, "Water the plants");
      await expect(card(tab1, "Water the plants")).toBeVisible();
    });

    await test.step("the other user saw none of it, live or after a reload", async () => {
      await expect(other.getByRole("main").getByRole("listitem")).toHaveCount(0);
      await other.reload();
      await expectLive(other);
      await expect(other.getByRole("main").getByRole("listitem")).toHaveCount(0);
    });
  } finally {
    await ada.close();
    await bob.close();
  }
});

test("a tag deleted or renamed in one tab changes its task in the other tab; the history says so", async ({ browser }) => {
  const ada = await browser.newContext();
  try {
    const tab1 = await ada.newPage();
    await signUp(tab1, newAccount("live-tags"));
    await quickAdd(tab1, "Water the plants #home #garden", ["home", "garden"]);
    const tab2 = await ada.newPage();
    await tab2.goto("/");
    await Promise.all([expectLive(tab1), expectLive(tab2)]);
    const plants = card(tab2, "Water the plants");
    await expect(plants).toContainText("home");
    const tab2ListFetches = countListFetches(tab2);
    await tab1.getByRole("button", { name: "Manage tags" }).click();
    const tagsPanel = tab1.getByRole("dialog", { name: "Tags" });

    await test.step("a deletion in one tab takes the tag off the task in the other, without a reload", async () => {
      await tagsPanel.getByRole("button", { name: "Delete tag home" }).click();
      await tab1.getByRole("alertdialog", { name: "Delete tag “home”?" }).getByRole("button", { name: "Delete tag" }).click();
      await expect(plants).not.toContainText("home");
      await expect(plants).toContainText("garden");
    });

    await test.step("a rename in one tab shows on the task in the other", async () => {
      const name = tagsPanel.getByLabel("Name of tag garden");
      await name.fill("yard");
      await name.press("Enter");
      await expect(plants).toContainText("yard");
      await expect(plants).not.toContainText("garden");
      expect(tab2ListFetches()).toBe(0);
    });

    await test.step("the task's history shows both tag changes", async () => {
      await tab2.goto("/audit");
      await expect(tab2.getByText("Tags: garden, home → garden")).toBeVisible();
      await expect(tab2.getByText("Tags: garden → yard")).toBeVisible();
    });
  } finally {
    await ada.close();
  }
});
