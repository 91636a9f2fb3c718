// The PostgreSQL server the Vitest globalSetup (packages/db) started for this test run.
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export function adminDatabaseUrl(): string {
  return inject("adminDatabaseUrl");
}
