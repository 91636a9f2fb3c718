// `npm run infra:dapr -w @taskboard/infra`: rewrites infra/dapr from the Helm chart (see
// dapr-files.ts). Needs the pinned Helm (`npm run tools`).
import fs from "node:fs";
import path from "node:path";
import { DAPR_DIR, renderedDaprFiles } from "./dapr-files.ts";

const files = await renderedDaprFiles();
for (const old of fs.readdirSync(DAPR_DIR, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"))) {
  if (!files.has(old)) fs.rmSync(path.join(DAPR_DIR, old));
}
for (const [file, text] of files) {
  fs.mkdirSync(path.dirname(path.join(DAPR_DIR, file)), { recursive: true });
  fs.writeFileSync(path.join(DAPR_DIR, file), text);
  console.log(`infra/dapr/${file}`);
}
