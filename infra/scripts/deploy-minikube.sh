#!/usr/bin/env bash
# npm run deploy:minikube — the whole stack on a local Minikube: cluster, Dapr, Strimzi Kafka (or
# Redis Streams), app images, the Helm chart; waits until everything is ready and prints the URL.
# Re-running it upgrades in place (new images, chart changes); it never deletes data.
#
# Environment (all optional):
#   MINIKUBE_PROFILE=taskboard  MINIKUBE_MEMORY=7g  MINIKUBE_CPUS=4  MINIKUBE_DRIVER=<minikube default>
#   TASKBOARD_NAMESPACE=taskboard  TASKBOARD_RELEASE=taskboard  TASKBOARD_HOST=taskboard.local
#   TASKBOARD_PUBSUB=kafka|redis   DAPR_RUNTIME_VERSION=<dapr CLI default>  STRIMZI_VERSION=1.1.0
#   IMAGE_TAG=<git short sha + time>  HELM_EXTRA_ARGS="--set workers.replicaCount=3"
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_tools minikube helm kubectl dapr git od
case "$PUBSUB" in kafka | redis) ;; *) die "TASKBOARD_PUBSUB must be kafka or redis, not '$PUBSUB'" ;; esac

MEMORY="${MINIKUBE_MEMORY:-7g}"
CPUS="${MINIKUBE_CPUS:-4}"
STRIMZI_VERSION="${STRIMZI_VERSION:-1.1.0}"
IMAGE_TAG="${IMAGE_TAG:-dev-$(git -C "$ROOT_DIR" rev-parse --short HEAD)-$(date +%s)}"
FULLNAME="$(chart_fullname)"

log "Minikube profile '$PROFILE' (memory $MEMORY, $CPUS CPUs)"
if minikube -p "$PROFILE" status >/dev/null 2>&1; then
  echo "reusing the running cluster (its memory was fixed when it was created; Kafka + Dapr need 6-8 GiB)"
else
  start_args=(start -p "$PROFILE" --memory "$MEMORY" --cpus "$CPUS")
  if [ -n "${MINIKUBE_DRIVER:-}" ]; then start_args+=(--driver "$MINIKUBE_DRIVER"); fi
  minikube "${start_args[@]}"
fi
minikube -p "$PROFILE" addons enable ingress >/dev/null
kc get nodes >/dev/null || die "kubectl cannot reach the Minikube cluster (context '$PROFILE')"

log "Dapr control plane"
if kc get deploy dapr-operator -n dapr-system >/dev/null 2>&1; then
  echo "already installed"
else
  # Dev sizing (PITFALLS 16): the Scheduler keeps jobs in memory instead of 3 pods with a 16Gi
  # volume each. Scheduled reminders are lost when a scheduler pod restarts.
  dapr_args=(init -k --wait --timeout 600 --set dapr_scheduler.cluster.inMemoryStorage=true)
  if [ -n "${DAPR_RUNTIME_VERSION:-}" ]; then dapr_args+=(--runtime-version "$DAPR_RUNTIME_VERSION"); fi
  kubectl config use-context "$PROFILE" >/dev/null
  dapr "${dapr_args[@]}"
fi
dapr_image="$(kc get deploy dapr-operator -n dapr-system -o jsonpath='{.spec.template.spec.containers[0].image}')"
dapr_version="${dapr_image##*:}"
dapr_minor="$(printf '%s' "$dapr_version" | cut -d. -f2)"
if [ -n "$dapr_minor" ] && [ "$dapr_minor" -ge 18 ] 2>/dev/null; then jobs_prefix="v1.0"; else jobs_prefix="v1.0-alpha1"; fi
echo "Dapr runtime $dapr_version: Jobs API at /$jobs_prefix/jobs"

if [ "$PUBSUB" = kafka ]; then
  log "Strimzi $STRIMZI_VERSION and Kafka (KRaft, one node)"
  helm --kube-context "$PROFILE" upgrade --install strimzi oci://quay.io/strimzi-helm/strimzi-kafka-operator \
    --version "$STRIMZI_VERSION" --namespace "$KAFKA_NAMESPACE" --create-namespace --wait --timeout 10m
  kc apply -f "$ROOT_DIR/infra/strimzi/kafka-nodepool.yaml" -f "$ROOT_DIR/infra/strimzi/kafka.yaml"
  echo "waiting for Kafka to be ready (first start pulls images: several minutes)"
  kc wait kafka/taskboard-kafka -n "$KAFKA_NAMESPACE" --for=condition=Ready --timeout=900s \
    || die "Kafka is not ready: kubectl -n $KAFKA_NAMESPACE get pods; kubectl -n $KAFKA_NAMESPACE describe kafka taskboard-kafka"
  kc apply -f "$ROOT_DIR/infra/strimzi/topics.yaml"
  kc wait kafkatopic --all -n "$KAFKA_NAMESPACE" --for=condition=Ready --timeout=300s
