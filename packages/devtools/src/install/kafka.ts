// A single-node Kafka broker from its Maven Central jars (kafka_2.13 and its dependencies), plus
// a log4j2 binding that Kafka's POM leaves out. Run with `java`; see run/kafka.ts.
import fs from "node:fs";
import path from "node:path";
import { toolsEnv } from "../env.ts";
import { locate, onPath, toolDirs } from "../locate.ts";
import { VERSIONS } from "../versions.ts";
import { elapsedSince, type InstallResult } from "./result.ts";
import { runLogged } from "./run-logged.ts";

const dependency = (group: string, artifact: string, version: string) =>
  `    <dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${version}</version></dependency>`;

// Kafka 4.1's POM brings slf4j-api 1.7, so the binding is log4j-slf4j-impl (not the slf4j2 one).
const pom = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.taskboard</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
${dependency("org.apache.kafka", "kafka_2.13", VERSIONS.kafka)}
${dependency("org.apache.logging.log4j", "log4j-core", VERSIONS.log4j)}
${dependency("org.apache.logging.log4j", "log4j-slf4j-impl", VERSIONS.log4j)}
  </dependencies>
</project>
`;

export async function installKafka(): Promise<InstallResult> {
  const found = locate("kafka");
  if (found) return { tool: "kafka", status: "found", detail: found };
  const missing = ["java", "mvn"].filter((name) => !onPath(name));
  if (missing.length > 0) {
    return { tool: "kafka", status: "missing", detail: `${missing.join(" and ")} not installed: \`apt-get install -y openjdk-17-jre-headless maven\`` };
  }
  const started = Date.now();
  const work = path.join(toolsEnv.cacheDir, "build", `kafka-${VERSIONS.kafka}`);
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, "pom.xml"), pom);
  const staging = path.join(work, "libs");
  fs.rmSync(staging, { recursive: true, force: true });
  await runLogged({
    label: "mvn dependency:copy-dependencies",
    command: "mvn",
    args: ["-q", "-B", "dependency:copy-dependencies", `-DoutputDirectory=${staging}`, "-DincludeScope=runtime"],
    cwd: work,
    logFile: path.join(work, "mvn.log"),
  });
  const target = toolDirs.kafka();
  fs.mkdirSync(target, { recursive: true });
  fs.rmSync(path.join(target, "libs"), { recursive: true, force: true });
  fs.renameSync(staging, path.join(target, "libs"));
  return { tool: "kafka", status: "installed", detail: target, seconds: elapsedSince(started) };
}
