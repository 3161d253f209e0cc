"""Controls the real Elasticsearch node from tools/es-harness through its run-es.sh wrapper."""

from __future__ import annotations

import os
import socket
import subprocess
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
RUN_ES = REPO / "tools" / "es-harness" / "run-es.sh"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EsNode:
    def __init__(self, home: Path, http_port: int, transport_port: int):
        self.home = home
        self.http_port = http_port
        self.transport_port = transport_port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @classmethod
    def from_environment(cls) -> EsNode | None:
        """The node run-tests.sh started, if any."""
        if "GATEWAY_TEST_ES_HOME" not in os.environ:
            return None
        return cls(Path(os.environ["GATEWAY_TEST_ES_HOME"]), int(os.environ["GATEWAY_TEST_ES_HTTP_PORT"]),
                   int(os.environ["GATEWAY_TEST_ES_TRANSPORT_PORT"]))

    def start(self) -> None:
        subprocess.run([str(RUN_ES), "start", "--home", str(self.home), "--http-port", str(self.http_port),
                        "--transport-port", str(self.transport_port), "--name", "gateway-test"],
                       check=True, env=self._env(), stdout=subprocess.DEVNULL)

    def stop(self) -> None:
        subprocess.run([str(RUN_ES), "stop"], check=True, env=self._env())

    def answering(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_cluster/health", timeout=2) as r:
                return r.status == 200
        except OSError:
            return False

    def _env(self) -> dict[str, str]:
        return {**os.environ, "ES_HOME": str(self.home), "ES_PID_FILE": str(self.home / "es.pid")}
