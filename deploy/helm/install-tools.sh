#!/usr/bin/env bash
# Builds the chart's check tools with `go install` into deploy/local/.cache/bin (git
# ignores it): Helm renders the chart, kubeconform validates what it renders
# (tests/deploy/test_helm_chart.py). Idempotent and quiet when both are there; `make
# setup` runs it. Needs Go 1.26 or newer on PATH; the first build takes some minutes.
set -euo pipefail

HELM_VERSION=v4.3.2
KUBECONFORM_VERSION=v0.8.0

bin="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../local" && pwd)/.cache/bin"
mkdir -p "$bin"

build() {  # build <name> <module>@<version> unless that version is there already
  local name="$1" module="$2" version="$3" stamp="$bin/.$1.version"
  if [[ -x "$bin/$name" && "$(cat "$stamp" 2>/dev/null)" == "$version" ]]; then
    return 0
  fi
  if ! command -v go >/dev/null; then
    echo "install-tools.sh: Go is missing; it builds $name ($module@$version)" >&2
    exit 1
  fi
  echo "install-tools.sh: go install $module@$version"
  GOBIN="$bin" GOFLAGS=-buildvcs=false go install "$module@$version"
  echo "$version" >"$stamp"
}

build helm helm.sh/helm/v4/cmd/helm "$HELM_VERSION"
build kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"
