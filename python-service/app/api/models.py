"""Request and response bodies; their limits are the service's contract in the OpenAPI document."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["document", "gitlab_project", "gitlab_issue"]
Tag = Annotated[str, Field(min_length=1, max_length=64)]
DOC_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"


class ErrorOut(BaseModel):
    detail: str
    dependency: str | None = None


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1, max_length=500)
    body: str = Field("", max_length=100_000)
    tags: list[Tag] = Field(default_factory=list, max_length=50)


class DocumentOut(BaseModel):
    id: str
    kind: Kind
    title: str
    body: str
    tags: list[str]
    url: str | None = None
    updated_at: datetime | None = None


class SearchHitOut(BaseModel):
    id: str
    kind: Kind
    title: str
    score: float
    url: str | None = None
    snippet: str | None = None


class SearchOut(BaseModel):
    total: int
    took_ms: int
    hits: list[SearchHitOut]


class RecordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str = Field(pattern=r"^[a-z][a-z0-9_-]{0,63}$")
    name: str = Field(min_length=1, max_length=200)
    payload: dict[str, Any] = Field(default_factory=dict)


class RecordOut(BaseModel):
    id: int
    kind: str
    name: str
    payload: dict[str, Any]
    created_at: datetime


class GitLabNamespace(BaseModel):
    id: int
    name: str | None = None
    path: str | None = None
    kind: str | None = None
    full_path: str | None = None


class GitLabProject(BaseModel):
    id: int
    name: str
    path_with_namespace: str | None = None
    description: str | None = None
    default_branch: str | None = None
    web_url: str | None = None
    last_activity_at: datetime | None = None
    namespace: GitLabNamespace | None = None


class GitLabIssue(BaseModel):
    id: int
    iid: int
    project_id: int
    title: str
    description: str | None = None
    state: str
    labels: list[str] = Field(default_factory=list)
    web_url: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class GitLabPipeline(BaseModel):
    id: int
    iid: int | None = None
    project_id: int
    status: str
    source: str | None = None
    ref: str | None = None
    sha: str | None = None
    web_url: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class PageInfo(BaseModel):
    page: int
    per_page: int
    next_page: int | None = None
    total: int | None = Field(None, description="absent when GitLab has more than 10,000 results")


class ProjectsOut(PageInfo):
    items: list[GitLabProject]


class IssuesOut(PageInfo):
    items: list[GitLabIssue]


class PipelinesOut(PageInfo):
    items: list[GitLabPipeline]


class SyncRunOut(BaseModel):
    id: int | None = Field(None, description="the run's row in SQL Server; null if it could not be recorded")
    status: Literal["succeeded", "partial", "failed"]
    started_at: datetime
    duration_ms: int
    projects: int
    issues: int
    errors: int
    error_summary: str | None = None


class SyncFailedOut(ErrorOut):
    run: SyncRunOut


class SyncJobOut(BaseModel):
    id: str
    state: Literal["running", "finished"]
    started_at: datetime
    finished_at: datetime | None = None
    run: SyncRunOut | None = Field(None, description="the finished run; null while running")
    detail: str | None = Field(None, description="why the run failed, naming the dependency")
    dependency: str | None = None


class SyncBusyOut(ErrorOut):
    job: SyncJobOut


class DependencyState(BaseModel):
    status: Literal["up", "down", "not_configured"]
    detail: str
    latency_ms: int


class ReadyOut(BaseModel):
    status: Literal["ready", "not_ready"]


class ReadinessOut(BaseModel):
    status: Literal["ready", "not_ready"]
    dependencies: dict[str, DependencyState]


DEPENDENCY_DOWN = {503: {"model": ErrorOut, "description": "a dependency is unavailable; it is named"}}
NOT_FOUND = {404: {"model": ErrorOut, "description": "no such object"}}
BAD_BODY = {400: {"model": ErrorOut, "description": "the body is not valid JSON"}}
