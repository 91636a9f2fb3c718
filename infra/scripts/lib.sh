# Shared by deploy-minikube.sh and validate-minikube.sh (sourced, not run).
# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables are used by the scripts that source this file

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NAMESPACE="${TASKBOARD_NAMESPACE:-taskboard}"
RELEASE="${TASKBOARD_RELEASE:-taskboard}"
PUBSUB="${TASKBOARD_PUBSUB:-kafka}"
PROFILE="${MINIKUBE_PROFILE:-taskboard}"
HOST_NAME="${TASKBOARD_HOST:-taskboard.local}"
APP_SECRET="${TASKBOARD_SECRET:-taskboard-secrets}"
KAFKA_NAMESPACE=kafka
REDIS_NAMESPACE=redis

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Stops with the name of every missing tool and where to get it.
require_tools() {
  local missing=() tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    printf 'error: missing tool(s): %s\n' "${missing[*]}" >&2
    for tool in "${missing[@]}"; do
      case "$tool" in
        minikube) echo "  minikube: https://minikube.sigs.k8s.io/docs/start/" >&2 ;;
        helm) echo "  helm (v3.14+): https://helm.sh/docs/intro/install/" >&2 ;;
        kubectl) echo "  kubectl: https://kubernetes.io/docs/tasks/tools/" >&2 ;;
        dapr) echo "  dapr CLI: https://docs.dapr.io/getting-started/install-dapr-cli/" >&2 ;;
        *) echo "  $tool: install it with your package manager" >&2 ;;
      esac
    done
    exit 1
  fi
}

# Resource names the chart derives from the release (taskboard.fullname).
chart_fullname() {
  case "$RELEASE" in
    *taskboard*) printf '%s' "$RELEASE" ;;
    *) printf '%s-taskboard' "$RELEASE" ;;
  esac
}

kc() { kubectl --context "$PROFILE" "$@"; }

# 48 hex characters from the kernel's random source.
random_secret() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
