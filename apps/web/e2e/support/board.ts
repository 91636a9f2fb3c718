// What a user looks at on a board, named once for every spec.
import { expect, type Page } from "@playwright/test";

/** A task card on the board, found by its accessible name (the task's title). */
export const card = (page: Page, name: string | RegExp) => page.getByRole("listitem", { name });

/** Waits until the page's live-updates badge says it is connected. */
export const expectLive = (page: Page) => expect(page.getByTestId("realtime-status")).toHaveAttribute("data-state", "live");
