import { describe, expect, it } from "vitest";
import { makeTask } from "../testing/task-fixture";
import { draftFromCreateInput, draftFromTask, fieldsFromDraft, patchFromDraft } from "./editor-draft";
import { writableProjects } from "./placement-fields";

const SECTION = "10000000-0000-4000-8000-000000000001";
const OTHER_PROJECT = "20000000-0000-4000-8000-000000000001";
const task = makeTask({ sectionId: SECTION, assigneeId: "user-b" });
const draftOf = (t = task) => draftFromTask({ ...t, tagIds: [] }, "UTC");

describe("placement in the editor", () => {
  it("loads the task's project, section and assignee into the form", () => {
    const draft = draftOf();
    expect([draft.projectId, draft.sectionId, draft.assigneeId]).toEqual([task.projectId, SECTION, "user-b"]);
  });

  it("saves only what changed: a new section and nobody assigned", () => {
    const patch = patchFromDraft(task, fieldsFromDraft({ ...draftOf(), sectionId: "", assigneeId: "" }));
    expect(patch).toEqual({ sectionId: null, assigneeId: null });
  });

  it("moves the task to another project without touching the other fields", () => {
    const patch = patchFromDraft(task, fieldsFromDraft({ ...draftOf(), projectId: OTHER_PROJECT, sectionId: "" }));
    expect(patch).toEqual({ projectId: OTHER_PROJECT, sectionId: null });
  });

  it("sends no project for a new task with none chosen (it goes to the Inbox)", () => {
    const fields = fieldsFromDraft(draftFromCreateInput({ title: "New" }, [], "UTC"));
    expect(fields).not.toHaveProperty("projectId");
    expect(fields).toMatchObject({ sectionId: null, assigneeId: null });
  });

  it("offers the projects the user may write to, and the task's own", () => {
    const p = (id: string, role: string, archivedAt: string | null = null) => ({ id, name: id, isInbox: false, role, archivedAt, deletedAt: null });
    const projects = [p("own", "VIEWER"), p("edit", "EDITOR"), p("view", "VIEWER"), p("old", "OWNER", "2026-01-01T00:00:00.000Z")];
    expect(writableProjects(projects, "own").map((x) => x.id)).toEqual(["own", "edit"]);
  });
});
