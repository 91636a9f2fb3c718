// `npm run migrate -w @taskboard/db`: what the Kubernetes migration job runs.
import { migrate } from "./migrate.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: it must point at the PostgreSQL database to migrate.");
  process.exit(2);
}
const result = await migrate(url);
console.log(JSON.stringify({ msg: "migrations applied", ...result }));
