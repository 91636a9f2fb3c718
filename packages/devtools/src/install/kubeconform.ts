// kubeconform, built from its Go module. It validates `helm template` output and the plain
// manifests under infra/ against the offline schemas of install/k8s-schemas.ts (it never
// downloads: the checks pass only local -schema-location values).
import { toolDirs } from "../locate.ts";
import { VERSIONS } from "../versions.ts";
import { goInstall } from "./go-install.ts";
import type { InstallResult } from "./result.ts";

export function installKubeconform(): Promise<InstallResult> {
  return goInstall({
    tool: "kubeconform",
    packageAtVersion: `github.com/yannh/kubeconform/cmd/kubeconform@v${VERSIONS.kubeconform}`,
    targetDir: toolDirs.kubeconform(),
    versionArgs: ["-v"],
    // Built without release ldflags, kubeconform reports "development"; it must at least run.
    expect: /\S/,
  });
}
