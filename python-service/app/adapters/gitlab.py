"""GitLab's REST API v4 through httpx: projects, issues, pipelines, offset pagination.

Pagination follows GitLab's headers: X-Page, X-Per-Page, X-Next-Page (empty on the last page),
X-Total (absent above 10,000 results). Only GET is used, so every call may be retried.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, TypeVar

import httpx

from app.adapters.base import DependencyUnavailable, NotFound, Page
from app.core.resilience import DependencyCaller

T = TypeVar("T")
NAME = "gitlab"
TRANSIENT_STATUS = {429, 500, 502, 503, 504}
MAX_PER_PAGE = 100  # GitLab's own limit


class GitLabClient:
    name = NAME

    def __init__(self, url: str, token: str, caller: DependencyCaller, *, timeout: float = 5.0,
                 transport: httpx.BaseTransport | None = None, page_size: int = MAX_PER_PAGE):
        self._caller = caller
        self._page_size = page_size
        self._http = httpx.Client(
            base_url=f"{url.rstrip('/')}/api/v4", timeout=httpx.Timeout(timeout),
            headers={"PRIVATE-TOKEN": token, "Accept": "application/json",
                     "User-Agent": "kubeyard-platform-gateway"},
            transport=transport, follow_redirects=False)

    def close(self) -> None:
        self._http.close()

    def check(self, timeout: float) -> str:
        body = self._get("/version", {}, timeout=timeout).json()
        return f"GitLab {body.get('version', 'unknown')}"

    def list_projects(self, page: int, per_page: int, search: str | None = None) -> Page:
        params: dict[str, Any] = {"page": page, "per_page": per_page, "order_by": "id", "sort": "asc",
                                  "simple": "true"}
        if search:
            params["search"] = search
        return self._page("list_projects", "/projects", params)

    def get_project(self, project_id: int) -> dict[str, Any]:
        return self._caller.call("get_project", lambda: self._get(f"/projects/{project_id}", {}).json(),
                                 idempotent=True)

    def list_issues(self, project_id: int, state: str | None, page: int, per_page: int) -> Page:
        params: dict[str, Any] = {"page": page, "per_page": per_page, "order_by": "created_at", "sort": "desc"}
        if state:
            params["state"] = state
        return self._page("list_issues", f"/projects/{project_id}/issues", params)

    def list_pipelines(self, project_id: int, status: str | None, ref: str | None, page: int,
                       per_page: int) -> Page:
        params: dict[str, Any] = {"page": page, "per_page": per_page}
        if status:
            params["status"] = status
        if ref:
            params["ref"] = ref
        return self._page("list_pipelines", f"/projects/{project_id}/pipelines", params)

    def iter_projects(self, limit: int) -> Iterator[dict[str, Any]]:
        yield from self._iterate(lambda page, n: self.list_projects(page, n), limit)

    def iter_issues(self, project_id: int, limit: int) -> Iterator[dict[str, Any]]:
        yield from self._iterate(lambda page, n: self.list_issues(project_id, None, page, n), limit)

    # -- helpers --------------------------------------------------------------------------------
    def _iterate(self, fetch: Callable[[int, int], Page], limit: int) -> Iterator[dict[str, Any]]:
        per_page = min(self._page_size, limit)  # constant: offset pagination shifts if it changes
        page: int | None = 1
        seen = 0
        while page is not None and seen < limit:
            result = fetch(page, per_page)
            for item in result.items[: limit - seen]:
                seen += 1
                yield item
            page = result.next_page if result.items else None

    def _page(self, operation: str, path: str, params: dict[str, Any]) -> Page:
        def fetch() -> Page:
            response = self._get(path, params)
            items = response.json()
            if not isinstance(items, list):
                raise DependencyUnavailable(NAME, "answered with an unexpected body", transient=False)
            h = response.headers
            return Page(items=items, page=_int(h.get("x-page")) or params["page"],
                        per_page=_int(h.get("x-per-page")) or params["per_page"],
                        next_page=_int(h.get("x-next-page")), total=_int(h.get("x-total")))
        return self._caller.call(operation, fetch, idempotent=True)

    def _get(self, path: str, params: dict[str, Any], timeout: float | None = None) -> httpx.Response:
        try:
            extra = {"timeout": timeout} if timeout is not None else {}
            response = self._http.get(path, params=params, **extra)
        except httpx.TimeoutException as e:
            raise DependencyUnavailable(NAME, "timed out") from e
        except httpx.TransportError as e:
            raise DependencyUnavailable(NAME, "unreachable") from e
        if response.status_code == 404:
            raise NotFound(path)
        if response.status_code in (401, 403):
            raise DependencyUnavailable(NAME, "rejected the gateway's token", transient=False)
        if response.status_code in TRANSIENT_STATUS:
            raise DependencyUnavailable(NAME, f"answered {response.status_code}")
        if response.status_code != 200:
            raise DependencyUnavailable(NAME, f"answered {response.status_code}", transient=False)
        return response


def _int(value: str | None) -> int | None:
    """GitLab sends an empty X-Next-Page on the last page."""
    try:
        return int(value) if value else None
    except ValueError:
        return None
