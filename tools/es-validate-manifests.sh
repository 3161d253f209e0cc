#!/usr/bin/env bash
# Validates Kubeyard's rendered Elasticsearch manifests (the golden files) against the Kubernetes
# JSON schemas of each line, strictly (unknown fields are errors), with the PyPI package
# kubernetes-validate: 1.37.0 ships the schemas of 1.25 and later (1.35 used here); the 1.14 schemas
# come from the 1.22.3 sdist (v1.14.0-local-strict), checked by es-validate-manifests.py.
# A missing schema (an API a line does not serve, e.g. policy/v1beta1 on 1.35) is a failure too.
#   tools/es-validate-manifests.sh         exit 0 when every file passes
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$repo/tools/es-harness/target/k8s-validate"
golden="$repo/installer-engine/src/test/golden/apps/elasticsearch"
venv="$work/.venv"
stamp="$venv/.kubeyard-ready"
if [[ ! -f "$stamp" ]]; then
  if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip' 2>/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
  fi
  rm -rf "$work" && mkdir -p "$work/dl"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check kubernetes-validate==1.37.0
  "$venv/bin/pip" download -q --disable-pip-version-check --no-deps --no-binary :all: -d "$work/dl" \
    kubernetes-validate==1.22.3
  echo "dbc6a8a653bc00d79da8ccc527ae467d48a5bbda96e58aa31941625030a75454  $work/dl/kubernetes-validate-1.22.3.tar.gz" \
    | sha256sum -c --quiet
  tar -xzf "$work/dl/kubernetes-validate-1.22.3.tar.gz" -C "$work" --strip-components=4 \
    kubernetes-validate-1.22.3/src/kubernetes_validate/kubernetes-json-schema/v1.14.0-local-strict
  touch "$stamp"
fi

status=0
for line in 1.14 1.35; do
  mapfile -t files < <(find "$golden/$line" -name '*.yaml' | sort)
  [[ ${#files[@]} -gt 0 ]] || { echo "es-validate: no golden files for $line" >&2; exit 1; }
  "$venv/bin/python" "$repo/tools/es-validate-manifests.py" "$line" "$work/v1.14.0-local-strict" "${files[@]}" \
    | sed "s|$golden/||" || status=1
done
exit $status
