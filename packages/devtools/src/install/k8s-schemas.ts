// Offline JSON schemas for kubeconform, generated from the registries we can reach, in the layout
// of ../kubeconform.ts. READY (with the versions it was made from) is written last; locate()
// reports the folder only when READY matches the pinned versions.
//
// Where each set comes from, and why:
// - Kubernetes kinds: api/openapi-spec/swagger.json of the k8s.io/kubernetes Go module (a 19 MB
//   download, once; nothing is built). It is the API server's own spec for exactly the pinned
//   version, and converting it (json-schema.ts) is a page of code, where the prebuilt bundles on
//   PyPI (kubernetes-validate) are someone else's conversion and npm's kubernetes-models ships
//   compiled validators, not JSON schemas.
// - Dapr CRDs (Component, Configuration, Resiliency, Subscription, ...): charts/dapr/crds of the
//   dapr/dapr Go module at the daprd version we run (already in the module cache for that build).
// - Strimzi CRDs (Kafka, KafkaNodePool, KafkaTopic): no registry ships Strimzi's CRD YAML. Maven
//   Central has io.strimzi:api (the annotated model classes) and io.strimzi:crd-generator, which is
//   how Strimzi itself produces its CRDs (the generator call is in the api jar's POM); we run that
//   same generator. Both jars are Java 21 bytecode, hence the Java 21+ prerequisite.
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { toolsEnv } from "../env.ts";
import { crdSchemaFile, kubernetesSchemaDir, kubernetesSchemaFile } from "../kubeconform.ts";
import { k8sSchemasStamp, locate, onPath, toolDirs } from "../locate.ts";
import { VERSIONS } from "../versions.ts";
import { goMissing, goModuleDir } from "./go-install.ts";
import { crdSchemas, kubernetesSchemas, type Schema } from "./json-schema.ts";
import { copyMavenDependencies } from "./maven.ts";
import { elapsedSince, type InstallResult } from "./result.ts";
import { captureOutput, runLogged } from "./run-logged.ts";

const TOOL = "k8s-schemas";

/** The Strimzi kinds our manifests use, by model class (io.strimzi:api). */
const STRIMZI_KINDS = {
  Kafka: "io.strimzi.api.kafka.model.kafka.Kafka",
  KafkaNodePool: "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
  KafkaTopic: "io.strimzi.api.kafka.model.topic.KafkaTopic",
};

export async function installK8sSchemas(): Promise<InstallResult> {
  const found = locate("k8s-schemas");
  if (found) return { tool: TOOL, status: "found", detail: found };
  const java = await findJava(21);
  const missing = [
    ...(onPath("go") ? [] : [goMissing]),
    ...(onPath("mvn") ? [] : ["Maven is not installed: `apt-get install -y maven`"]),
    ...(java ? [] : ["no Java 21+ (the Strimzi CRD generator needs it): `apt-get install -y openjdk-21-jre-headless`, or set JAVA_HOME"]),
  ];
  if (missing.length > 0) return { tool: TOOL, status: "missing", detail: missing.join("; ") };

  const started = Date.now();
  const work = path.join(toolsEnv.cacheDir, "build", "k8s-schemas");
  fs.mkdirSync(work, { recursive: true });
  const logFile = path.join(work, "build.log");
  const staging = path.join(work, "out");
  fs.rmSync(staging, { recursive: true, force: true });
  console.log(`  generating kubeconform schemas (Kubernetes ${VERSIONS.kubernetes}, Dapr ${VERSIONS.dapr}, Strimzi ${VERSIONS.strimzi}); log: ${logFile}`);

  const kubernetesDir = await goModuleDir("k8s.io/kubernetes", VERSIONS.kubernetes, logFile);
  const swagger = JSON.parse(fs.readFileSync(path.join(kubernetesDir, "api", "openapi-spec", "swagger.json"), "utf8")) as { definitions?: Record<string, Schema> };
  let kinds = 0;
  for (const { gvk, schema } of kubernetesSchemas(swagger)) {
    writeJson(path.join(kubernetesSchemaDir(staging), kubernetesSchemaFile(gvk.kind, gvk.group, gvk.version)), schema);
    kinds++;
  }

  const daprDir = await goModuleDir("github.com/dapr/dapr", VERSIONS.dapr, logFile);
  const daprCrds = path.join(daprDir, "charts", "dapr", "crds");
  const crds = [...fs.readdirSync(daprCrds).filter((f) => f.endsWith(".yaml")).map((f) => path.join(daprCrds, f)), ...(await strimziCrds(work, java as string, logFile))];
  let customKinds = 0;
  for (const file of crds) {
    for (const doc of parseAllDocuments(fs.readFileSync(file, "utf8"))) {
      for (const { group, kind, version, schema } of crdSchemas(doc.toJS())) {
        writeJson(crdSchemaFile(staging, group, kind, version), schema);
        customKinds++;
      }
    }
  }

  const target = toolDirs.k8sSchemas();
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(staging, target);
  fs.writeFileSync(path.join(target, "READY"), k8sSchemasStamp());
  return { tool: TOOL, status: "installed", detail: `${target}: ${kinds} Kubernetes and ${customKinds} custom resource schemas`, seconds: elapsedSince(started) };
}

function writeJson(file: string, schema: Schema): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(schema));
}

/** Strimzi's CRD YAML, generated by its own crd-generator from the io.strimzi:api classes. */
async function strimziCrds(work: string, java: string, logFile: string): Promise<string[]> {
  const dir = path.join(work, `strimzi-${VERSIONS.strimzi}`);
  const libs = path.join(dir, "libs");
  await copyMavenDependencies({
    label: "strimzi-crds",
    workDir: dir,
    libsDir: libs,
    artifacts: ["api", "crd-generator"].map((artifact) => ({ group: "io.strimzi", artifact, version: VERSIONS.strimzi })),
    logFile,
  });
  const out = path.join(dir, "crds");
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out);
  const files = Object.keys(STRIMZI_KINDS).map((kind) => path.join(out, `${kind.toLowerCase()}.yaml`));
  // The arguments of the generate-crds execution in io.strimzi:api's POM, for the v1 API only.
  await runLogged({
    label: "Strimzi CrdGenerator",
    command: java,
    args: [
      "-cp",
      path.join(libs, "*"),
      "io.strimzi.crdgenerator.CrdGenerator",
      "--crd-api-version", "v1",
      "--api-versions", "v1",
      "--storage-version", "v1",
      "--yaml",
      ...Object.values(STRIMZI_KINDS).map((cls, i) => `${cls}=${files[i]}`),
    ],
    cwd: dir,
    logFile,
  });
  return files;
}

/** A `java` of at least `major`: JAVA_HOME, PATH, then the JDKs under /usr/lib/jvm. */
export async function findJava(major: number): Promise<string | undefined> {
  const jvmRoot = "/usr/lib/jvm";
  const candidates = [
    toolsEnv.javaHome ? path.join(toolsEnv.javaHome, "bin", "java") : undefined,
    onPath("java"),
    ...(fs.existsSync(jvmRoot) ? fs.readdirSync(jvmRoot).sort().reverse().map((d) => path.join(jvmRoot, d, "bin", "java")) : []),
  ].filter((file): file is string => file !== undefined && fs.existsSync(file));
  for (const java of candidates) {
    const version = /(?:openjdk|java) (\d+)/.exec((await captureOutput(java, ["--version"])) ?? "");
    if (version && Number(version[1]) >= major) return java;
  }
  return undefined;
}
