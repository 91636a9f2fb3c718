// The only place the developer tools read the environment.
import os from "node:os";
import path from "node:path";

export const toolsEnv = {
  /** Where pinned tools are built and kept, outside any checkout so every clone shares them. */
  cacheDir: process.env.TASKBOARD_TOOLS_DIR ?? path.join(os.homedir(), ".cache", "taskboard-tools"),
  home: os.homedir(),
  /** A JDK chosen by the developer; the Strimzi CRD generator needs Java 21+. */
  javaHome: process.env.JAVA_HOME,
  path: process.env.PATH ?? "",
  /** A plain copy for child processes (go, mvn, java, daprd) that need the caller's environment. */
  childEnv: (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...process.env, ...extra }),
};
