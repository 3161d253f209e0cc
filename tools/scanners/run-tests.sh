#!/usr/bin/env bash
# Third-party scanners over every manifest Kubeyard renders, on both Kubernetes lines:
# checkov (PyPI, offline: --skip-download) over the golden files, which the Java build proves are what
# the renderer writes today. Every finding must be answered in docs/security/scanner-findings.yaml.
#   tools/scanners/run-tests.sh [pytest args...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

python="${PYTHON:-python3}"
stamp=".venv/.requirements.sha256"
want="$(sha256sum requirements.txt | cut -d' ' -f1)"
if [[ ! -x .venv/bin/python || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  rm -rf .venv
  "$python" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
  echo "$want" >"$stamp"
fi
# the JUnit XML is read by scripts/skip-gate (CI fails on a skip that is not allowed)
mkdir -p target
export CHECKOV="$here/.venv/bin/checkov"
.venv/bin/python -m pytest -p no:cacheprovider --junitxml=target/pytest-junit.xml "$@"
