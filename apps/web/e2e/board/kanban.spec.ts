// The kanban view of a shared project: sections as columns, a card dragged with the mouse and one
// moved with the keyboard (space, arrow, space; the screen-reader announcement checked), each move
// kept after a reload and seen live by another member in their own browser; a column dragged by
// its grip to another place, likewise.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { quickAdd } from "../support/accounts";
import { call } from "../support/trpc";
import { expectLive } from "../support/board";
import { withTwoPeople } from "../support/people";

const column = (page: Page, name: string) => page.locator(`[data-column="${name}"]`);
const cardIn = (page: Page, columnName: string, title: string) => column(page, columnName).getByRole("listitem", { name: title });

/** Waits for the server's answer to a task.move. */
const moveSaved = (page: Page) => page.waitForResponse((r) => /\/api\/trpc\/[^?]*task\.move/.test(r.url()));

async function dragWithMouse(page: Page, handle: Locator, target: Locator) {
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("drag handle or target not on screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // Past the 4 px activation distance first, then over the target in steps (dnd-kit follows pointermove).
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
}

/**
 * Focus a card's drag handle and lift it with the space bar. dnd-kit measures the columns just
 * after the lift; a person's next key comes later than that, a script's could come before it.
 */
async function lift(page: Page, title: string) {
  await page.getByRole("button", { name: `Drag “${title}”` }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("main").locator('[id^="DndLiveRegion"]')).toHaveText(new RegExp(`Picked up task “${title}”`));
  await page.waitForTimeout(300);
}

async function putInSection(page: Page, title: string, section: string) {
  await page.getByRole("button", { name: `Edit “${title}”` }).click();
  const dialog = page.getByRole("dialog", { name: "Edit task" });
  await dialog.getByLabel("Section").selectOption({ label: section });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(cardIn(page, section, title)).toBeVisible();
}

test("kanban: add sections, drag with the mouse and the keyboard, kept after reload, live for another member", async ({ browser }) => {
  // Two people, two sign-ups (rate-limited) and a dozen steps: more than the default minute.
  test.setTimeout(180_000);
  await withTwoPeople(browser, ["kanban-ada", "kanban-bob"], async ({ page: a }, { page: b, account: bob }) => {

    const project = await call<{ id: string }>(a, "project.create", { name: "Garden" });
    await test.step("B joins the project as an editor", async () => {
      const invitation = await call<{ id: string }>(a, "member.invite", { projectId: project.id, email: bob.email, role: "EDITOR" });
      await call(b, "member.acceptInvitation", { invitationId: invitation.id });
    });

    await test.step("A switches the project to Kanban and adds two sections", async () => {
      await a.goto(`/projects/${project.id}`);
      await a.getByRole("button", { name: "Kanban" }).click();
      await expect(a.getByRole("button", { name: "Kanban" })).toHaveAttribute("aria-pressed", "true");
      await expect(column(a, "No section")).toBeVisible();
      for (const name of ["To do", "Doing"]) {
        await a.getByLabel("New section name").fill(name);
        await a.getByRole("button", { name: "Add section" }).click();
        await expect(column(a, name)).toBeVisible();
      }
      await expect(a.locator("[data-column] h2")).toHaveText([/^No section/, /^To do/, /^Doing/]);
    });

    await test.step("two tasks go into To do through the editor's Section field", async () => {
      await quickAdd(a, "Plant tulips");
      await quickAdd(a, "Mow the lawn");
      await putInSection(a, "Plant tulips", "To do");
      await putInSection(a, "Mow the lawn", "To do");
    });

    await test.step("B opens the project as a board too", async () => {
      await b.goto(`/projects/${project.id}`);
      await expectLive(b);
      await b.getByRole("button", { name: "Kanban" }).click();
      await expect(cardIn(b, "To do", "Plant tulips")).toBeVisible();
    });

    await test.step("A drags “Plant tulips” from To do to Doing with the mouse; B sees it move", async () => {
      const saved = moveSaved(a);
      await dragWithMouse(a, a.getByRole("button", { name: "Drag “Plant tulips”" }), column(a, "Doing"));
      await expect(cardIn(a, "Doing", "Plant tulips")).toBeVisible();
      expect((await saved).ok()).toBe(true);
      await expect(cardIn(b, "Doing", "Plant tulips")).toBeVisible();
      await expect(cardIn(b, "To do", "Plant tulips")).toHaveCount(0);
    });

    await test.step("the move and the Kanban view are kept after a reload", async () => {
      await a.reload();
      await expect(a.getByRole("button", { name: "Kanban" })).toHaveAttribute("aria-pressed", "true");
      await expect(cardIn(a, "Doing", "Plant tulips")).toBeVisible();
      await expect(cardIn(a, "To do", "Mow the lawn")).toBeVisible();
    });

    await test.step("A moves “Mow the lawn” with the keyboard: space, arrow right, space — announced", async () => {
      const saved = moveSaved(a);
      await lift(a, "Mow the lawn");
      const announcer = a.getByRole("main").locator('[id^="DndLiveRegion"]');
      await expect(announcer).toHaveText(/Picked up task “Mow the lawn” in To do, position 1 of 1/);
      await a.keyboard.press("ArrowRight");
      await expect(announcer).toHaveText(/Task “Mow the lawn” is over Doing, position \d of 2/);
      await a.keyboard.press("Space");
      await expect(announcer).toHaveText(/Moved task “Mow the lawn” to Doing, position \d of 2/);
      expect((await saved).ok()).toBe(true);
      await expect(cardIn(a, "Doing", "Mow the lawn")).toBeVisible();
      await expect(cardIn(b, "Doing", "Mow the lawn")).toBeVisible();
      await expect(column(b, "To do").getByRole("listitem")).toHaveCount(0);
    });

    await test.step("escape cancels a keyboard move", async () => {
      await lift(a, "Mow the lawn");
      await a.keyboard.press("ArrowLeft");
      await a.keyboard.press("Escape");
      await expect(a.getByRole("main").locator('[id^="DndLiveRegion"]')).toHaveText(/cancelled/);
      await expect(cardIn(a, "Doing", "Mow the lawn")).toBeVisible();
    });

    await test.step("a move the server refuses goes back, with a message saying why", async () => {
      // As if someone else had changed the task meanwhile: the next task.move answers CONFLICT.
      await a.route(/\/api\/trpc\/[^?]*task\.move/, (route) =>
        route.fulfill({
          status: 409,
          contentType: "application/json",
          body: JSON.stringify([
            { error: { message: "The task was changed by someone else.", code: -32009, data: { code: "CONFLICT", httpStatus: 409 } } },
          ]),
        }),
      );
      await lift(a, "Plant tulips");
      await a.keyboard.press("ArrowLeft");
      await a.keyboard.press("Space");
      await expect(a.getByText(/“Plant tulips” was changed by someone else meanwhile, so it was put back/)).toBeVisible();
      await expect(cardIn(a, "Doing", "Plant tulips")).toBeVisible();
      await expect(cardIn(a, "To do", "Plant tulips")).toHaveCount(0);
      await a.unroute(/\/api\/trpc\/[^?]*task\.move/);
    });

    await test.step("made a viewer, B's board has nothing to drag and no section actions", async () => {
      const { members } = await call<{ members: { userId: string; email: string }[] }>(a, "member.list", { projectId: project.id }, "query");
      const bobId = members.find((m) => m.email === bob.email)?.userId;
      await call(a, "member.changeRole", { projectId: project.id, userId: bobId, role: "VIEWER" });
      await b.reload();
      await expect(cardIn(b, "Doing", "Plant tulips")).toBeVisible();
      await expect(b.getByRole("button", { name: /^Drag “/ })).toHaveCount(0);
      await expect(b.getByRole("button", { name: /^Rename section/ })).toHaveCount(0);
      await expect(b.getByLabel("New section name")).toHaveCount(0);
    });

    await test.step("A drags the Doing column in front of To do by its grip; B sees the new order live; a viewer has no grip", async () => {
      await expect(b.locator("[data-column-grip]")).toHaveCount(0);
      const saved = a.waitForResponse((r) => /\/api\/trpc\/[^?]*section\.update/.test(r.url()));
      await dragWithMouse(a, column(a, "Doing").locator("[data-column-grip]"), column(a, "To do"));
      expect((await saved).ok()).toBe(true);
      await expect(a.locator("[data-column] h2")).toHaveText([/^No section/, /^Doing/, /^To do/]);
      await expect(b.locator("[data-column] h2")).toHaveText([/^No section/, /^Doing/, /^To do/]);
      await expect(cardIn(a, "Doing", "Plant tulips")).toBeVisible();
    });

    await test.step("nothing else failed, and the board is the same after a reload", async () => {
      await expect(a.getByText(/Could not move/)).toHaveCount(0);
      await a.reload();
      await expect(cardIn(a, "Doing", "Mow the lawn")).toBeVisible();
      await expect(cardIn(a, "Doing", "Plant tulips")).toBeVisible();
      await expect(a.locator("[data-column] h2")).toHaveText([/^No section/, /^Doing/, /^To do/]);
    });
  });
});
