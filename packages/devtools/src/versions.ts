// The pinned versions of every developer tool. Changing one here makes `npm run tools` build or
// fetch it into its own cache folder beside the old one.
//
// Dapr 1.18.1, not 1.18.3: 1.18.2+ need module versions (durabletask-go 0.12.2+, a pulsar client
// fork) that the Go module proxy reachable from our machines refuses; 1.18.1's whole module graph
// resolves but one: see DAPR_BUILD_REPLACES. docs/dapr.md records this.
//
// kubernetes: the API version the offline kubeconform schemas are generated for (from the
// k8s.io/kubernetes module's OpenAPI spec). strimzi: the CRDs the Strimzi manifests are checked
// against; 1.2.0 because Maven Central, where they are generated from, has no 1.0.x or 1.1.x of
// io.strimzi:api (0.51.0 is followed by 1.2.0).
export const VERSIONS = {
  dapr: "1.18.1",
  kafka: "4.1.1",
  log4j: "2.25.3",
  helm: "4.3.2",
  kubeconform: "0.7.0",
  kubernetes: "1.35.4",
  strimzi: "1.2.0",
} as const;

/**
 * Module versions swapped in when building Dapr, because the proxy refuses the ones its go.mod
 * pins. go-etcd-cron (the scheduler's job engine): 1.18.1 pins v0.12.5; v0.12.3 is the nearest
 * served version, a patch release of the same minor line, and passes our Jobs tests.
 */
export const DAPR_BUILD_REPLACES: readonly string[] = ["github.com/diagridio/go-etcd-cron=github.com/diagridio/go-etcd-cron@v0.12.3"];
