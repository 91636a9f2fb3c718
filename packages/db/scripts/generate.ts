// Runs `prisma generate` without Prisma's native schema engine: generation does not use it, but the
// CLI insists the binary exists, and it cannot be downloaded on machines without internet.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";

const result = spawnSync("prisma", ["generate"], { stdio: "inherit", env, shell: false });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
