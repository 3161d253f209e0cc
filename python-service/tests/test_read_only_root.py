"""The service runs with a read-only root filesystem and a writable /tmp only, as the Deployment
runs it (readOnlyRootFilesystem + an emptyDir on /tmp). Played here with a private mount
namespace: / remounted read-only (this namespace only) and a tmpfs on /tmp."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app.core.auth import hash_line, new_token
from tests.support.es_node import EsNode, free_port

SERVICE = Path(__file__).resolve().parents[1]


def _can_make_a_read_only_namespace() -> str | None:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return "needs root and unshare(1) to make a private read-only mount namespace"
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
                            "mount -o remount,bind,ro / && ! touch /.ro-probe 2>/dev/null"],
                           capture_output=True, timeout=10)
    return None if probe.returncode == 0 else f"cannot remount / read-only here: {probe.stderr.decode()[:200]}"


@pytest.mark.skipif(bool(reason := _can_make_a_read_only_namespace()), reason=reason or "")
def test_the_service_serves_with_a_read_only_root_and_only_tmp_writable(es_node: EsNode) -> None:
    port, internal_port = free_port(), free_port()
    token = new_token()
    keep = ""
    if SERVICE.is_relative_to("/tmp"):
        # a checkout under /tmp would vanish under the new tmpfs: keep the old /tmp on /mnt (this namespace
        # only) and bind the service folder back, read-only like the rest of the root
        keep = (f"mkdir -p {SERVICE} && mount --bind /mnt/{SERVICE.relative_to('/tmp')} {SERVICE} && "
                f"mount -o remount,bind,ro {SERVICE} && ")
    script = ("mount -o remount,bind,ro / && " + ("mount --bind /tmp /mnt && " if keep else "")
              + "mount -t tmpfs -o size=64m,mode=1777 tmpfs /tmp && " + keep
              + f"cd {SERVICE} && exec {sys.executable} -m uvicorn --factory app.main:create_app "
              f"--host 127.0.0.1 --port {port}")
    env = {"PATH": os.environ["PATH"], "PYTHONDONTWRITEBYTECODE": "1", "HOME": "/tmp", "ENVIRONMENT": "test",
           "ELASTICSEARCH_URL": es_node.url, "ELASTICSEARCH_INDEX_REPLICAS": "0",
           "ELASTICSEARCH_INDEX_PREFIX": "readonly", "READINESS_REQUIRED": "elasticsearch",
           "INTERNAL_PORT": str(internal_port), "INTERNAL_HOST": "127.0.0.1",
           "API_TOKEN_HASHES": hash_line("ops", "read,write", token)}
    proc = subprocess.Popen(["unshare", "--mount", "--propagation", "private", "--", "sh", "-c", script],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "the service did not start"
            time.sleep(0.3)
        assert httpx.get(f"{base}/readyz", timeout=5).status_code == 200
        auth = {"Authorization": f"Bearer {token}"}
        assert httpx.get(f"{base}/api/search", params={"q": "x"}, timeout=5).status_code == 401
        put = httpx.put(f"{base}/api/documents/ro-1?refresh=true", json={"title": "read-only root"}, timeout=10,
                        headers=auth)
        assert put.status_code in (200, 201)
        assert httpx.get(f"{base}/api/search", params={"q": "read-only"}, timeout=5, headers=auth).json()["total"] >= 1
        assert httpx.get(f"{base}/metrics", timeout=5).status_code == 404
        internal = f"http://127.0.0.1:{internal_port}"
        assert "gateway_http_requests_total" in httpx.get(f"{internal}/metrics", timeout=5).text
        assert httpx.get(f"{internal}/openapi.json", timeout=5).json()["info"]["version"] == "0.3.0"
    finally:
        proc.terminate()
        output = proc.communicate(timeout=20)[0].decode()
    assert "Read-only file system" not in output, output[-2000:]
    assert "GET /api/search" in output and token not in output, output  # uvicorn's access log: the path, never the token
