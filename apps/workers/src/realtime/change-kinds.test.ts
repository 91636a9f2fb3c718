// The feed's kinds are written by packages/db's queries and read by the socket contract: one list.
import { USER_CHANGE_KINDS } from "@taskboard/db";
import { CHANGE_KINDS } from "@taskboard/realtime";
import { describe, expect, it } from "vitest";

describe("change feed kinds", () => {
  it("are the same in the database queries and the socket contract", () => {
    expect([...USER_CHANGE_KINDS].sort()).toEqual([...CHANGE_KINDS].sort());
  });
});