else
  log "Redis (Redis Streams pub/sub)"
  kc create namespace "$REDIS_NAMESPACE" --dry-run=client -o yaml | kc apply -f -
  kc create namespace "$NAMESPACE" --dry-run=client -o yaml | kc apply -f -
  if ! kc get secret taskboard-redis -n "$REDIS_NAMESPACE" >/dev/null 2>&1; then
    redis_password="$(random_secret)"
    kc create secret generic taskboard-redis -n "$REDIS_NAMESPACE" --from-literal=redis-password="$redis_password"
  fi
  redis_password="$(kc get secret taskboard-redis -n "$REDIS_NAMESPACE" -o jsonpath='{.data.redis-password}' | base64 -d)"
  # The Dapr component reads the password from a Secret in the app's namespace.
  kc create secret generic taskboard-redis -n "$NAMESPACE" --from-literal=redis-password="$redis_password" \
    --dry-run=client -o yaml | kc apply -f -
  kc apply -f "$ROOT_DIR/infra/redis/redis.yaml"
  kc rollout status deploy/taskboard-redis -n "$REDIS_NAMESPACE" --timeout=300s
fi

log "Images taskboard-web:$IMAGE_TAG and taskboard-workers:$IMAGE_TAG (built inside Minikube)"
(cd "$ROOT_DIR" && minikube -p "$PROFILE" image build -t "taskboard-web:$IMAGE_TAG" -f apps/web/Dockerfile .)
(cd "$ROOT_DIR" && minikube -p "$PROFILE" image build -t "taskboard-workers:$IMAGE_TAG" -f apps/workers/Dockerfile .)

log "Namespace '$NAMESPACE' and Secret '$APP_SECRET'"
kc create namespace "$NAMESPACE" --dry-run=client -o yaml | kc apply -f -
if kc get secret "$APP_SECRET" -n "$NAMESPACE" >/dev/null 2>&1; then
  echo "keeping the existing Secret (database password and session secrets)"
  if [ -z "$(kc get secret "$APP_SECRET" -n "$NAMESPACE" -o jsonpath='{.data.realtime-token-secret}')" ]; then
    kc patch secret "$APP_SECRET" -n "$NAMESPACE" --type merge \
      -p "{\"stringData\":{\"realtime-token-secret\":\"$(random_secret)\"}}"
  fi
else
  pg_password="$(random_secret)"
  kc create secret generic "$APP_SECRET" -n "$NAMESPACE" \
    --from-literal=postgres-password="$pg_password" \
    --from-literal=database-url="postgresql://taskboard:${pg_password}@${FULLNAME}-postgresql:5432/taskboard" \
    --from-literal=better-auth-secret="$(random_secret)" \
    --from-literal=realtime-token-secret="$(random_secret)"
fi

log "Helm release '$RELEASE'"
helm_args=(upgrade --install "$RELEASE" "$ROOT_DIR/infra/helm/taskboard"
  --kube-context "$PROFILE" --namespace "$NAMESPACE"
  --set existingSecret="$APP_SECRET"
  --set image.tag="$IMAGE_TAG"
  --set publicUrl="http://$HOST_NAME"
  --set ingress.host="$HOST_NAME"
  --set dapr.pubsub.kind="$PUBSUB"
  --set dapr.jobsApiPrefix="$jobs_prefix"
  --wait --timeout 15m)
if [ "$PUBSUB" = redis ]; then
  # Per-user order on Redis Streams needs a single consumer (PITFALLS 8).
  helm_args+=(--set workers.replicaCount=1 --set workers.pdb.enabled=false)
fi
if [ -n "${HELM_EXTRA_ARGS:-}" ]; then
  read -r -a extra <<<"$HELM_EXTRA_ARGS"
  helm_args+=("${extra[@]}")
fi
helm "${helm_args[@]}"

log "Waiting for web and workers"
kc rollout status "deploy/${FULLNAME}-web" -n "$NAMESPACE" --timeout=300s
kc rollout status "deploy/${FULLNAME}-workers" -n "$NAMESPACE" --timeout=300s
kc get pods -n "$NAMESPACE"

ip="$(minikube -p "$PROFILE" ip)"
cat <<MSG

Taskboard is up: http://$HOST_NAME
  Point the host name at the cluster once:  echo "$ip $HOST_NAME" | sudo tee -a /etc/hosts
  (Docker driver on macOS/Windows: run 'minikube -p $PROFILE tunnel' and use 127.0.0.1 instead.)
  Check it end to end:                      npm run validate:minikube
MSG
