import { defineConfig } from "prisma/config";

// Only `prisma generate` runs here; migrations are the plain SQL in prisma/migrations applied by
// src/migrate.ts, because Prisma's schema engine cannot be downloaded on every machine we use.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
