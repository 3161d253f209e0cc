"""A GitLab v4 API contract server on 127.0.0.1 (GitLab itself cannot run on this machine).

It serves the documented response shapes from tests/contracts/gitlab/ with GitLab's offset
pagination headers, checks PRIVATE-TOKEN, and can be told to fail the next requests (503) so
retries and outages can be tested.
"""

from __future__ import annotations

import copy
import json
import math
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

CONTRACTS = Path(__file__).resolve().parent.parent / "contracts" / "gitlab"


def _example(name: str) -> dict[str, Any]:
    return json.loads((CONTRACTS / f"{name}.json").read_text())


class GitLabData:
    """Projects 1..n; each with issues and pipelines derived from the documented examples."""

    def __init__(self, projects: int = 3, issues_per_project: tuple[int, ...] = (25, 2, 0), pipelines: int = 3):
        self.projects: list[dict[str, Any]] = []
        self.issues: dict[int, list[dict[str, Any]]] = {}
        self.pipelines: dict[int, list[dict[str, Any]]] = {}
        for pid in range(1, projects + 1):
            p = _example("project")
            slug = f"platform-{pid}"
            p.update(id=pid, name=f"Platform {pid}", path=slug, name_with_namespace=f"Kubeyard / Platform {pid}",
                     path_with_namespace=f"kubeyard/{slug}", description=f"Service number {pid} of the platform",
                     web_url=f"https://gitlab.example.com/kubeyard/{slug}")
            self.projects.append(p)
            n = issues_per_project[pid - 1] if pid - 1 < len(issues_per_project) else 0
            self.issues[pid] = [self._issue(pid, iid) for iid in range(n, 0, -1)]  # newest first
            self.pipelines[pid] = [self._pipeline(pid, k) for k in range(pipelines, 0, -1)]

    @staticmethod
    def _issue(pid: int, iid: int) -> dict[str, Any]:
        i = _example("issue")
        i.update(id=pid * 1000 + iid, iid=iid, project_id=pid, title=f"Failover drill {iid} for platform {pid}",
                 description=f"Check that replica {iid} takes over", labels=["drill", f"p{pid}"],
                 state="opened" if iid % 2 else "closed",
                 web_url=f"https://gitlab.example.com/kubeyard/platform-{pid}/-/issues/{iid}")
        return i

    @staticmethod
    def _pipeline(pid: int, k: int) -> dict[str, Any]:
        p = _example("pipeline")
        p.update(id=pid * 100 + k, iid=k, project_id=pid, status="success" if k % 2 else "failed",
                 ref="main", web_url=f"https://gitlab.example.com/kubeyard/platform-{pid}/-/pipelines/{pid * 100 + k}")
        return p


class GitLabContractServer:
    def __init__(self, token: str, data: GitLabData | None = None):
        self.token = token
        self.data = data or GitLabData()
        self.requests: list[tuple[str, dict[str, list[str]]]] = []
        self._fail_remaining = 0
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def start(self) -> GitLabContractServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def fail_next(self, count: int) -> None:
        """The next ``count`` requests get 503, as GitLab's load balancer answers mid-restart."""
        with self._lock:
            self._fail_remaining = count

    def _take_failure(self) -> bool:
        with self._lock:
            if self._fail_remaining > 0:
                self._fail_remaining -= 1
                return True
            return False

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                parts = urlsplit(self.path)
                query = parse_qs(parts.query)
                server.requests.append((parts.path, query))
                if server._take_failure():
                    return self._json(503, {"message": "503 Service Unavailable"})
                if self.headers.get("PRIVATE-TOKEN") != server.token:
                    return self._json(401, {"message": "401 Unauthorized"})
                segments = [s for s in parts.path.split("/") if s]
                if segments[:2] != ["api", "v4"]:
                    return self._json(404, {"error": "404 Not Found"})
                self._route(segments[2:], query, parts.path)

            def _route(self, seg: list[str], query: dict[str, list[str]], path: str) -> None:
                d = server.data
                if seg == ["version"]:
                    return self._json(200, {"version": "17.11.0", "revision": "6cd9c3a5a1b"})
                if seg == ["projects"]:
                    items = d.projects
                    if "search" in query:
                        items = [p for p in items if query["search"][0].lower() in p["name"].lower()]
                    return self._paged(items, query, path)
                if len(seg) >= 2 and seg[0] == "projects":
                    project = next((p for p in d.projects if str(p["id"]) == seg[1]), None)
                    if project is None:
                        return self._json(404, {"message": "404 Project Not Found"})
                    if len(seg) == 2:
                        return self._json(200, project)
                    if seg[2:] == ["issues"]:
                        items = d.issues[project["id"]]
                        state = query.get("state", ["all"])[0]
                        if state != "all":
                            items = [i for i in items if i["state"] == state]
                        return self._paged(items, query, path)
                    if seg[2:] == ["pipelines"]:
                        items = d.pipelines[project["id"]]
                        for key in ("status", "ref"):
                            if key in query:
                                items = [p for p in items if p[key] == query[key][0]]
                        return self._paged(items, query, path)
                self._json(404, {"error": "404 Not Found"})

            def _paged(self, items: list[dict[str, Any]], query: dict[str, list[str]], path: str) -> None:
                page = max(1, int(query.get("page", ["1"])[0]))
                per_page = min(100, max(1, int(query.get("per_page", ["20"])[0])))
                pages = max(1, math.ceil(len(items) / per_page))
                body = copy.deepcopy(items[(page - 1) * per_page: page * per_page])
                nxt = page + 1 if page < pages else None
                prev = page - 1 if page > 1 else None
                base = {k: v[0] for k, v in query.items()}

                def link(p: int, rel: str) -> str:
                    return f'<http://gitlab.example.com{path}?{urlencode({**base, "page": p})}>; rel="{rel}"'

                links = [link(p, r) for p, r in ((prev, "prev"), (nxt, "next")) if p] + \
                        [link(1, "first"), link(pages, "last")]
                self._json(200, body, {
                    "X-Page": str(page), "X-Per-Page": str(per_page), "X-Next-Page": str(nxt or ""),
                    "X-Prev-Page": str(prev or ""), "X-Total": str(len(items)), "X-Total-Pages": str(pages),
                    "Link": ", ".join(links)})

            def _json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(raw)

        return Handler
