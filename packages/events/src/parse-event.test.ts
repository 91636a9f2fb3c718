import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createEvent } from "./create-event.ts";
import { sampleTask } from "./contract/sample-events.ts";
import { parseEvent } from "./parse-event.ts";
import { taskCreated } from "./task-events/task-created.ts";

function wireEvent(): Record<string, unknown> {
  const task = sampleTask("user-1", { title: "Pay rent", tags: [{ id: randomUUID(), name: "home" }] });
  const event = createEvent(taskCreated, { data: { task }, subject: task.id, partitionKey: task.userId, source: "/taskboard/web" });
  return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
}

function reasonFor(raw: unknown): string {
  const result = parseEvent(raw);
  expect(result.ok).toBe(false);
  return result.ok ? "" : result.error.message;
}

describe("parseEvent", () => {
  it("accepts a valid event from the wire and types its data", () => {
    const raw = wireEvent();
    const result = parseEvent(raw);
    expect(result.ok).toBe(true);
    if (result.ok && result.event.type === "task.created") {
      expect(result.event.data.task.title).toBe("Pay rent");
    }
  });

  it("rejects an unknown type", () => {
    expect(reasonFor({ ...wireEvent(), type: "task.exploded" })).toMatch(/unknown event type "task\.exploded"/);
  });

  it("rejects a dataversion it does not know", () => {
    expect(reasonFor({ ...wireEvent(), dataversion: 99 })).toMatch(/unsupported dataversion 99 \(expected 1\)/);
  });

  it.each([
    ["no specversion", { specversion: undefined }, /specversion/],
    ["CloudEvents 0.3", { specversion: "0.3" }, /specversion/],
    ["no id", { id: "" }, /id/],
    ["no subject", { subject: undefined }, /subject/],
    ["a time without offset", { time: "2026-03-27 10:00" }, /time/],
    ["no partitionkey", { partitionkey: undefined }, /partitionkey/],
    ["no correlationid", { correlationid: undefined }, /correlationid/],
    ["a non-JSON content type", { datacontenttype: "text/plain" }, /datacontenttype/],
  ])("rejects a malformed envelope: %s", (_what, change, reason) => {
    expect(reasonFor({ ...wireEvent(), ...change })).toMatch(reason);
  });

  it("rejects data that does not match the type's schema, naming the field", () => {
    const raw = wireEvent();
    const data = raw.data as { task: Record<string, unknown> };
    expect(reasonFor({ ...raw, data: { task: { ...data.task, id: "not-a-uuid" } } })).toMatch(/task\.id/);
    expect(reasonFor({ ...raw, data: { task: { ...data.task, tags: [{ id: randomUUID() }] } } })).toMatch(/task\.tags/);
  });

  it.each([null, undefined, 42, "task.created", [], {}])("rejects %j without throwing", (raw) => {
    expect(parseEvent(raw).ok).toBe(false);
  });
});
