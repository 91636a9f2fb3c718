// The next occurrence of a recurring task in a shared project, on the real embedded bus and
// relay: it stays in the project and section and keeps its assignee; an assignee who left the
// project is not kept, and a section deleted meanwhile becomes "No section".
import { randomUUID } from "node:crypto";
import { waitFor } from "@taskboard/events/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTask, must, openHarness, transitionTask, type Harness } from "../testing/consumer-harness.ts";
import { join, leave, person, sharedProject, type Person } from "../testing/shared-project.ts";
import { recurrenceConsumer } from "./recurrence.consumer.ts";

let harness: Harness;
let ada: Person;
let bo: Person;
beforeAll(async () => {
  harness = await openHarness();
  await harness.start([recurrenceConsumer]);
  [ada, bo] = [await person(harness.db, "Ada"), await person(harness.db, "Bo")];
});
afterAll(() => harness.stop());

const daily = { rrule: "FREQ=DAILY", dueAt: new Date("2026-05-04T07:00:00Z") };

async function section(projectId: string, name: string): Promise<string> {
  const id = randomUUID();
  await harness.db.section.create({ data: { id, projectId, name } });
  return id;
}

async function nextOf(seriesId: string | null) {
  await waitFor("the next occurrence", async () => (await harness.db.task.count({ where: { seriesId: must(seriesId, "a series") } })) === 2);
  const tasks = await harness.db.task.findMany({ where: { seriesId: must(seriesId, "a series") }, orderBy: { createdAt: "asc" } });
  return must(tasks[1], "the next occurrence");
}

describe("recurrence in a shared project", () => {
  it("keeps the project, the section and the assignee", async () => {
    const project = await sharedProject(harness.db, ada);
    await join(harness.db, project, bo);
    const doing = await section(project.id, "Doing");
    const task = await createTask(harness.db, ada.id, { title: "Water plants", ...daily, projectId: project.id, sectionId: doing, assigneeId: bo.id });
    await transitionTask(harness.db, task, "complete");
    expect(await nextOf(task.seriesId)).toMatchObject({ projectId: project.id, sectionId: doing, assigneeId: bo.id, userId: ada.id });
  });

  it("drops an assignee who left the project and a section deleted meanwhile", async () => {
    const project = await sharedProject(harness.db, ada);
    const member = await join(harness.db, project, bo);
    const gone = await section(project.id, "Old");
    const task = await createTask(harness.db, ada.id, { title: "Sweep", ...daily, projectId: project.id, sectionId: gone, assigneeId: bo.id });
    await leave(harness.db, member);
    await harness.db.section.update({ where: { id: gone }, data: { deletedAt: new Date() } });
    await transitionTask(harness.db, task, "complete");
    expect(await nextOf(task.seriesId)).toMatchObject({ projectId: project.id, sectionId: null, assigneeId: null });
  });
});
