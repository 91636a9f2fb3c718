// Jars from Maven Central with their runtime dependencies, fetched by `mvn` from a throwaway POM
// that lists only what we need (Strimzi's CRD generator; kafka.ts writes its POM the same way).
import fs from "node:fs";
import path from "node:path";
import { runLogged } from "./run-logged.ts";

export interface MavenArtifact {
  group: string;
  artifact: string;
  version: string;
}

/**
 * Writes a POM depending on `artifacts` into `workDir` and copies them and their runtime
 * dependencies into `libsDir` (emptied first).
 */
export async function copyMavenDependencies(options: { label: string; workDir: string; libsDir: string; artifacts: MavenArtifact[]; logFile: string }): Promise<void> {
  const dependencies = options.artifacts
    .map((a) => `    <dependency><groupId>${a.group}</groupId><artifactId>${a.artifact}</artifactId><version>${a.version}</version></dependency>`)
    .join("\n");
  fs.mkdirSync(options.workDir, { recursive: true });
  fs.writeFileSync(
    path.join(options.workDir, "pom.xml"),
    `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.taskboard</groupId>
  <artifactId>${options.label}</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
${dependencies}
  </dependencies>
</project>
`,
  );
  fs.rmSync(options.libsDir, { recursive: true, force: true });
  await runLogged({
    label: `mvn dependency:copy-dependencies (${options.label})`,
    command: "mvn",
    args: ["-q", "-B", "dependency:copy-dependencies", `-DoutputDirectory=${options.libsDir}`, "-DincludeScope=runtime"],
    cwd: options.workDir,
    logFile: options.logFile,
  });
}
