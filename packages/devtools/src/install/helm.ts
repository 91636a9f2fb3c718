// Helm 4, built from its Go module (no replace directives, so plain `go install` works). The
// chart checks in infra/checks run `helm lint` and `helm template` with it; `renderDaprResources`
// renders the chart's Dapr resources for a self-hosted daprd.
import { toolDirs } from "../locate.ts";
import { VERSIONS } from "../versions.ts";
import { goInstall } from "./go-install.ts";
import type { InstallResult } from "./result.ts";

export function installHelm(): Promise<InstallResult> {
  return goInstall({
    tool: "helm",
    packageAtVersion: `helm.sh/helm/v4/cmd/helm@v${VERSIONS.helm}`,
    targetDir: toolDirs.helm(),
    versionArgs: ["version"],
    expect: /v4\./,
  });
}
