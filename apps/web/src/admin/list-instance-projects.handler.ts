// admin.projects: every shareable project on the instance, by name (a recorded read).
import { listInstanceProjects, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TInstanceProjects } from "./list-instance-projects.schema";
import { recordedRead } from "./recorded-read";

export async function listProjectsForAdmin({ db, admin }: { db: Db; admin: TSessionUser }): Promise<TInstanceProjects> {
  const projects = await recordedRead(db, { admin, procedure: "admin.projects", filters: {} }, (tx) => listInstanceProjects(tx));
  return {
    projects: projects.map((project) => ({
      ...project,
      archivedAt: project.archivedAt?.toISOString() ?? null,
      deletedAt: project.deletedAt?.toISOString() ?? null,
    })),
  };
}
