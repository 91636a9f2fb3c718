// Two people, each signed up in their own browser context (their own cookies), as two
// members of a shared project are: for the specs where one person's change must reach another.
import type { Browser, Page } from "@playwright/test";
import { newAccount, signUp, type Account } from "./accounts";

export type Person = { page: Page; account: Account };

/**
 * Signs up two fresh accounts, labelled `labels[0]` and `labels[1]`, runs `scenario` with both,
 * and closes both contexts afterwards, whether it passed or not.
 */
export async function withTwoPeople(
  browser: Browser,
  labels: readonly [string, string],
  scenario: (a: Person, b: Person) => Promise<void>,
): Promise<void> {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const people = [
      { page: await contextA.newPage(), account: newAccount(labels[0]) },
      { page: await contextB.newPage(), account: newAccount(labels[1]) },
    ] as const;
    // One after the other: sign-ups are rate-limited per IP, and both come from localhost.
    for (const person of people) await signUp(person.page, person.account);
    await scenario(people[0], people[1]);
  } finally {
    await Promise.all([contextA.close(), contextB.close()]);
  }
}
