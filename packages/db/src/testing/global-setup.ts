// Vitest globalSetup shared by every workspace's integration tests.
import type { TestProject } from "vitest/node";
import { setupTestServer } from "./index.ts";

export default async function setup(project: TestProject) {
  const server = await setupTestServer();
  project.provide("adminDatabaseUrl", server.adminUrl);
  return server.stop;
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
